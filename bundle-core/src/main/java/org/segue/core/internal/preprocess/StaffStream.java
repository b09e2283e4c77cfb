package org.segue.core.internal.preprocess;

import java.util.List;
import java.util.Objects;

import org.segue.model.Duration;
import org.segue.training.Staff;

/**
 * The events of one staff of one piece, in time order, one after the other from the start of the piece: each
 * event's duration reaches exactly to the next onset, so the durations add up to the staff's length.
 */
public record StaffStream(Staff staff, List<StreamEvent> events) {

    public StaffStream {
        Objects.requireNonNull(staff, "staff");
        events = List.copyOf(events);
        Duration expected = Duration.ZERO;
        for (StreamEvent e : events) {
            if (!e.onset().equals(expected)) {
                throw new IllegalArgumentException(staff.label() + " stream: an event starts at " + e.onset()
                        + " but the one before ends at " + expected);
            }
            expected = e.onset().plus(e.duration());
        }
    }

    /** The sum of the events' durations. */
    public Duration length() {
        return events.isEmpty() ? Duration.ZERO
                : events.get(events.size() - 1).onset().plus(events.get(events.size() - 1).duration());
    }

    public int size() {
        return events.size();
    }
}
