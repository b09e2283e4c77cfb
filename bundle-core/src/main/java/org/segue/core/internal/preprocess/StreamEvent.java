package org.segue.core.internal.preprocess;

import java.util.Objects;

import org.segue.model.Duration;

/**
 * One event of a staff stream: what sounds, when it starts (from the start of the piece) and how long it lasts
 * (until the next event of the stream starts).
 */
public record StreamEvent(EventLabel label, Duration onset, Duration duration) {

    public StreamEvent {
        Objects.requireNonNull(label, "label");
        if (onset == null || onset.isNegative()) throw new IllegalArgumentException("onset must be >= 0, not " + onset);
        if (duration == null || !duration.isPositive()) {
            throw new IllegalArgumentException("an event lasts > 0, not " + duration);
        }
    }

    public DurationCategory category() {
        return DurationCategory.of(duration);
    }
}
