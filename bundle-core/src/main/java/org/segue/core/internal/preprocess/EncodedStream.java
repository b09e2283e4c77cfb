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
 */
public record EncodedStream(String piece, Staff staff, int[] events, int[] durations, BitSet replacedEvents,
                            BitSet replacedDurations) {

    public EncodedStream {
        Objects.requireNonNull(piece, "piece");
        Objects.requireNonNull(staff, "staff");
        if (events.length != durations.length) {
            throw new IllegalArgumentException(events.length + " events but " + durations.length + " durations");
        }
    }

    public int size() {
        return events.length;
    }
}
