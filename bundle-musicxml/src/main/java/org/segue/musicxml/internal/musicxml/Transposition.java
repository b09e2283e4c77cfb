package org.segue.musicxml.internal.musicxml;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.audiveris.proxymusic.Transpose;
import org.segue.model.KeySignature;
import org.segue.model.Mode;
import org.segue.model.Pitch;

/**
 * A transposing instrument's interval from written to sounding pitch ({@code <transpose>}): the reader stores
 * sounding (concert) pitches and keys, so that every part of a score speaks the same pitch language.
 */
record Transposition(int diatonic, int chromatic) {

    static final Transposition NONE = new Transposition(0, 0);

    /** Fifths above C of the major key on each step: C 0, D 2, E 4, F -1, G 1, A 3, B 5. */
    private static final int[] FIFTHS_OF_STEP = {0, 2, 4, -1, 1, 3, 5};

    static Transposition of(Transpose transpose) {
        int octaves = transpose.getOctaveChange() == null ? 0 : transpose.getOctaveChange().intValue();
        int diatonic = transpose.getDiatonic() == null ? 0 : transpose.getDiatonic().intValue();
        BigDecimal chromatic = transpose.getChromatic() == null ? BigDecimal.ZERO : transpose.getChromatic();
        return new Transposition(diatonic + 7 * octaves,
                chromatic.setScale(0, RoundingMode.HALF_UP).intValueExact() + 12 * octaves);
    }

    boolean isNone() {
        return diatonic == 0 && chromatic == 0;
    }

    /** The sounding pitch of a written one; respelled from its MIDI number where the interval needs a triple sharp. */
    Pitch toConcert(Pitch written) {
        if (isNone()) return written;
        Pitch sounding = written.transpose(diatonic, chromatic);
        return sounding != null ? sounding : Pitch.fromMidi(written.midi() + chromatic, chromatic < 0);
    }

    /** The sounding key of a written key signature, by moving its major tonic. */
    KeySignature toConcert(KeySignature written) {
        if (isNone()) return written;
        Pitch tonic = new KeySignature(written.fifths(), Mode.MAJOR).tonic().transpose(diatonic, chromatic);
        if (tonic == null) return written;
        int fifths = FIFTHS_OF_STEP[tonic.step().ordinal()] + 7 * tonic.alter();
        return new KeySignature(foldFifths(fifths), written.mode());
    }

    /** The enharmonic equivalent within -7..7 sharps, like 8 sharps as 4 flats. */
    static int foldFifths(int fifths) {
        int folded = fifths;
        while (folded > 7) folded -= 12;
        while (folded < -7) folded += 12;
        return folded;
    }
}
