package org.segue.core.internal.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.segue.model.Pitch;

/**
 * What a stream event sounds: nothing (a rest, label {@code R}), one pitch (a note, like {@code C4}) or several
 * pitches that start together (a chord, like {@code C4.E4.G4}, lowest first). Pitches are kept as MIDI numbers and
 * spelled in labels for C major / A minor, where the networks work: C C# D Eb E F F# G G# A Bb B. Enharmonic
 * spellings therefore share one label (the generator spells notes for the target key).
 */
public record EventLabel(List<Integer> midis) {

    public static final EventLabel REST = new EventLabel(List.of());
    public static final String REST_LABEL = "R";

    private static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"};

    /** Sorts the MIDI numbers and drops doubles (two voices on one pitch sound as one). */
    public EventLabel {
        for (int m : midis) {
            if (m < 0 || m > 127) throw new IllegalArgumentException("MIDI note must be in 0..127, not " + m);
        }
        midis = List.copyOf(new TreeSet<>(midis));
    }

    public static EventLabel of(int... midis) {
        List<Integer> list = new ArrayList<>();
        for (int m : midis) list.add(m);
        return new EventLabel(list);
    }

    public boolean isRest() {
        return midis.isEmpty();
    }

    public boolean isChord() {
        return midis.size() > 1;
    }

    /** The pitches, lowest first, spelled for C major / A minor. */
    public List<Pitch> pitches() {
        return midis.stream().map(EventLabel::canonicalPitch).toList();
    }

    /** Moves every pitch by {@code semitones}. */
    public EventLabel transpose(int semitones) {
        return new EventLabel(midis.stream().map(m -> m + semitones).toList());
    }

    /** The label: {@code R}, {@code A3} or {@code C4.E4.G4}. */
    @Override
    public String toString() {
        if (isRest()) return REST_LABEL;
        StringBuilder s = new StringBuilder();
        for (int m : midis) {
            if (s.length() > 0) s.append('.');
            s.append(canonicalPitch(m));
        }
        return s.toString();
    }

    /**
     * Reads a label written by {@link #toString()}; any spelling {@link Pitch#parse} knows is accepted, so
     * {@code Db4} and {@code C#4} give the same label.
     */
    public static EventLabel parse(String label) {
        String t = label.trim();
        if (t.equals(REST_LABEL)) return REST;
        if (t.isEmpty()) throw new IllegalArgumentException("empty event label (write R, C4 or C4.E4.G4)");
        List<Integer> midis = new ArrayList<>();
        for (String part : t.split("\\.")) {
            try {
                midis.add(Pitch.parse(part).midi());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not an event label like R, C4 or C4.E4.G4: '" + label + "'", e);
            }
        }
        return new EventLabel(midis);
    }

    /** A MIDI number spelled for C major / A minor. */
    public static Pitch canonicalPitch(int midi) {
        return Pitch.parse(NAMES[midi % 12] + (midi / 12 - 1));
    }
}
