package org.segue.model;

import java.util.List;
import java.util.Objects;

/**
 * One measure of a part, with the attributes in force at its start, so that a reader needs no history: the key,
 * the time signature, the clef of each staff (index 0 is staff 1) and, where one is marked here, a tempo.
 * Changes are where these differ from the previous measure; a clef that changes inside the measure is a
 * {@link ClefChange}. A transposing instrument's measures hold its written pitches and key, with the
 * {@link Transposition} in force; {@link #sounding()} gives the same measure at concert pitch.
 *
 * @param number the measure number as printed ({@code "1"}, or {@code "0"} for a pickup)
 * @param length how long the measure really lasts; shorter than the time signature for a pickup
 * @param tempo a metronome mark at the start of this measure, or null where none is marked
 * @param transposition from the written pitches and key of this measure to sounding ones; {@link Transposition#NONE}
 *        for an instrument that sounds as written
 */
public record Measure(String number, KeySignature key, TimeSignature time, List<Clef> clefs, Tempo tempo,
                      Duration length, List<Voice> voices, List<ClefChange> clefChanges,
                      Transposition transposition) {

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
        if (transposition == null) transposition = Transposition.NONE;
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

    /** A measure of an instrument that sounds as written. */
    public Measure(String number, KeySignature key, TimeSignature time, List<Clef> clefs, Tempo tempo,
                   Duration length, List<Voice> voices, List<ClefChange> clefChanges) {
        this(number, key, time, clefs, tempo, length, voices, clefChanges, Transposition.NONE);
    }

    /** A measure without a clef change inside it, of an instrument that sounds as written. */
    public Measure(String number, KeySignature key, TimeSignature time, List<Clef> clefs, Tempo tempo,
                   Duration length, List<Voice> voices) {
        this(number, key, time, clefs, tempo, length, voices, List.of(), Transposition.NONE);
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
        return new Measure(number, key, time, clefs, tempo, length, newVoices, clefChanges, transposition);
    }

    public Measure withNumber(String newNumber) {
        return new Measure(newNumber, key, time, clefs, tempo, length, voices, clefChanges, transposition);
    }

    public Measure withTempo(Tempo newTempo) {
        return new Measure(number, key, time, clefs, newTempo, length, voices, clefChanges, transposition);
    }

    public Measure withKey(KeySignature newKey) {
        return new Measure(number, newKey, time, clefs, tempo, length, voices, clefChanges, transposition);
    }

    public Measure withTransposition(Transposition newTransposition) {
        return new Measure(number, key, time, clefs, tempo, length, voices, clefChanges, newTransposition);
    }

    /** This measure at concert pitch: its pitches and key as they sound, without a transposition. */
    public Measure sounding() {
        if (transposition.isNone()) return this;
        return transposed(transposition, Transposition.NONE);
    }

    /**
     * This measure, given at concert pitch, as an instrument with {@code instrument} reads it: its pitches and key
     * written, with that transposition.
     */
    public Measure written(Transposition instrument) {
        if (!transposition.isNone()) {
            throw new IllegalStateException("measure " + number + " is already written for a transposing instrument");
        }
        if (instrument.isNone()) return this;
        return transposed(instrument.inverse(), instrument);
    }

    private Measure transposed(Transposition move, Transposition result) {
        List<Voice> moved = voices.stream().map(v -> new Voice(v.number(), v.staff(),
                v.events().stream().map(e -> moved(e, move)).toList())).toList();
        return new Measure(number, move.sounding(key), time, clefs, tempo, length, moved, clefChanges, result);
    }

    private static Event moved(Event event, Transposition move) {
        if (event instanceof Note n) return n.withPitch(move.sounding(n.pitch()));
        if (event instanceof Chord c) {
            return new Chord(c.notes().stream().map(n -> n.withPitch(move.sounding(n.pitch()))).toList());
        }
        return event;
    }
}
