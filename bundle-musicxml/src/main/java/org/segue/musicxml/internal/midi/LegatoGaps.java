package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

import org.segue.model.Duration;

/**
 * Closes the short silences that a played (or performance-style) MIDI file leaves between one note and the next:
 * a pianist lifts each key a little before striking the next, so a line written legato arrives as notes followed
 * by gaps of a few ticks, which the grid would turn into 32nd and 16th rests. On one staff, a note whose end is
 * followed by the staff's next onset (the next NoteOn of any note on that staff at or after the note's end) after a
 * gap of at most {@link #maxGap} is lengthened to that onset; all notes of a chord that end in such a gap are, each by
 * itself. A longer gap, and the silence after the staff's last note, stay as they are: they are rests.
 *
 * <p>The gap is measured in the file's own time (ticks, as a share of a whole note), before the notes are moved
 * onto the grid, so a gap of 0.6 of a 16th is closed even where the grid would round it up to a 16th and a half;
 * and once more on the grid ({@link #closeOnGrid}), where a longer gap may have shrunk to the threshold, so that
 * reading a file that Segue wrote gives back the same notes. The threshold is inclusive because the performance-style files of the Chopin
 * corpus lift a key exactly a 16th early (measured: see README, MIDI import); the price is that a score's own
 * 16th rests, written to MIDI, are read as legato too.
 * The rule is the framework or system property {@value #PROPERTY}: a fraction of a whole note ({@code 1/16}, the
 * default: gaps of up to a 16th are legato), or {@code 0} to keep every gap as the file has it.
 *
 * @param maxGap the longest gap that is closed; zero closes none
 */
public record LegatoGaps(Duration maxGap) {

    /** The property that sets {@link #maxGap}, like {@code -Dsegue.midi.legatoGap=1/32}. */
    public static final String PROPERTY = "segue.midi.legatoGap";

    /** Gaps of up to a 16th are legato: measured on the Chopin corpus (see README, MIDI import). */
    public static final LegatoGaps DEFAULT = new LegatoGaps(Duration.SIXTEENTH);

    /** Every gap kept as the file has it. */
    public static final LegatoGaps NONE = new LegatoGaps(Duration.ZERO);

    public LegatoGaps {
        if (maxGap == null || maxGap.isNegative()) {
            throw new IllegalArgumentException("the longest legato gap must be zero or more, not " + maxGap);
        }
    }

    /**
     * The rule that {@code properties} name with {@value #PROPERTY} (null when not set: {@link #DEFAULT}).
     *
     * @throws IllegalArgumentException naming the property and its bad value
     */
    public static LegatoGaps from(Function<String, String> properties) {
        String value = properties.apply(PROPERTY);
        if (value == null || value.isBlank()) return DEFAULT;
        try {
            Duration gap = Duration.parse(value);
            if (gap.compareTo(Duration.QUARTER) > 0) throw new IllegalArgumentException("longer than a quarter");
            return new LegatoGaps(gap);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be a share of a whole note from 0 to 1/4, like 1/16 "
                    + "or 1/32 (0: keep every gap), not '" + value + "'", e);
        }
    }

    /** True when no gap is closed. */
    public boolean keepsEveryGap() {
        return !maxGap.isPositive();
    }

    /** The result of {@link #close}: the staff's notes, some lengthened, and how many were. */
    record Closed(List<MidiNote> notes, int lengthened) {
        Closed {
            notes = List.copyOf(notes);
        }
    }

    /** Closes the short gaps of one staff's notes (any order; the result keeps it). */
    Closed close(List<MidiNote> staffNotes, int ticksPerQuarter) {
        if (keepsEveryGap() || staffNotes.isEmpty()) return new Closed(staffNotes, 0);
        double maxTicks = 4.0 * ticksPerQuarter * maxGap.num() / maxGap.den();
        long[] onsets = staffNotes.stream().mapToLong(MidiNote::startTick).sorted().distinct().toArray();
        List<MidiNote> result = new ArrayList<>(staffNotes.size());
        int lengthened = 0;
        for (MidiNote n : staffNotes) {
            long next = nextOnset(onsets, n.endTick());
            if (next > n.endTick() && next - n.endTick() <= maxTicks) {
                result.add(new MidiNote(n.track(), n.channel(), n.pitch(), n.startTick(), next));
                lengthened++;
            } else {
                result.add(n);
            }
        }
        return new Closed(result, lengthened);
    }

    /** Closes the gaps of up to {@link #maxGap} that remain between notes on the grid; the same rule. */
    List<QuantizedNote> closeOnGrid(List<QuantizedNote> staffNotes) {
        if (keepsEveryGap()) return staffNotes;
        TreeSet<Duration> onsets = new TreeSet<>();
        for (QuantizedNote n : staffNotes) onsets.add(n.onset());
        List<QuantizedNote> result = new ArrayList<>(staffNotes.size());
        for (QuantizedNote n : staffNotes) {
            Duration next = onsets.ceiling(n.end());
            boolean legato = next != null && next.compareTo(n.end()) > 0 && next.minus(n.end()).compareTo(maxGap) <= 0;
            result.add(legato ? n.withEnd(next) : n);
        }
        return result;
    }

    /** The first onset at or after {@code tick}, or -1 when none follows. */
    private static long nextOnset(long[] sortedOnsets, long tick) {
        int i = Arrays.binarySearch(sortedOnsets, tick);
        if (i < 0) i = -i - 1;
        return i < sortedOnsets.length ? sortedOnsets[i] : -1;
    }
}
