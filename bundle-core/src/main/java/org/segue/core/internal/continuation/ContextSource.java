package org.segue.core.internal.continuation;

import org.segue.core.internal.preprocess.EventLabel;
import org.segue.core.internal.preprocess.Meter;
import org.segue.core.internal.preprocess.OnsetContext;
import org.segue.model.Duration;
import org.segue.model.Pitch;

/**
 * The onset context (see {@link OnsetContext}) a listening staff network reads in generation: the other staff's
 * event known at the onset (from its new sounds, or before any, the piece's last event of that staff) and where
 * the onset falls in its bar. It holds what the networks were trained on: labels in C major / A minor, and the
 * treble-first rule for simultaneous onsets, which {@link StreamBalancer} keeps.
 */
final class ContextSource {

    private final Timeline other;
    private final boolean sameOnset;
    private final EventLabel otherBeforeNewBars;
    private final int semitones;
    private final Meter meter;
    private final Duration newBarsStart;

    /**
     * @param other the other staff's new sounds (empty for a one-staff part)
     * @param sameOnset whether this staff knows the other's sound starting at its own onset (see
     *        {@link OnsetContext#seesSameOnset})
     * @param otherBeforeNewBars the other staff's last event in the piece, in C major / A minor; null for none
     * @param semitones the move from C major / A minor to the key the new sounds are in
     * @param meter the piece's bars followed by the new ones
     * @param newBarsStart where the new music starts, from the start of the piece
     */
    ContextSource(Timeline other, boolean sameOnset, EventLabel otherBeforeNewBars, int semitones, Meter meter,
                  Duration newBarsStart) {
        this.other = other;
        this.sameOnset = sameOnset;
        this.otherBeforeNewBars = otherBeforeNewBars;
        this.semitones = semitones;
        this.meter = meter;
        this.newBarsStart = newBarsStart;
    }

    /** The context at {@code onset}, counted from the start of the new music. */
    float[] at(Duration onset) {
        Timeline.Placed known = other.latestStarting(onset, sameOnset);
        EventLabel label = known == null ? otherBeforeNewBars : canonical(known.sound());
        boolean startsHere = known != null && known.onset().equals(onset);
        float[] context = new float[OnsetContext.WIDTH];
        OnsetContext.write(context, 0, label, startsHere, meter.position(newBarsStart.plus(onset)));
        return context;
    }

    private EventLabel canonical(Sound sound) {
        return new EventLabel(sound.pitches().stream().map(Pitch::midi)
                .map(m -> Math.max(0, Math.min(127, m - semitones))).toList());
    }
}
