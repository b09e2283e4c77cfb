package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.List;

import org.segue.model.Tempo;
import org.segue.musicxml.internal.midi.MidiContent.TempoChange;

/**
 * Turns the Set Tempo events into metronome marks, at most one per measure (the model marks tempo at the start of
 * a measure). A measure's tempo is its mean tempo: its length in quarter notes over the minutes it really lasts
 * under the tempo map, so the marks keep every measure's duration in seconds even where the file changes tempo
 * many times inside a measure (piano-midi.de files shape their rubato that way). The mean is rounded to 0.1 quarter
 * notes per minute. Measure 1 always gets a mark (120 when the file sets no tempo); a later measure gets one only
 * when its tempo differs from the mark in force by more than {@link #NEAR_DUPLICATE} (1%): nearer ones are
 * dropped as near-duplicates.
 */
final class TempoMap {

    static final double NEAR_DUPLICATE = 0.01;
    private static final int DEFAULT_MICROS_PER_QUARTER = 500_000; // MIDI's default: 120 per minute

    private final double ticksPerQuarter;
    private final long[] ticks;
    private final int[] micros;
    private final double[] secondsAt;

    TempoMap(List<TempoChange> changes, int ticksPerQuarter) {
        this.ticksPerQuarter = ticksPerQuarter;
        List<TempoChange> all = new ArrayList<>();
        if (changes.isEmpty() || changes.get(0).tick() > 0) all.add(new TempoChange(0, DEFAULT_MICROS_PER_QUARTER));
        all.addAll(changes);
        ticks = all.stream().mapToLong(TempoChange::tick).toArray();
        micros = all.stream().mapToInt(TempoChange::microsPerQuarter).toArray();
        secondsAt = new double[ticks.length];
        for (int i = 1; i < ticks.length; i++) {
            secondsAt[i] = secondsAt[i - 1] + (ticks[i] - ticks[i - 1]) * micros[i - 1] / 1e6 / ticksPerQuarter;
        }
    }

    /** The time from tick 0 to {@code tick} (which need not be whole), in seconds. */
    double seconds(double tick) {
        int i = lastChangeAtOrBefore(tick);
        return secondsAt[i] + (tick - ticks[i]) * micros[i] / 1e6 / ticksPerQuarter;
    }

    /** The mean tempo between two positions given in quarter notes, in quarter notes per minute. */
    double meanQuarterNotesPerMinute(double fromQuarters, double toQuarters) {
        double minutes = (seconds(toQuarters * ticksPerQuarter) - seconds(fromQuarters * ticksPerQuarter)) / 60;
        return (toQuarters - fromQuarters) / minutes;
    }

    /** A mark for each measure, or null where the measure keeps the tempo in force. */
    List<Tempo> marks(List<MeasureLayout.Span> spans) {
        List<Tempo> marks = new ArrayList<>(spans.size());
        double inForce = -1;
        for (MeasureLayout.Span span : spans) {
            double start = span.start().toQuarters();
            double mean = Math.round(10 * meanQuarterNotesPerMinute(start, span.end().toQuarters())) / 10.0;
            mean = Math.min(10_000, Math.max(0.1, mean));
            if (inForce < 0 || Math.abs(mean - inForce) > NEAR_DUPLICATE * inForce) {
                marks.add(Tempo.quarterNotesPerMinute(mean));
                inForce = mean;
            } else {
                marks.add(null);
            }
        }
        return marks;
    }

    private int lastChangeAtOrBefore(double tick) {
        int low = 0;
        int high = ticks.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (ticks[mid] <= tick) low = mid;
            else high = mid - 1;
        }
        return low;
    }
}
