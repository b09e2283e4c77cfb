package org.segue.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One voice of one staff within a measure: events that follow each other from the start of the measure, so an
 * event's onset is the sum of the durations before it. A voice that MusicXML moves across staves is kept here as
 * one {@code Voice} per staff, with rests where it is on the other staff.
 *
 * @param number the voice number, 1 or more, unique within the measure together with the staff
 * @param staff the staff number within the part, 1 or more
 */
public record Voice(int number, int staff, List<Event> events) {

    public Voice {
        if (number < 1) throw new IllegalArgumentException("voice number must be >= 1, not " + number);
        if (staff < 1) throw new IllegalArgumentException("staff number must be >= 1, not " + staff);
        events = List.copyOf(events);
    }

    /** The total duration of the events. */
    public Duration length() {
        Duration sum = Duration.ZERO;
        for (Event e : events) sum = sum.plus(e.duration());
        return sum;
    }

    /** The onset of each event from the start of the measure, in order. */
    public List<Duration> onsets() {
        List<Duration> onsets = new ArrayList<>(events.size());
        Duration t = Duration.ZERO;
        for (Event e : events) {
            onsets.add(t);
            t = t.plus(e.duration());
        }
        return onsets;
    }

    /** True when the voice has nothing but rests. */
    public boolean isSilent() {
        return events.stream().allMatch(e -> e instanceof Rest);
    }
}
