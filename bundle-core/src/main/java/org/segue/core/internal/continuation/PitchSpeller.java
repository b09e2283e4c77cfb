package org.segue.core.internal.continuation;

import org.segue.model.KeySignature;
import org.segue.model.Pitch;
import org.segue.model.Step;

/**
 * Spells MIDI numbers for a key and keeps them on the piano: the scale's own notes take the scale's letters
 * (in minor keys the raised sixth and seventh too); other notes are sharps in sharp keys and in C major / A minor,
 * flats in flat keys.
 */
final class PitchSpeller {

    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] NATURAL_MINOR = {0, 2, 3, 5, 7, 8, 10};

    private final Step[] steps = new Step[12];
    private final int[] alters = new int[12];

    PitchSpeller(KeySignature key) {
        Pitch tonic = key.tonic();
        int[] degrees = key.isMinor() ? NATURAL_MINOR : MAJOR;
        for (int degree = 0; degree < 7; degree++) spell(tonic.transpose(degree, degrees[degree]));
        if (key.isMinor()) {
            spell(tonic.transpose(5, 9));  // raised sixth
            spell(tonic.transpose(6, 11)); // raised seventh
        }
        for (int pc = 0; pc < 12; pc++) {
            if (steps[pc] == null) {
                Pitch p = Pitch.fromMidi(60 + pc, key.prefersFlats());
                steps[pc] = p.step();
                alters[pc] = p.alter();
            }
        }
    }

    private void spell(Pitch p) {
        if (p == null) return;
        int pc = p.pitchClass();
        if (steps[pc] == null) {
            steps[pc] = p.step();
            alters[pc] = p.alter();
        }
    }

    /** The pitch for a MIDI number, moved by octaves into the piano's range (A0 to C8) when outside it. */
    Pitch spell(int midi) {
        while (midi < Pitch.LOWEST_PIANO_KEY) midi += 12;
        while (midi > Pitch.HIGHEST_PIANO_KEY) midi -= 12;
        int pc = Math.floorMod(midi, 12);
        Step step = steps[pc];
        int alter = alters[pc];
        int octave = Math.floorDiv(midi - step.semitonesAboveC() - alter, 12) - 1;
        return new Pitch(step, alter, octave);
    }
}
