package org.segue.musicxml.internal.musicxml;

import org.segue.model.ClefChange;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Voice;

/**
 * A part's {@code <divisions>}: the smallest whole number of divisions per quarter note in which every duration,
 * offset and measure length of the part is a whole number, from the least common multiple of their denominators.
 * The tied pieces {@link NoteValue#split} makes of a duration need no finer divisions than the duration itself.
 */
final class Divisions {

    /** More divisions than this per quarter note make no sense for a score and risk overflows in other readers. */
    static final long MAX = 1L << 30;

    private Divisions() {
    }

    static long of(Part part) {
        long divisions = 1;
        for (Measure measure : part.measures()) {
            divisions = with(divisions, measure.length());
            for (ClefChange change : measure.clefChanges()) divisions = with(divisions, change.offset());
            for (Voice voice : measure.voices()) {
                for (Event event : voice.events()) divisions = with(divisions, event.duration());
            }
        }
        return divisions;
    }

    /** The divisions that also express {@code duration}: a duration p/q of a whole note needs q/gcd(q, 4) per quarter. */
    private static long with(long divisions, Duration duration) {
        long needed = duration.den() / gcd(duration.den(), 4);
        long result = Math.multiplyExact(divisions / gcd(divisions, needed), needed);
        if (result > MAX) {
            throw new IllegalArgumentException("durations as fine as " + duration + " need " + result
                    + " divisions per quarter note, more than " + MAX);
        }
        return result;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
