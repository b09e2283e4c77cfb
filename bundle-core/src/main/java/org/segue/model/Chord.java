package org.segue.model;

import java.util.Comparator;
import java.util.List;

/**
 * Two or more notes that start together and last equally long in one voice, kept from lowest to highest pitch.
 * Each note keeps its own tie.
 */
public record Chord(List<Note> notes) implements Event {

    public Chord {
        if (notes == null || notes.size() < 2) {
            throw new IllegalArgumentException("a chord needs at least 2 notes, not " + (notes == null ? 0 : notes.size()));
        }
        Duration first = notes.get(0).duration();
        for (Note n : notes) {
            if (!n.duration().equals(first)) {
                throw new IllegalArgumentException("all notes of a chord last equally long: " + first + " vs " + n.duration());
            }
        }
        notes = notes.stream().sorted(Comparator.comparing(Note::pitch)).toList();
    }

    @Override
    public Duration duration() {
        return notes.get(0).duration();
    }

    @Override
    public Chord withDuration(Duration duration) {
        return new Chord(notes.stream().map(n -> n.withDuration(duration)).toList());
    }

    public List<Pitch> pitches() {
        return notes.stream().map(Note::pitch).toList();
    }
}
