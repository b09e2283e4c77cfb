package org.segue.analysis;

import org.segue.model.Chord;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Mode;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.model.Voice;

/**
 * Estimates a key with the Krumhansl–Schmuckler method: the pitch-class histogram of a piece (weighted by
 * duration) is correlated with the Krumhansl–Kessler probe-tone profiles of all 24 keys, and the best one wins.
 */
public final class KeyEstimator {

    private static final double[] MAJOR =
            {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR =
            {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

    private KeyEstimator() {
    }

    /** The likeliest of the 24 keys for a piece; C major for a piece without notes. */
    public static KeySignature estimate(Score score) {
        return estimate(pitchClassWeights(score));
    }

    /** The likeliest of the 24 keys for a pitch-class histogram (index 0 is C); C major when it is all zero. */
    public static KeySignature estimate(double[] weights) {
        KeySignature best = KeySignature.C_MAJOR;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int tonic = 0; tonic < 12; tonic++) {
            for (boolean minor : new boolean[] {false, true}) {
                double r = correlation(weights, minor ? MINOR : MAJOR, tonic);
                if (r > bestScore + 1e-12) {
                    bestScore = r;
                    best = keyOf(tonic, minor);
                }
            }
        }
        return best;
    }

    /**
     * The mode that fits a known key signature better: its major key or its relative minor. Used when a file
     * gives the signature but no mode.
     */
    public static KeySignature chooseMode(int fifths, double[] weights) {
        KeySignature major = new KeySignature(fifths, Mode.MAJOR);
        KeySignature minor = new KeySignature(fifths, Mode.MINOR);
        double rMajor = correlation(weights, MAJOR, major.tonic().pitchClass());
        double rMinor = correlation(weights, MINOR, minor.tonic().pitchClass());
        return rMinor > rMajor ? minor : major;
    }

    /**
     * Total sounding time per pitch class, in whole notes, over all parts, staves and voices, at concert pitch;
     * unpitched notes do not count.
     */
    public static double[] pitchClassWeights(Score score) {
        double[] weights = new double[12];
        for (Part part : score.parts()) {
            for (Measure measure : part.sounding().measures()) {
                for (Voice voice : measure.voices()) {
                    for (Event event : voice.events()) addEvent(weights, event);
                }
            }
        }
        return weights;
    }

    private static void addEvent(double[] weights, Event event) {
        double length = event.duration().toQuarters();
        if (event instanceof Note n) {
            if (!n.unpitched()) weights[n.pitch().pitchClass()] += length;
        } else if (event instanceof Chord c) {
            for (Note n : c.notes()) if (!n.unpitched()) weights[n.pitch().pitchClass()] += length;
        }
    }

    /** The key with that tonic pitch class and mode, spelled with at most 6 sharps or 5 flats. */
    static KeySignature keyOf(int tonicPitchClass, boolean minor) {
        int majorTonic = minor ? Math.floorMod(tonicPitchClass + 3, 12) : tonicPitchClass;
        int fifths = Math.floorMod(7 * majorTonic, 12); // 7 is its own inverse mod 12
        if (fifths > 6) fifths -= 12;
        if (fifths == 6 && minor) fifths = -6;           // e-flat minor rather than d-sharp minor
        return new KeySignature(fifths, minor ? Mode.MINOR : Mode.MAJOR);
    }

    private static double correlation(double[] weights, double[] profile, int tonic) {
        double meanW = 0;
        double meanP = 0;
        for (int i = 0; i < 12; i++) {
            meanW += weights[i];
            meanP += profile[i];
        }
        meanW /= 12;
        meanP /= 12;
        double cov = 0;
        double varW = 0;
        double varP = 0;
        for (int pc = 0; pc < 12; pc++) {
            double w = weights[pc] - meanW;
            double p = profile[Math.floorMod(pc - tonic, 12)] - meanP;
            cov += w * p;
            varW += w * w;
            varP += p * p;
        }
        return varW == 0 ? 0 : cov / Math.sqrt(varW * varP);
    }
}
