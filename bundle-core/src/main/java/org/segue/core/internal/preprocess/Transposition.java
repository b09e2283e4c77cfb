package org.segue.core.internal.preprocess;

import org.segue.model.KeySignature;
import org.segue.model.Mode;
import org.segue.model.Pitch;

/**
 * A spelled interval that moves a piece between its own key and C major / A minor, where the networks learn and
 * generate. Kept as letter-name steps and semitones (not semitones alone) so that the way back spells notes for
 * the piece's key: Eb major to C major is (-2 steps, -3 semitones), and back, E in C major becomes G, not F##.
 *
 * @param diatonicSteps letter names to move, negative for down
 * @param semitones semitones to move, negative for down, -6 to 6
 */
public record Transposition(int diatonicSteps, int semitones) {

    public static final Transposition NONE = new Transposition(0, 0);

    public Transposition {
        if (semitones < -6 || semitones > 6) {
            throw new IllegalArgumentException("a key transposition moves at most 6 semitones, not " + semitones);
        }
    }

    /**
     * The move from {@code key} to C major (major keys) or A minor (minor keys) by the smaller interval: at most
     * 6 semitones up or down; for a tritone (F-sharp major, G-flat major, d-sharp and e-flat minor), down.
     */
    public static Transposition toCanonical(KeySignature key) {
        Pitch tonic = key.tonic();
        boolean minor = key.isMinor();
        int targetPitchClass = minor ? 9 : 0;
        int up = Math.floorMod(targetPitchClass - tonic.pitchClass(), 12);
        int semitones = up >= 6 ? up - 12 : up;
        int targetMidi = tonic.midi() + semitones;
        Pitch target = Pitch.fromMidi(targetMidi, false);
        return new Transposition(target.diatonicIndex() - tonic.diatonicIndex(), semitones);
    }

    /** The move from C major or A minor back to {@code key}: the inverse of {@link #toCanonical(KeySignature)}. */
    public static Transposition fromCanonical(KeySignature key) {
        return toCanonical(key).inverse();
    }

    /** The key a piece in {@code key} is in after {@link #toCanonical}: C major or A minor. */
    public static KeySignature canonicalKey(KeySignature key) {
        return key.isMinor() ? KeySignature.A_MINOR : KeySignature.C_MAJOR;
    }

    public Transposition inverse() {
        return new Transposition(-diatonicSteps, -semitones);
    }

    /**
     * Moves a pitch, keeping its spelling's relation to the key. Where that needs more than a double sharp or
     * flat, the pitch is spelled from its MIDI number instead (sharps when moving up, flats when moving down).
     */
    public Pitch apply(Pitch pitch) {
        Pitch moved = pitch.transpose(diatonicSteps, semitones);
        if (moved != null) return moved;
        return Pitch.fromMidi(Math.max(0, Math.min(127, pitch.midi() + semitones)), semitones < 0);
    }

    /** Moves a MIDI number. */
    public int apply(int midi) {
        return midi + semitones;
    }

    /** The key signature of a piece in {@code key} after this move, spelled as the move spells its tonic. */
    public KeySignature apply(KeySignature key) {
        Pitch tonic = apply(key.tonic());
        int fifths = fifthsOfMajorTonic(key.isMinor() ? tonic.transpose(2, 3) : tonic);
        Mode mode = key.isMinor() ? Mode.MINOR : Mode.MAJOR;
        if (fifths < -7 || fifths > 7) {
            throw new IllegalArgumentException("moving " + key.displayName() + " by " + this + " gives a key with "
                    + Math.abs(fifths) + " accidentals");
        }
        return new KeySignature(fifths, mode);
    }

    private static int fifthsOfMajorTonic(Pitch majorTonic) {
        int natural = switch (majorTonic.step()) {
            case F -> -1;
            case C -> 0;
            case G -> 1;
            case D -> 2;
            case A -> 3;
            case E -> 4;
            case B -> 5;
        };
        return natural + 7 * majorTonic.alter();
    }

    @Override
    public String toString() {
        return (diatonicSteps >= 0 ? "+" : "") + diatonicSteps + " steps/" + (semitones >= 0 ? "+" : "") + semitones
                + " semitones";
    }
}
