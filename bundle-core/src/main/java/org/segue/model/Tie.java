package org.segue.model;

/** How a note is tied to its neighbours of the same pitch in the same voice. */
public enum Tie {
    /** Not tied. */
    NONE,
    /** Tied to the next note. */
    START,
    /** Tied from the previous note. */
    STOP,
    /** Tied from the previous note and to the next one. */
    CONTINUE;

    public boolean tiedToNext() {
        return this == START || this == CONTINUE;
    }

    public boolean tiedFromPrevious() {
        return this == STOP || this == CONTINUE;
    }

    public static Tie of(boolean fromPrevious, boolean toNext) {
        if (fromPrevious) return toNext ? CONTINUE : STOP;
        return toNext ? START : NONE;
    }
}
