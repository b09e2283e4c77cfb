package org.segue.model;

/**
 * A transposing instrument's interval from written to sounding pitch, as MusicXML's {@code <transpose>} gives it:
 * {@code diatonic} letter names and {@code chromatic} semitones, octaves included. A clarinet in B-flat sounds a
 * major second lower than written (-1, -2), a clarinet in A a minor third lower (-2, -3), a guitar an octave lower
 * (-7, -12), a piccolo an octave higher (7, 12). The score model keeps a transposing part's written pitches and
 * keys; {@link #sounding(Pitch)} and {@link #written(Pitch)} move between the two.
 */
public record Transposition(int diatonic, int chromatic) {

    /** A part that sounds as written. */
    public static final Transposition NONE = new Transposition(0, 0);

    /** Fifths above C of the major key on each step: C 0, D 2, E 4, F -1, G 1, A 3, B 5. */
    private static final int[] FIFTHS_OF_STEP = {0, 2, 4, -1, 1, 3, 5};

    public Transposition {
        if (Math.abs(diatonic) > 70 || Math.abs(chromatic) > 120) {
            throw new IllegalArgumentException("a transposition of " + diatonic + " steps and " + chromatic
                    + " semitones is more than ten octaves");
        }
    }

    public boolean isNone() {
        return diatonic == 0 && chromatic == 0;
    }

    /** The interval the other way: from sounding to written pitch. */
    public Transposition inverse() {
        return new Transposition(-diatonic, -chromatic);
    }

    /** The pitch a written one sounds at; respelled from its MIDI number where the interval needs a triple sharp. */
    public Pitch sounding(Pitch written) {
        return moved(written, diatonic, chromatic);
    }

    /** The pitch a player of this instrument reads for a sounding one. */
    public Pitch written(Pitch sounding) {
        return moved(sounding, -diatonic, -chromatic);
    }

    /** The sounding key of a written key signature, by moving its major tonic (within 7 sharps or flats). */
    public KeySignature sounding(KeySignature written) {
        return movedKey(written, diatonic, chromatic);
    }

    /** The written key signature of a sounding key. */
    public KeySignature written(KeySignature sounding) {
        return movedKey(sounding, -diatonic, -chromatic);
    }

    /** The enharmonic equivalent within -7..7 sharps, like 8 sharps as 4 flats. */
    public static int foldFifths(int fifths) {
        int folded = fifths;
        while (folded > 7) folded -= 12;
        while (folded < -7) folded += 12;
        return folded;
    }

    private static Pitch moved(Pitch pitch, int steps, int semitones) {
        if (steps == 0 && semitones == 0) return pitch;
        Pitch spelled = pitch.transpose(steps, semitones);
        if (spelled != null) return spelled;
        int midi = Math.max(0, Math.min(127, pitch.midi() + semitones));
        return Pitch.fromMidi(midi, semitones < 0);
    }

    private static KeySignature movedKey(KeySignature key, int steps, int semitones) {
        if (steps == 0 && semitones == 0) return key;
        Pitch tonic = new KeySignature(key.fifths(), Mode.MAJOR).tonic().transpose(steps, semitones);
        if (tonic == null) return key;
        int fifths = FIFTHS_OF_STEP[tonic.step().ordinal()] + 7 * tonic.alter();
        return new KeySignature(foldFifths(fifths), key.mode());
    }
}
