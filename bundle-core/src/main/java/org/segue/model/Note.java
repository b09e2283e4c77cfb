package org.segue.model;

/** A single sounding pitch for a duration, maybe tied to its neighbours. */
public record Note(Pitch pitch, Duration duration, Tie tie) implements Event {

    public Note {
        if (pitch == null) throw new IllegalArgumentException("pitch must not be null");
        if (duration == null || !duration.isPositive()) {
            throw new IllegalArgumentException("a note's duration must be > 0, not " + duration);
        }
        if (tie == null) tie = Tie.NONE;
    }

    public Note(Pitch pitch, Duration duration) {
        this(pitch, duration, Tie.NONE);
    }

    @Override
    public Note withDuration(Duration newDuration) {
        return new Note(pitch, newDuration, tie);
    }

    public Note withTie(Tie newTie) {
        return new Note(pitch, duration, newTie);
    }
}
