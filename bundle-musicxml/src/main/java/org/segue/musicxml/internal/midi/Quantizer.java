package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.segue.model.Duration;

/**
 * Moves one staff's notes onto the score grid. The grid, exactly:
 * <ul>
 * <li>Time is cut into quarter-note beats counted from tick 0 (positions are ticks / ticks-per-quarter; the tempo
 * map plays no part). Each beat of each staff uses one of four grids: <b>sixteenths</b> (positions k/16 of a whole
 * note), <b>eighth-note triplets</b> (k/12), <b>thirty-seconds</b> (k/32) or <b>sixteenth-note triplets</b>
 * (k/24, sextuplets). Every position is thus a multiple of 1/96 of a whole note (20 ticks at 480 per quarter).</li>
 * <li>The grid of a beat is chosen from the onsets that fall in it ({@code floor(onset / quarter)}): the first grid,
 * in the order above, on which every one of them lies within {@link #TOLERANCE} (1/192 of a whole note, 10 ticks at
 * 480 per quarter) of a grid position. Where none does (a played, unquantized file), sixteenths or eighth triplets,
 * whichever has the smaller sum of distances to the onsets (sixteenths on a tie). Beats without onsets use
 * sixteenths.</li>
 * <li>An onset moves to the nearest position of its beat's grid; a note's end moves to the nearest position of the
 * grid of the beat where the end falls (halves round up, to the later position).</li>
 * <li>A note that would then end at or before its onset is given one step of the grid at its onset (1/16, 1/12,
 * 1/32 or 1/24) and is marked {@link QuantizedNote#lengthened()}.</li>
 * </ul>
 * The finer grids are there because piano music needs them: without them the sextuplets of Chopin's op. 25 no. 1
 * and the thirty-seconds of his Prelude no. 8 collapse into false chords. Their lengths are among the duration
 * categories the networks learn (32nd, 16th-triplet). A file whose notes already lie on the grid comes out
 * unchanged, so importing an exported file gives back the same score.
 */
final class Quantizer {

    /** Grid positions are counted in units of 1/96 of a whole note; a quarter-note beat has 24 of them. */
    static final int UNITS_PER_WHOLE = 96;
    static final int UNITS_PER_BEAT = 24;
    /** How near every onset of a beat must be to a grid's positions for that grid to be taken, in units. */
    static final double TOLERANCE = 0.5;

    /** The grids, by their step in units, in the order they are tried. */
    enum Grid {
        SIXTEENTHS(6), EIGHTH_TRIPLETS(8), THIRTY_SECONDS(3), SIXTEENTH_TRIPLETS(4);

        final int step;

        Grid(int step) {
            this.step = step;
        }

        long snap(double units) {
            return Math.round(units / step) * step;
        }

        double distance(double units) {
            return Math.abs(units - snap(units));
        }
    }

    private final int ticksPerQuarter;

    Quantizer(int ticksPerQuarter) {
        this.ticksPerQuarter = ticksPerQuarter;
    }

    List<QuantizedNote> quantize(List<MidiNote> notes, int staff) {
        Map<Long, Grid> grids = chooseGrids(notes);
        List<QuantizedNote> result = new ArrayList<>(notes.size());
        for (MidiNote n : notes) {
            double start = units(n.startTick());
            long onset = gridAt(grids, start).snap(start);
            double stop = units(n.endTick());
            long end = gridAt(grids, stop).snap(stop);
            boolean lengthened = end <= onset;
            if (lengthened) end = onset + gridAt(grids, onset).step;
            result.add(new QuantizedNote(staff, n.pitch(), position(onset), position(end), lengthened));
        }
        return result;
    }

    /** The grid of every beat that has onsets and does not use sixteenths, by beat number. */
    Map<Long, Grid> chooseGrids(List<MidiNote> notes) {
        Map<Long, List<Double>> onsetsByBeat = new HashMap<>();
        for (MidiNote n : notes) {
            double u = units(n.startTick());
            onsetsByBeat.computeIfAbsent(beat(u), b -> new ArrayList<>()).add(u);
        }
        Map<Long, Grid> grids = new HashMap<>();
        onsetsByBeat.forEach((beat, onsets) -> {
            Grid grid = gridFor(onsets);
            if (grid != Grid.SIXTEENTHS) grids.put(beat, grid);
        });
        return grids;
    }

    static Grid gridFor(List<Double> onsets) {
        for (Grid grid : Grid.values()) {
            if (onsets.stream().allMatch(u -> grid.distance(u) <= TOLERANCE)) return grid;
        }
        double sixteenths = onsets.stream().mapToDouble(Grid.SIXTEENTHS::distance).sum();
        double triplets = onsets.stream().mapToDouble(Grid.EIGHTH_TRIPLETS::distance).sum();
        return triplets < sixteenths ? Grid.EIGHTH_TRIPLETS : Grid.SIXTEENTHS;
    }

    /** The grid of the beat in which a position (in units) falls. */
    static Grid gridAt(Map<Long, Grid> grids, double units) {
        return grids.getOrDefault(beat(units), Grid.SIXTEENTHS);
    }

    static long beat(double units) {
        return (long) Math.floor(units / UNITS_PER_BEAT);
    }

    /** A tick as grid units (1/96 of a whole note), not rounded. */
    double units(long tick) {
        return (double) tick * UNITS_PER_BEAT / ticksPerQuarter;
    }

    static Duration position(long units) {
        return Duration.of(units, UNITS_PER_WHOLE);
    }
}
