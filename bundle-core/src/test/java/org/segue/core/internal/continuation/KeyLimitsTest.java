package org.segue.core.internal.continuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.Chord;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Pitch;
import org.segue.model.TimeSignature;
import org.segue.model.Voice;

class KeyLimitsTest {

    private static final KeySignature A_MINOR = KeySignature.parse("a");

    @Test
    void aPlainStaffLetsNoNewNoteLeaveTheKeyWithoutHoldingItBack() {
        Measure m = measure(A_MINOR, List.of(note("A4"), note("G#4"), note("C5")), List.of(note("A2")));

        KeyLimits treble = KeyLimits.of(List.of(m, m), 1, A_MINOR);

        assertThat(treble.outsideShare()).isZero();
        assertThat(treble.outside(pitches("G#4", "F#4"))).as("the raised 6th and 7th are in A minor").isZero();
        assertThat(treble.outside(pitches("A#4", "D#5", "E5"))).isEqualTo(2);
        assertThat(treble.weight(0, 0, 0)).isEqualTo(1);
        assertThat(treble.weight(1, 0, 0)).isEqualTo(KeyLimits.HOLD_BACK);
    }

    @Test
    void aChromaticStaffAllowsItsOwnShareUpToTheMost() {
        // treble: one note in four outside C major; bass: one chord's note in three outside, then two plain notes
        Measure m = measure(KeySignature.C_MAJOR, List.of(note("C5"), note("C#5"), note("D5"), note("E5")),
                List.of(new Chord(List.of(note("C3"), note("Eb3"), note("G3"))), note("F2"), note("G2")));

        KeyLimits treble = KeyLimits.of(List.of(m), 1, KeySignature.C_MAJOR);
        KeyLimits bass = KeyLimits.of(List.of(m), 2, KeySignature.C_MAJOR);

        assertThat(treble.outsideShare()).isEqualTo(KeyLimits.MOST_OUTSIDE);
        assertThat(bass.outsideShare()).isEqualTo(KeyLimits.MOST_OUTSIDE);
        KeyLimits plain = KeyLimits.of(List.of(measure(KeySignature.C_MAJOR,
                List.of(note("C5"), note("D5"), note("E5"), note("F5"), note("G5"), note("A5"), note("B5"), note("C6"),
                        note("D6"), note("E6"), note("F6"), note("G6"), note("A6"), note("B6"), note("C7"), note("C#7"),
                        note("D7"), note("E7"), note("F7"), note("G7")), List.of(note("C3")))), 1,
                KeySignature.C_MAJOR);
        assertThat(plain.outsideShare()).isCloseTo(1.0 / 20, within(1e-12));
        assertThat(plain.weight(1, 0, 10)).isEqualTo(1);
        assertThat(plain.weight(1, 1, 30)).isEqualTo(1);
        assertThat(plain.weight(1, 1, 20)).isEqualTo(KeyLimits.HOLD_BACK);
        assertThat(plain.weight(0, 5, 10)).isEqualTo(1);
    }

    private static List<Pitch> pitches(String... names) {
        return java.util.Arrays.stream(names).map(Pitch::parse).toList();
    }

    private static Note note(String pitch) {
        return new Note(Pitch.parse(pitch), Duration.QUARTER);
    }

    private static Measure measure(KeySignature key, List<Event> treble, List<Event> bass) {
        Duration length = Duration.QUARTER.times(Math.max(treble.size(), bass.size()));
        return new Measure("1", key, new TimeSignature(4, 4), List.of(Clef.TREBLE, Clef.BASS), null, length,
                List.of(new Voice(1, 1, treble), new Voice(5, 2, bass)));
    }
}
