package org.segue.core.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.KeySignature;
import org.segue.model.Mode;
import org.segue.model.Pitch;
import org.segue.model.Step;

class TranspositionTest {

    /** Every signature with both modes: the 24 keys, with their enharmonic spellings (30 signatures). */
    private static List<KeySignature> allKeys() {
        List<KeySignature> keys = new ArrayList<>();
        for (int fifths = -7; fifths <= 7; fifths++) {
            keys.add(new KeySignature(fifths, Mode.MAJOR));
            keys.add(new KeySignature(fifths, Mode.MINOR));
        }
        return keys;
    }

    @Test
    void movesEveryKeyToCMajorOrAMinorByAtMostSixSemitones() {
        for (KeySignature key : allKeys()) {
            Transposition t = Transposition.toCanonical(key);
            Pitch tonic = t.apply(key.tonic());
            assertThat(tonic.alter()).as(key.displayName()).isZero();
            assertThat(tonic.step()).as(key.displayName()).isEqualTo(key.isMinor() ? Step.A : Step.C);
            assertThat(Math.abs(t.semitones())).as(key.displayName()).isLessThanOrEqualTo(6);
            assertThat(t.apply(key)).as(key.displayName()).isEqualTo(Transposition.canonicalKey(key));
        }
    }

    @Test
    void choosesTheSmallerInterval() {
        assertThat(Transposition.toCanonical(KeySignature.parse("G"))).isEqualTo(new Transposition(3, 5));
        assertThat(Transposition.toCanonical(KeySignature.parse("E-flat"))).isEqualTo(new Transposition(-2, -3));
        assertThat(Transposition.toCanonical(KeySignature.parse("B"))).isEqualTo(new Transposition(1, 1));
        assertThat(Transposition.toCanonical(KeySignature.parse("c"))).isEqualTo(new Transposition(-2, -3));
        assertThat(Transposition.toCanonical(KeySignature.parse("F#"))).isEqualTo(new Transposition(-3, -6));
    }

    @Test
    void roundTripRestoresEverySpelledPitchInAll24Keys() {
        int checked = 0;
        for (KeySignature key : allKeys()) {
            Transposition there = Transposition.toCanonical(key);
            Transposition back = Transposition.fromCanonical(key);
            for (int octave = 1; octave <= 7; octave++) {
                for (Step step : Step.values()) {
                    for (int alter = -1; alter <= 1; alter++) {
                        Pitch p = new Pitch(step, alter, octave);
                        Pitch moved = p.transpose(there.diatonicSteps(), there.semitones());
                        if (moved == null) continue; // would need a triple accidental: spelled by MIDI instead
                        assertThat(back.apply(there.apply(p))).as(key.displayName() + " " + p).isEqualTo(p);
                        assertThat(there.apply(p).midi() - p.midi()).isEqualTo(there.semitones());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(30 * 7 * 7 * 3 * 9 / 10);
    }

    @Test
    void everyScaleNoteOfEveryKeyLandsOnAWhiteKeyAndComesBack() {
        int[] major = {0, 2, 4, 5, 7, 9, 11};
        int[] minor = {0, 2, 3, 5, 7, 8, 10};
        for (KeySignature key : allKeys()) {
            Transposition there = Transposition.toCanonical(key);
            int[] scale = key.isMinor() ? minor : major;
            for (int degree = 0; degree < 7; degree++) {
                Pitch p = key.tonic().transpose(degree, scale[degree]);
                Pitch moved = there.apply(p);
                assertThat(moved.alter()).as(key.displayName() + " degree " + degree).isZero();
                assertThat(Transposition.fromCanonical(key).apply(moved)).isEqualTo(p);
            }
        }
    }

    @Test
    void theWayBackSpellsForTheTargetKey() {
        Transposition back = Transposition.fromCanonical(KeySignature.parse("E-flat"));
        assertThat(back.apply(Pitch.parse("E4"))).isEqualTo(Pitch.parse("G4"));
        assertThat(back.apply(Pitch.parse("B3"))).isEqualTo(Pitch.parse("D4"));
        assertThat(back.apply(Pitch.parse("A4"))).isEqualTo(Pitch.parse("C5"));
        Transposition toF = Transposition.fromCanonical(KeySignature.parse("F"));
        assertThat(toF.apply(Pitch.parse("F4"))).isEqualTo(Pitch.parse("Bb4"));
        assertThat(toF.apply(KeySignature.C_MAJOR)).isEqualTo(KeySignature.parse("F"));
    }

    @Test
    void aPitchThatWouldNeedATripleAccidentalIsSpelledByItsMidiNumber() {
        Transposition up = new Transposition(0, 1);
        assertThat(up.apply(Pitch.parse("Fx4")).midi()).isEqualTo(Pitch.parse("Fx4").midi() + 1);
    }
}
