package org.segue.core.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.segue.model.Pitch;

class EventLabelTest {

    @Test
    void aChordIsLabelledLowestFirstWithDots() {
        assertThat(EventLabel.of(67, 60, 64)).hasToString("C4.E4.G4");
        assertThat(EventLabel.of(57, 61, 64)).hasToString("A3.C#4.E4");
        assertThat(EventLabel.of(70, 63)).hasToString("Eb4.Bb4");
    }

    @Test
    void twoVoicesOnOnePitchSoundAsOneNote() {
        EventLabel label = EventLabel.of(60, 60);
        assertThat(label).hasToString("C4");
        assertThat(label.isChord()).isFalse();
    }

    @Test
    void aRestIsR() {
        assertThat(EventLabel.REST).hasToString("R");
        assertThat(EventLabel.parse("R").isRest()).isTrue();
    }

    @Test
    void parsingReadsBackEveryLabelAndMergesEnharmonicSpellings() {
        for (String label : new String[] {"R", "C4", "A0", "C8", "C4.E4.G4", "F#2.C#3.A3.Eb5", "Bb-1"}) {
            assertThat(EventLabel.parse(label)).hasToString(label);
        }
        assertThat(EventLabel.parse("Db4.Gb4")).isEqualTo(EventLabel.parse("C#4.F#4"));
    }

    @Test
    void canonicalSpellingSuitsCMajorAndAMinor() {
        assertThat(EventLabel.canonicalPitch(68)).isEqualTo(Pitch.parse("G#4"));
        assertThat(EventLabel.canonicalPitch(70)).isEqualTo(Pitch.parse("Bb4"));
        assertThat(EventLabel.canonicalPitch(63)).isEqualTo(Pitch.parse("Eb4"));
        assertThat(EventLabel.canonicalPitch(66)).isEqualTo(Pitch.parse("F#4"));
    }

    @Test
    void aBadLabelIsRefusedWithTheLabel() {
        assertThatThrownBy(() -> EventLabel.parse("C4.H4")).hasMessageContaining("'C4.H4'");
    }
}
