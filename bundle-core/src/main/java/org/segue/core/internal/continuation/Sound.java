package org.segue.core.internal.continuation;

import java.util.List;

import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Note;
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.Tie;

/**
 * One generated step of a staff before it is cut into measures: the pitches that start together (none for a
 * rest) and how long they last.
 */
record Sound(List<Pitch> pitches, Duration duration) {

    Sound {
        pitches = List.copyOf(pitches.stream().distinct().sorted().toList());
        if (!duration.isPositive()) throw new IllegalArgumentException("a sound lasts > 0, not " + duration);
    }

    static Sound rest(Duration duration) {
        return new Sound(List.of(), duration);
    }

    boolean isRest() {
        return pitches.isEmpty();
    }

    Sound withDuration(Duration newDuration) {
        return new Sound(pitches, newDuration);
    }

    /** The model event for this sound, or for a piece of it, tied as asked (rests are never tied). */
    Event toEvent(Duration length, boolean tiedFromPrevious, boolean tiedToNext) {
        if (isRest()) return new Rest(length);
        Tie tie = Tie.of(tiedFromPrevious, tiedToNext);
        List<Note> notes = pitches.stream().map(p -> new Note(p, length, tie)).toList();
        return notes.size() == 1 ? notes.get(0) : new Chord(notes);
    }
}
