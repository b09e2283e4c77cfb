package org.segue.core.internal.continuation;

import java.util.List;

import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Pitch;
import org.segue.model.Voice;

/**
 * How often a staff's new notes may leave the key, learned from the piece itself: a network trained on many
 * pieces draws chromatic notes about as often as its corpus has them, which in a plain piece reads as wrong notes
 * piling up. While a staff's new notes are already outside the key's scale more often than its notes in the
 * piece's last measures are, or than {@link #MOST_OUTSIDE} of them (so that at least nine in ten new notes stay
 * in the key, however chromatic the piece), a candidate with a note outside the scale
 * is held back: its weight shrinks. The scale is the report's (see {@link ContinuationReporter#inScale}).
 *
 * @param outsideShare the share of the staff's notes outside the scale that the new bars may reach
 * @param key the key the new bars are written in
 */
record KeyLimits(double outsideShare, KeySignature key) {

    /** The largest share of notes outside the key a staff's new bars may reach, however chromatic the piece. */
    static final double MOST_OUTSIDE = 0.08;
    /** The factor on a candidate's weight while the new bars are at their share and it leaves the key. */
    static final double HOLD_BACK = 0.05;

    /** The limits of one staff, from the piece's last measures ({@link ContinuationReporter#recent}). */
    static KeyLimits of(List<Measure> measures, int staff, KeySignature outKey) {
        List<Measure> recent = ContinuationReporter.recent(measures);
        int notes = 0;
        int outside = 0;
        for (Measure m : recent) {
            for (Voice v : m.voicesOnStaff(staff)) {
                for (Event e : v.events()) {
                    for (Note n : ContinuationReporter.attacks(e)) {
                        if (n.unpitched()) continue;
                        notes++;
                        if (!ContinuationReporter.inScale(m.key(), n.pitch())) outside++;
                    }
                }
            }
        }
        double share = notes == 0 ? 0 : (double) outside / notes;
        return new KeyLimits(Math.min(share, MOST_OUTSIDE), outKey);
    }

    /** How many of {@code pitches} lie outside the key's scale. */
    int outside(List<Pitch> pitches) {
        int count = 0;
        for (Pitch p : pitches) if (!ContinuationReporter.inScale(key, p)) count++;
        return count;
    }

    /**
     * The factor on the weight of a candidate with {@code outside} notes outside the key, given the new bars' notes
     * so far.
     */
    double weight(int outside, int outsideSoFar, int notesSoFar) {
        if (outside == 0) return 1;
        double soFar = notesSoFar == 0 ? 0 : (double) outsideSoFar / notesSoFar;
        return soFar >= outsideShare ? HOLD_BACK : 1;
    }
}
