package org.segue.model;

/** Silence in a voice for a duration. A gap that MusicXML fills with {@code <forward>} is a rest here too. */
public record Rest(Duration duration) implements Event {

    public Rest {
        if (duration == null || !duration.isPositive()) {
            throw new IllegalArgumentException("a rest's duration must be > 0, not " + duration);
        }
    }

    @Override
    public Rest withDuration(Duration newDuration) {
        return new Rest(newDuration);
    }
}
