package org.segue.model;

/** What a voice holds, one after another: a note, a chord or a rest, each with its exact duration. */
public sealed interface Event permits Note, Chord, Rest {

    Duration duration();

    /** The same event with another duration (ties are kept). */
    Event withDuration(Duration duration);
}
