package org.segue.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PitchTest {

    @Test
    void midiNumberIsDerivedFromTheSpelling() {
        assertThat(Pitch.parse("C4").midi()).isEqualTo(60);
        assertThat(Pitch.parse("C#4").midi()).isEqualTo(Pitch.parse("Db4").midi());
        assertThat(Pitch.parse("Cb4").midi()).isEqualTo(59);
        assertThat(Pitch.parse("A0").midi()).isEqualTo(Pitch.LOWEST_PIANO_KEY);
    }

    @Test
    void spellsBlackKeysAsAsked() {
        assertThat(Pitch.fromMidi(61, false)).hasToString("C#4");
        assertThat(Pitch.fromMidi(61, true)).hasToString("Db4");
        assertThat(Pitch.fromMidi(64, true)).hasToString("E4");
    }

    @Test
    void transposesBySpelledIntervals() {
        Pitch c4 = Pitch.parse("C4");
        assertThat(c4.transpose(2, 3)).hasToString("Eb4");
        assertThat(c4.transpose(1, 3)).hasToString("D#4");
        assertThat(Pitch.parse("B3").transpose(1, 1)).hasToString("C4");
        assertThat(Pitch.parse("E4").transpose(-2, -4)).hasToString("C4");
    }

    @Test
    void printsAndParsesEveryAlteration() {
        for (String s : new String[] {"Ebb2", "Bb3", "G5", "F#1", "Fx5"}) {
            assertThat(Pitch.parse(s)).hasToString(s);
        }
    }
}
