package org.segue.core.internal.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.core.internal.preprocess.EventLabel;
import org.segue.core.internal.preprocess.Meter;
import org.segue.core.internal.preprocess.OnsetContext;
import org.segue.core.internal.preprocess.StaffStream;
import org.segue.core.internal.preprocess.StreamEvent;
import org.segue.model.Duration;
import org.segue.model.Pitch;
import org.segue.training.Staff;

/** What a network reads in generation is what it read in training for the same music. */
class ContextSourceTest {

    private static final int W = OnsetContext.WIDTH;
    private static final int TO_D_MAJOR = 2;
    private static final Meter THREE_FOUR = new Meter(List.of(
            new Meter.Bar(Duration.ZERO, Duration.of(3, 4), Duration.QUARTER)));
    /** One bar before the new music: the piece's last treble and bass events. */
    private static final Duration NEW_BARS = Duration.of(3, 4);

    private static final StaffStream TREBLE = stream(Staff.TREBLE,
            new StreamEvent(EventLabel.of(79), Duration.ZERO, Duration.of(3, 4)), // the piece's last bar
            new StreamEvent(EventLabel.of(72, 76), NEW_BARS, Duration.QUARTER),
            new StreamEvent(EventLabel.REST, Duration.of(4, 4), Duration.EIGHTH),
            new StreamEvent(EventLabel.of(74), Duration.of(9, 8), Duration.of(3, 8)));
    private static final StaffStream BASS = stream(Staff.BASS,
            new StreamEvent(EventLabel.of(43), Duration.ZERO, Duration.of(3, 4)),
            new StreamEvent(EventLabel.of(48), NEW_BARS, Duration.of(3, 8)),
            new StreamEvent(EventLabel.of(55, 59), Duration.of(9, 8), Duration.of(3, 8)));

    private static StaffStream stream(Staff staff, StreamEvent... events) {
        return new StaffStream(staff, List.of(events));
    }

    /** The new sounds of a stream (from the new bars on), in D major, as generation records them. */
    private static Timeline newSounds(StaffStream stream) {
        Timeline timeline = new Timeline();
        for (StreamEvent e : stream.events().subList(1, stream.size())) {
            timeline.add(new Sound(e.label().midis().stream().map(m -> Pitch.fromMidi(m + TO_D_MAJOR, false)).toList(),
                    e.duration()));
        }
        return timeline;
    }

    private static void assertSameAsTraining(StaffStream own, StaffStream other) {
        Staff staff = own.staff();
        float[] trained = OnsetContext.of(own, other, THREE_FOUR);
        ContextSource source = new ContextSource(newSounds(other), OnsetContext.seesSameOnset(staff),
                other.events().get(0).label(), TO_D_MAJOR, THREE_FOUR, NEW_BARS);
        for (int i = 1; i < own.size(); i++) {
            Duration onset = own.events().get(i).onset().minus(NEW_BARS);
            assertThat(source.at(onset)).as("%s at %s", staff.label(), onset)
                    .containsExactly(Arrays.copyOfRange(trained, i * W, (i + 1) * W));
        }
    }

    @Test
    void theTrebleReadsWhatItReadInTraining() {
        assertSameAsTraining(TREBLE, BASS);
    }

    @Test
    void theBassReadsWhatItReadInTraining() {
        assertSameAsTraining(BASS, TREBLE);
    }
}
