package org.segue.training;

import java.util.Objects;

/** Both heads of one staff's network, evaluated; see {@link HeadEvaluation}. */
public record StaffEvaluation(Staff staff, HeadEvaluation events, HeadEvaluation durations) {

    public StaffEvaluation {
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(durations, "durations");
    }
}
