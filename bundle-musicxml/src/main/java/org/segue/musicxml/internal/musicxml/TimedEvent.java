package org.segue.musicxml.internal.musicxml;

import org.segue.model.Duration;
import org.segue.model.Pitch;

/**
 * A note or rest as the reader found it: where it starts within its measure, how long it lasts, and on which staff
 * and in which voice (the voice's number in the model). Chords and voices are formed from these afterwards.
 *
 * @param pitch the written pitch (an unpitched note's display position), or null for a rest
 */
record TimedEvent(int staff, int voice, Duration onset, Duration duration, Pitch pitch, boolean tieFromPrevious,
                  boolean tieToNext, boolean unpitched) {

    TimedEvent {
        if (staff < 1) throw new IllegalArgumentException("staff number must be >= 1, not " + staff);
        if (onset.isNegative()) throw new IllegalArgumentException("onset must be >= 0, not " + onset);
        if (!duration.isPositive()) throw new IllegalArgumentException("duration must be > 0, not " + duration);
    }

    static TimedEvent rest(int staff, int voice, Duration onset, Duration duration) {
        return new TimedEvent(staff, voice, onset, duration, null, false, false, false);
    }

    boolean isRest() {
        return pitch == null;
    }

    Duration end() {
        return onset.plus(duration);
    }
}
