package org.segue.core.internal.continuation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Measure;
import org.segue.model.Rest;
import org.segue.model.Voice;

/**
 * How much silence a staff's new bars may have, learned from the piece itself: the networks, trained on
 * performance MIDI, draw rests far more often than the pieces they continue have them, and a staff that falls
 * silent for whole bars is rarely what a composer wants. Two limits follow the piece's last measures:
 * <ul>
 * <li>a staff that never rests for a whole measure there never rests for a whole measure's length in the new bars
 *     (a rest is drawn only while the silence so far leaves room, and only as long as still fits);</li>
 * <li>while the new bars are already more silent than the piece, rests are held back (their weight shrinks), and
 *     while they are clearly less silent than a piece that does rest, rests are drawn more readily.</li>
 * </ul>
 *
 * @param silentShare the share of the staff's time that is silent in the piece's recent measures
 * @param wholeMeasureRests whether the staff is silent for a whole measure somewhere there
 * @param measureLength the length of the new measures
 */
record RestLimits(double silentShare, boolean wholeMeasureRests, Duration measureLength) {

    /** The factor on a rest's weight while the new bars are more silent than the piece. */
    static final double HOLD_BACK = 0.02;
    /** The factor on a rest's weight while the new bars are less silent than the piece by more than {@link #SLACK}. */
    static final double ENCOURAGE = 5;
    static final double SLACK = 0.05;
    /** The shortest rest a limited staff may still draw: a 16th. */
    private static final Duration SHORTEST = Duration.of(1, 16);

    /** The limits of one staff, from the piece's last measures. */
    static RestLimits of(List<Measure> measures, int staff, Duration newMeasureLength) {
        List<Measure> recent = ContinuationReporter.recent(measures);
        double silent = 0;
        double total = 0;
        boolean wholeMeasure = false;
        for (Measure m : recent) {
            double quiet = silentTime(m.voicesOnStaff(staff), m.length());
            if (quiet >= m.length().toQuarters() && m.length().isPositive()) wholeMeasure = true;
            silent += quiet;
            total += m.length().toQuarters();
        }
        return new RestLimits(total == 0 ? 0 : silent / total, wholeMeasure, newMeasureLength);
    }

    /** The time, in quarters, when none of the staff's voices sounds. */
    private static double silentTime(List<Voice> voices, Duration length) {
        List<Duration[]> sounding = new ArrayList<>();
        for (Voice v : voices) {
            Duration onset = Duration.ZERO;
            for (Event e : v.events()) {
                Duration end = onset.plus(e.duration());
                if (!(e instanceof Rest)) sounding.add(new Duration[] {onset, end});
                onset = end;
            }
        }
        sounding.sort(Comparator.comparing(interval -> interval[0]));
        Duration heard = Duration.ZERO;
        Duration reached = Duration.ZERO;
        for (Duration[] interval : sounding) {
            Duration from = interval[0].max(reached);
            if (interval[1].compareTo(from) > 0) {
                heard = heard.plus(interval[1].minus(from));
                reached = interval[1];
            }
        }
        return Math.max(0, length.toQuarters() - heard.toQuarters());
    }

    /** Whether a rest may be drawn after {@code silence} of silence already. */
    boolean allowsRestAfter(Duration silence) {
        return wholeMeasureRests || silence.plus(SHORTEST).compareTo(measureLength) < 0;
    }

    /** Whether a rest of {@code length} may follow {@code silence} of silence. */
    boolean allowsRest(Duration silence, Duration length) {
        return wholeMeasureRests || silence.plus(length).compareTo(measureLength) < 0;
    }

    /** The factor on a rest candidate's weight, given how silent the new bars are so far. */
    double restWeight(double silentSoFar, double totalSoFar) {
        if (totalSoFar <= 0) return 1;
        double silentNow = silentSoFar / totalSoFar;
        if (silentNow > silentShare) return HOLD_BACK;
        return silentNow < silentShare - SLACK ? ENCOURAGE : 1;
    }
}
