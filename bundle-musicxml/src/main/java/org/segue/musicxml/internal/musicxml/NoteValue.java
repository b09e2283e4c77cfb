package org.segue.musicxml.internal.musicxml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.segue.model.Duration;

/**
 * A written note value: a MusicXML {@code <type>}, a number of {@code <dot>}s and a tuplet ratio
 * ({@code <time-modification>}: {@code actualNotes} in the time of {@code normalNotes}; 1:1 for none).
 *
 * <p>How a duration is written ({@link #split}): the odd factor m of its denominator decides the tuplet,
 * m:n with n the largest power of two below m (3:2, 5:4, 7:4, 9:8, 15:8 ...), none when m is 1. What is left has a
 * power-of-two denominator and is cut, largest first, into plain or dotted values (at most {@value #MAX_DOTS}
 * dots) from maxima down to 1024th. A single piece is one note; several pieces are written as tied notes (for
 * rests: rests one after another). So 3/8 is a dotted quarter, 1/12 an eighth in a 3:2 triplet, and 5/16 a quarter
 * tied to a 16th. A part finer than a 1024th is written as a dotted 1024th at the end (5/2048 is a 1024th tied to a
 * dotted 1024th); what even {@value #MAX_DOTS} dots on a 1024th cannot reach cannot be written.
 *
 * <p>Public for the other writers of this bundle (sheet music), which spell durations the same way.
 */
public record NoteValue(String type, int dots, int actualNotes, int normalNotes) {

    static final int MAX_DOTS = 3;

    /** MusicXML's note types, longest first: TYPES[i] lasts 8 / 2^i whole notes. */
    private static final List<String> TYPES = List.of("maxima", "long", "breve", "whole", "half", "quarter", "eighth",
            "16th", "32nd", "64th", "128th", "256th", "512th", "1024th");
    private static final long SHORTEST_DENOMINATOR = 1024;

    public NoteValue {
        if (!TYPES.contains(type)) throw new IllegalArgumentException("not a MusicXML note type: " + type);
        if (dots < 0 || dots > MAX_DOTS) throw new IllegalArgumentException("dots must be in 0.." + MAX_DOTS);
        if (actualNotes < 1 || normalNotes < 1) throw new IllegalArgumentException("tuplet ratio must be positive");
    }

    public boolean isTuplet() {
        return actualNotes != normalNotes;
    }

    /** How long a note written this way lasts. */
    public Duration duration() {
        return dotted(typeDuration(type), dots).times(Duration.of(normalNotes, actualNotes));
    }

    /** The length of an undotted note of a MusicXML type, or null for a type this reader does not know. */
    static Duration typeDuration(String type) {
        int index = type == null ? -1 : TYPES.indexOf(type.trim());
        return index < 0 ? null : Duration.of(8, 1L << index);
    }

    /** A value with {@code dots} dots: each dot adds half of what the previous one added. */
    static Duration dotted(Duration undotted, int dots) {
        Duration sum = undotted;
        Duration added = undotted;
        for (int i = 0; i < dots; i++) {
            added = added.dividedBy(2);
            sum = sum.plus(added);
        }
        return sum;
    }

    /** The single note value that lasts exactly {@code duration}, if there is one. */
    public static Optional<NoteValue> exactly(Duration duration) {
        List<NoteValue> pieces = split(duration);
        return pieces.size() == 1 ? Optional.of(pieces.get(0)) : Optional.empty();
    }

    /**
     * Note values that, tied together, last exactly {@code duration} (see the class comment for the rule).
     *
     * @throws IllegalArgumentException for a duration that is not positive or finer than a 1024th
     */
    public static List<NoteValue> split(Duration duration) {
        if (!duration.isPositive()) throw new IllegalArgumentException("a note value must be > 0, not " + duration);
        long oddPart = duration.den() >> Long.numberOfTrailingZeros(duration.den());
        long normal = oddPart == 1 ? 1 : Long.highestOneBit(oddPart);
        if (oddPart > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("duration " + duration + " needs a tuplet of " + oddPart + " notes");
        }
        Duration written = duration.times(Duration.of(oddPart, normal));
        NoteValue tail = null;
        if (written.den() > SHORTEST_DENOMINATOR) {
            // the finest part needs a dotted value whose last dot is that fine: take it off the end first
            int dots = Long.numberOfTrailingZeros(written.den()) - Long.numberOfTrailingZeros(SHORTEST_DENOMINATOR);
            tail = dots <= MAX_DOTS ? new NoteValue(TYPES.get(TYPES.size() - 1), dots, (int) oddPart, (int) normal)
                    : null;
            Duration tailWritten = tail == null ? null : dotted(typeDuration(tail.type), dots);
            if (tail == null || tailWritten.compareTo(written) > 0) {
                throw new IllegalArgumentException("duration " + duration + " is finer than note values down to a "
                        + "1024th with " + MAX_DOTS + " dots can write");
            }
            written = written.minus(tailWritten);
        }
        List<NoteValue> pieces = new ArrayList<>();
        for (Duration rest = written; rest.isPositive(); ) {
            NoteValue piece = largestWithin(rest, (int) oddPart, (int) normal);
            pieces.add(piece);
            rest = rest.minus(dotted(typeDuration(piece.type), piece.dots));
        }
        if (tail != null) pieces.add(tail);
        return pieces;
    }

    private static NoteValue largestWithin(Duration limit, int actual, int normal) {
        int index = 0;
        while (typeDuration(TYPES.get(index)).compareTo(limit) > 0) index++;
        Duration undotted = typeDuration(TYPES.get(index));
        int dots = 0;
        while (dots < MAX_DOTS && dotted(undotted, dots + 1).compareTo(limit) <= 0) {
            dots++;
        }
        return new NoteValue(TYPES.get(index), dots, actual, normal);
    }
}
