package org.segue.core.internal.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.segue.model.Duration;
import org.segue.model.Measure;
import org.segue.model.TimeSignature;

/**
 * The bars of a piece, each with its start (from the start of the piece), its length and its beat, so that an onset
 * can be placed in its bar: where in the bar it falls, and whether on the bar line or on a beat. After the last bar
 * the last bar's length and beat go on, so positions past the end (new bars of a continuation) still have a place.
 */
public record Meter(List<Bar> bars) {

    /** One bar: its start, its length and its beat (a quarter in 3/4, a dotted quarter in 6/8). */
    public record Bar(Duration start, Duration length, Duration beat) {
        public Bar {
            Objects.requireNonNull(start, "start");
            if (!length.isPositive() || !beat.isPositive()) {
                throw new IllegalArgumentException("a bar and its beat last > 0, not " + length + " and " + beat);
            }
        }
    }

    /** Where an onset falls: {@code fraction} of the way through its bar, on the bar line, on a beat. */
    public record Position(double fraction, boolean downbeat, boolean onBeat) {
    }

    /** A meter for music without bars: 4/4 from the start. */
    public static final Meter COMMON = new Meter(List.of(bar(Duration.ZERO, TimeSignature.COMMON, null)));

    public Meter {
        bars = List.copyOf(bars);
        if (bars.isEmpty()) throw new IllegalArgumentException("a meter has at least one bar");
    }

    /** The bars of a part's measures; a pickup or a shortened bar keeps its length and its time signature's beat. */
    public static Meter of(List<Measure> measures) {
        if (measures.isEmpty()) return COMMON;
        List<Bar> bars = new ArrayList<>(measures.size());
        Duration start = Duration.ZERO;
        for (Measure m : measures) {
            bars.add(bar(start, m.time(), m.length()));
            start = start.plus(m.length());
        }
        return new Meter(bars);
    }

    private static Bar bar(Duration start, TimeSignature time, Duration length) {
        Duration beat = time.isCompound() ? Duration.of(3, time.beatType()) : Duration.of(1, time.beatType());
        Duration measured = length == null || !length.isPositive() ? time.measureLength() : length;
        return new Bar(start, measured, beat);
    }

    /** This meter followed, from {@code from}, by bars of the given lengths in {@code time}. */
    public Meter followedBy(Duration from, List<Duration> lengths, TimeSignature time) {
        List<Bar> all = new ArrayList<>();
        for (Bar b : bars) if (b.start().compareTo(from) < 0) all.add(b);
        Duration start = from;
        for (Duration length : lengths) {
            all.add(bar(start, time, length));
            start = start.plus(length);
        }
        return new Meter(all);
    }

    /** Every start, length and beat multiplied by {@code factor}, for music written in other note values. */
    public Meter scaled(Duration factor) {
        return new Meter(bars.stream()
                .map(b -> new Bar(b.start().times(factor), b.length().times(factor), b.beat().times(factor)))
                .toList());
    }

    /** Where {@code onset} falls in its bar. */
    public Position position(Duration onset) {
        Bar bar = barAt(onset);
        Duration into = onset.minus(bar.start());
        if (into.compareTo(bar.length()) >= 0) { // past the last bar: its length goes on
            Duration whole = into.dividedBy(bar.length());
            into = into.minus(bar.length().times(Math.floorDiv(whole.num(), whole.den())));
        }
        double fraction = into.toQuarters() / bar.length().toQuarters();
        boolean onBeat = into.dividedBy(bar.beat()).den() == 1;
        return new Position(fraction, into.isZero(), onBeat);
    }

    private Bar barAt(Duration onset) {
        int low = 0;
        int high = bars.size() - 1;
        while (low < high) { // the last bar that starts at or before the onset
            int mid = (low + high + 1) >>> 1;
            if (bars.get(mid).start().compareTo(onset) <= 0) low = mid;
            else high = mid - 1;
        }
        return bars.get(low);
    }
}
