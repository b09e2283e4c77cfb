package org.segue.musicxml.internal.midi;

import org.segue.model.Duration;

/**
 * A note on the score grid: onset and end as positions from the start of the piece, in whole notes.
 *
 * @param lengthened true when the quantizer had to make it longer than it sounded, because it would otherwise
 *        have lasted no time at all on the grid
 */
record QuantizedNote(int staff, int pitch, Duration onset, Duration end, boolean lengthened) {

    QuantizedNote {
        if (!end.minus(onset).isPositive()) {
            throw new IllegalArgumentException("a quantized note must end after it starts: " + onset + ".." + end);
        }
    }

    Duration duration() {
        return end.minus(onset);
    }

    QuantizedNote withEnd(Duration newEnd) {
        return new QuantizedNote(staff, pitch, onset, newEnd, lengthened);
    }
}
