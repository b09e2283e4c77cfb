package org.segue.core.internal.model;

/** One step of a staff as the network reads it: an event index and a duration index of the staff's vocabularies. */
public record Token(int event, int duration) {

    public Token {
        if (event < 0 || duration < 0) {
            throw new IllegalArgumentException("vocabulary indices are >= 0, not " + event + "/" + duration);
        }
    }
}
