package org.segue.model;

/**
 * A spelled pitch: step, alteration in semitones (-2 .. +2; microtones are rounded by the readers) and octave
 * (scientific pitch notation, middle C is C4). The MIDI number is derived, so C#4 and Db4 are different pitches
 * with the same {@link #midi()}.
 */
public record Pitch(Step step, int alter, int octave) implements Comparable<Pitch> {

    public static final int LOWEST_PIANO_KEY = 21;  // A0
    public static final int HIGHEST_PIANO_KEY = 108; // C8

    private static final Step[] SHARP_STEPS = {Step.C, Step.C, Step.D, Step.D, Step.E, Step.F, Step.F, Step.G,
            Step.G, Step.A, Step.A, Step.B};
    private static final Step[] FLAT_STEPS = {Step.C, Step.D, Step.D, Step.E, Step.E, Step.F, Step.G, Step.G,
            Step.A, Step.A, Step.B, Step.B};

    public Pitch {
        if (step == null) throw new IllegalArgumentException("step must not be null");
        if (alter < -2 || alter > 2) throw new IllegalArgumentException("alter must be in -2..2, not " + alter);
        if (octave < -1 || octave > 9) throw new IllegalArgumentException("octave must be in -1..9, not " + octave);
    }

    /** MIDI note number: C4 is 60. */
    public int midi() {
        return (octave + 1) * 12 + step.semitonesAboveC() + alter;
    }

    /** Pitch class 0..11 (C = 0). */
    public int pitchClass() {
        return Math.floorMod(midi(), 12);
    }

    /** Diatonic index: C4 = 28, counting letter names only. */
    public int diatonicIndex() {
        return octave * 7 + step.ordinal();
    }

    /**
     * A MIDI number spelled with sharps or with flats (black keys only; white keys are always natural).
     */
    public static Pitch fromMidi(int midi, boolean preferFlats) {
        if (midi < 0 || midi > 127) throw new IllegalArgumentException("MIDI note must be in 0..127, not " + midi);
        int pc = midi % 12;
        Step step = preferFlats ? FLAT_STEPS[pc] : SHARP_STEPS[pc];
        int alter = pc - step.semitonesAboveC();
        return new Pitch(step, alter, midi / 12 - 1);
    }

    /**
     * Moves this pitch by a spelled interval: {@code diatonicSteps} letter names and {@code semitones} semitones,
     * so that C4 moved by (2, 3) is Eb4 and by (1, 3) is D#4. Returns null when the result needs more than a
     * double sharp or flat.
     */
    public Pitch transpose(int diatonicSteps, int semitones) {
        int index = diatonicIndex() + diatonicSteps;
        int newOctave = Math.floorDiv(index, 7);
        Step newStep = Step.values()[Math.floorMod(index, 7)];
        int targetMidi = midi() + semitones;
        int alterNeeded = targetMidi - ((newOctave + 1) * 12 + newStep.semitonesAboveC());
        if (alterNeeded < -2 || alterNeeded > 2 || newOctave < -1 || newOctave > 9) return null;
        return new Pitch(newStep, alterNeeded, newOctave);
    }

    @Override
    public int compareTo(Pitch other) {
        int byMidi = Integer.compare(midi(), other.midi());
        return byMidi != 0 ? byMidi : Integer.compare(diatonicIndex(), other.diatonicIndex());
    }

    /** Like {@code C#4}, {@code Bb3}, {@code Fx5}, {@code Ebb2}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        String accidental = switch (alter) {
            case -2 -> "bb";
            case -1 -> "b";
            case 1 -> "#";
            case 2 -> "x";
            default -> "";
        };
        return step.name() + accidental + octave;
    }

    /** Reads the form written by {@link #toString()}; also accepts {@code ##} for a double sharp. */
    public static Pitch parse(String text) {
        String t = text.trim();
        if (t.length() < 2) throw new IllegalArgumentException("not a pitch like C#4: '" + text + "'");
        Step step = Step.parse(t.substring(0, 1));
        int i = 1;
        int alter = 0;
        while (i < t.length() && "b#x".indexOf(t.charAt(i)) >= 0) {
            char c = t.charAt(i++);
            alter += c == 'b' ? -1 : c == '#' ? 1 : 2;
        }
        try {
            return new Pitch(step, alter, Integer.parseInt(t.substring(i)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a pitch like C#4: '" + text + "'", e);
        }
    }
}
