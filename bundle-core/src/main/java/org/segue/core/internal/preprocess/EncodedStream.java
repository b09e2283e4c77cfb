package org.segue.core.internal.preprocess;

import java.util.BitSet;
import java.util.Objects;

import org.segue.training.Staff;

/**
 * One staff of one piece as the networks see it: at step {@code i}, event index {@code events[i]} and duration
 * index {@code durations[i]} of that staff's vocabularies.
 *
 * @param replacedEvents the steps whose event was not in the vocabulary and was replaced by its nearest known label
 * @param replacedDurations the same for durations
 * @param context for a listening network, {@link OnsetContext#WIDTH} numbers per step: the situation at the onset
 *        of step {@code i}'s event; null for the published design's independent networks
 */
public record EncodedStream(String piece, Staff staff, int[] events, int[] durations, BitSet replacedEvents,
                            BitSet replacedDurations, float[] context) {

    public EncodedStream {
        Objects.requireNonNull(piece, "piece");
        Objects.requireNonNull(staff, "staff");
        if (events.length != durations.length) {
            throw new IllegalArgumentException(events.length + " events but " + durations.length + " durations");
        }
        if (context != null && context.length != events.length * OnsetContext.WIDTH) {
            throw new IllegalArgumentException(context.length + " context numbers for " + events.length + " steps");
        }
    }

    /** A stream without context, for the independent networks. */
    public EncodedStream(String piece, Staff staff, int[] events, int[] durations, BitSet replacedEvents,
                         BitSet replacedDurations) {
        this(piece, staff, events, durations, replacedEvents, replacedDurations, null);
    }

    /** The same steps with their onset contexts. */
    public EncodedStream withContext(float[] onsetContext) {
        return new EncodedStream(piece, staff, events, durations, replacedEvents, replacedDurations, onsetContext);
    }

    public int size() {
        return events.length;
    }
}
