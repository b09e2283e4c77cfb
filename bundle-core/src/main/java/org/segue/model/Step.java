package org.segue.model;

/** The seven note names, in MusicXML's spelling, with their distance in semitones above C. */
public enum Step {
    C(0), D(2), E(4), F(5), G(7), A(9), B(11);

    private final int semitonesAboveC;

    Step(int semitonesAboveC) {
        this.semitonesAboveC = semitonesAboveC;
    }

    public int semitonesAboveC() {
        return semitonesAboveC;
    }

    /** The step {@code count} diatonic steps above this one (negative: below), wrapping around the octave. */
    public Step plus(int count) {
        return values()[Math.floorMod(ordinal() + count, 7)];
    }

    /** Reads {@code "C"} ... {@code "B"}, in either case. */
    public static Step parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a step (one of C D E F G A B): '" + name + "'", e);
        }
    }
}
