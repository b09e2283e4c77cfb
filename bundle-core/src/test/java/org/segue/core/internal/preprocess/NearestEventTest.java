package org.segue.core.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class NearestEventTest {

    private final Vocabulary vocabulary = Vocabulary.byFrequency(
            Map.of("R", 10, "C4", 8, "G4", 3, "C4.E4.G4", 5, "A3.C4.E4", 4, "C3.G3", 2), 1);
    private final NearestEvent nearest = new NearestEvent(vocabulary);

    private String replace(String label) {
        return vocabulary.label(nearest.indexOf(EventLabel.parse(label)));
    }

    @Test
    void aKnownLabelIsItself() {
        assertThat(replace("C4.E4.G4")).isEqualTo("C4.E4.G4");
        assertThat(replace("R")).isEqualTo("R");
    }

    @Test
    void anUnknownChordBecomesTheNearestKnownChord() {
        assertThat(replace("C4.Eb4.G4")).isEqualTo("C4.E4.G4");   // distance 2
        assertThat(replace("A3.C4.E4.A4")).isEqualTo("A3.C4.E4"); // distance 5; C4.E4.G4 is 7 away
        assertThat(replace("C3.G3.C4")).isEqualTo("C3.G3");
    }

    @Test
    void anUnknownNoteBecomesTheNearestKnownNote() {
        assertThat(replace("D4")).isEqualTo("C4");
        assertThat(replace("F#4")).isEqualTo("G4");
        assertThat(replace("C7")).isEqualTo("G4");
    }

    @Test
    void tiesGoToTheMoreFrequentLabel() { // D4 is 2 semitones from both C4 and E4
        Vocabulary twoNotes = Vocabulary.byFrequency(Map.of("C4", 2, "E4", 7), 1);
        assertThat(twoNotes.label(new NearestEvent(twoNotes).indexOf(EventLabel.parse("D4")))).isEqualTo("E4");
    }

    @Test
    void pitchSetDistanceAddsTheClosestGapsBothWays() {
        assertThat(NearestEvent.distance(EventLabel.parse("C4.E4.G4").midis(),
                EventLabel.parse("C4.E4.G4.C5").midis())).isEqualTo(5);
        assertThat(NearestEvent.distance(EventLabel.parse("C4.E4.G4").midis(),
                EventLabel.parse("C4.Eb4.G4").midis())).isEqualTo(2);
    }
}
