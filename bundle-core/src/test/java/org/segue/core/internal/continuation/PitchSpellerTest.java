package org.segue.core.internal.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.segue.model.KeySignature;
import org.segue.model.Pitch;

class PitchSpellerTest {

    @Test
    void sharpKeysUseSharpsAndFlatKeysFlats() {
        assertThat(new PitchSpeller(KeySignature.parse("D")).spell(66)).hasToString("F#4");
        assertThat(new PitchSpeller(KeySignature.parse("D")).spell(63)).hasToString("D#4");
        assertThat(new PitchSpeller(KeySignature.parse("E-flat")).spell(66)).hasToString("Gb4");
        assertThat(new PitchSpeller(KeySignature.parse("E-flat")).spell(70)).hasToString("Bb4");
    }

    @Test
    void scaleNotesKeepTheirLetters() {
        assertThat(new PitchSpeller(KeySignature.parse("F-sharp")).spell(65)).hasToString("E#4");
        assertThat(new PitchSpeller(KeySignature.parse("G-flat")).spell(71)).hasToString("Cb5");
    }

    @Test
    void minorKeysRaiseTheirSixthAndSeventh() {
        assertThat(new PitchSpeller(KeySignature.parse("d")).spell(61)).hasToString("C#4");
        assertThat(new PitchSpeller(KeySignature.parse("d")).spell(59)).hasToString("B3");
        assertThat(new PitchSpeller(KeySignature.parse("a")).spell(68)).hasToString("G#4");
    }

    @Test
    void keepsPitchesOnThePiano() {
        PitchSpeller c = new PitchSpeller(KeySignature.C_MAJOR);
        assertThat(c.spell(12).midi()).isBetween(Pitch.LOWEST_PIANO_KEY, Pitch.LOWEST_PIANO_KEY + 11);
        assertThat(c.spell(120).midi()).isBetween(Pitch.HIGHEST_PIANO_KEY - 11, Pitch.HIGHEST_PIANO_KEY);
    }
}
