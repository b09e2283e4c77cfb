package org.segue.model;

import java.util.List;
import java.util.Objects;

/**
 * One measure of a part, with the attributes in force at its start, so that a reader needs no history: the key,
 * the time signature, the clef of each staff (index 0 is staff 1) and, where one is marked here, a tempo.
 * Changes are where these differ from the previous measure; a clef that changes inside the measure is a
 * {@link ClefChange}.
 *
 * @param number the measure number as printed ({@code "1"}, or {@code "0"} for a pickup)
 * @param length how long the measure really lasts; shorter than the time signature for a pickup
 * @param tempo a metronome mark at the start of this measure, or null where none is marked
 */
public record Measure(String number, KeySignature key, TimeSignature time, List<Clef> clefs, Tempo tempo,
                      Duration length, List<Voice> voices, List<ClefChange> clefChanges) {

    public Measure {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
        clefs = List.copyOf(clefs);
        if (clefs.isEmpty()) throw new IllegalArgumentException("measure " + number + " needs at least one staff (clef)");
        if (length == null || length.isNegative()) {
            throw new IllegalArgumentException("measure " + number + " length must be >= 0, not " + length);
        }
        voices = List.copyOf(voices);
        clefChanges = clefChanges == null ? List.of() : List.copyOf(clefChanges);
        for (Voice v : voices) {
            if (v.staff() > clefs.size()) {
                throw new IllegalArgumentException("measure " + number + ": voice " + v.number() + " is on staff "
                        + v.staff() + " but the part has " + clefs.size() + " staves");
            }
            if (v.length().compareTo(length) > 0) {
                throw new IllegalArgumentException("measure " + number + ", staff " + v.staff() + ", voice "
                        + v.number() + ": events last " + v.length() + ", longer than the measure (" + length + ")");
            }
        }
    }

    /** A measure without a clef change inside it. */
    public Measure(String number, KeySignature key, TimeSignature time, List<Clef> clefs, Tempo tempo,
                   Duration length, List<Voice> voices) {
        this(number, key, time, clefs, tempo, length, voices, List.of());
    }

    public int staffCount() {
        return clefs.size();
    }

    /** The voices on one staff, in voice-number order. */
    public List<Voice> voicesOnStaff(int staff) {
        return voices.stream().filter(v -> v.staff() == staff)
                .sorted(java.util.Comparator.comparingInt(Voice::number)).toList();
    }

    /** True when the measure lasts exactly as long as its time signature says. */
    public boolean isFull() {
        return length.equals(time.measureLength());
    }

    public Measure withVoices(List<Voice> newVoices) {
        return new Measure(number, key, time, clefs, tempo, length, newVoices, clefChanges);
    }

    public Measure withNumber(String newNumber) {
        return new Measure(newNumber, key, time, clefs, tempo, length, voices, clefChanges);
    }

    public Measure withTempo(Tempo newTempo) {
        return new Measure(number, key, time, clefs, newTempo, length, voices, clefChanges);
    }

    public Measure withKey(KeySignature newKey) {
        return new Measure(number, newKey, time, clefs, tempo, length, voices, clefChanges);
    }
}
