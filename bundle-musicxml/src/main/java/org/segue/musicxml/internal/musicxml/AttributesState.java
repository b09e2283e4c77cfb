package org.segue.musicxml.internal.musicxml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

import javax.xml.bind.JAXBElement;

import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.Key;
import org.audiveris.proxymusic.Time;
import org.audiveris.proxymusic.Transpose;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.KeySignature;
import org.segue.model.Mode;
import org.segue.model.TimeSignature;
import org.segue.model.Transposition;
import org.segue.musicxml.internal.musicxml.ReadNotices.Kind;

/**
 * The attributes in force while a part is read, measure after measure: divisions, key, time signature, the clef of
 * each staff and the transposition. An {@code <attributes>} element at a measure's start sets what the measure
 * starts with; later in the measure a clef becomes a clef change there, while a key or time signature takes effect
 * from the next measure (the model has no key or time change inside a measure), and so does a transposition.
 * Keys and pitches stay as written; the measure keeps the transposition that tells how they sound. Defaults where a file gives none:
 * divisions 1, C major, 4/4, treble clefs.
 */
final class AttributesState {

    /** The longest note, {@code <forward>} or measure read: 64 whole notes, eight times a maxima. */
    static final Duration LONGEST = Duration.of(64, 1);

    /** Divisions per quarter note; null after a part's first {@code <divisions>} was not > 0. */
    private BigDecimal divisions = BigDecimal.ONE;
    private boolean divisionsSeen;
    private KeySignature key = KeySignature.C_MAJOR;
    private TimeSignature time = TimeSignature.COMMON;
    private final Clef[] clefs;
    private Transposition transposition = Transposition.NONE;

    AttributesState(int staves) {
        clefs = new Clef[staves];
        Arrays.fill(clefs, Clef.TREBLE);
    }

    /**
     * Reads the durations before the part's first {@code <divisions>} with that value, as other readers do: an
     * exporter that writes it after the first notes means it for them too.
     */
    void startWithDivisions(BigDecimal first) {
        divisions = first;
    }

    /** A new cursor for the next measure, starting with what is in force now. */
    MeasureCursor startMeasure() {
        return new MeasureCursor(key, time, clefs, transposition);
    }

    TimeSignature time() {
        return time;
    }

    /** Ends a measure: the clefs in force are those its latest clef changes set. */
    void endMeasure(MeasureCursor cursor) {
        cursor.clefsAtEnd().forEach((staff, clef) -> clefs[staff - 1] = clef);
    }

    /**
     * A MusicXML duration, counted in divisions of a quarter note, as an exact fraction of a whole note.
     *
     * @throws IllegalArgumentException where the part has no usable divisions yet, or the duration is longer than
     *         {@link #LONGEST} (no score has such notes; writing one back would take millions of tied notes)
     */
    Duration duration(BigDecimal count) {
        Duration duration = unbounded(count);
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("<duration> " + count + " at <divisions> " + divisions + " lasts "
                    + duration + " whole notes, more than the " + LONGEST + " a measure can hold");
        }
        return duration;
    }

    /**
     * A {@code <backup>}'s duration: however long, since it only moves back, and never before the measure's start.
     *
     * @throws IllegalArgumentException where the part has no usable divisions yet
     */
    Duration backup(BigDecimal count) {
        return unbounded(count);
    }

    private Duration unbounded(BigDecimal count) {
        if (divisions == null) {
            throw new IllegalArgumentException("the part's <divisions> is not > 0, so <duration> "
                    + count.toString() + " cannot be measured");
        }
        return Fractions.of(count).dividedBy(Fractions.of(divisions).times(4));
    }

    void apply(Attributes attributes, MeasureCursor cursor, String place, ReadNotices notices) {
        if (attributes.getDivisions() != null) {
            if (attributes.getDivisions().signum() > 0) {
                divisions = attributes.getDivisions();
            } else {
                // a later bad value keeps the one before; a bad first value leaves durations to <type>
                notices.add(Kind.DIVISIONS_IGNORED, place + ": <divisions> " + attributes.getDivisions());
                if (!divisionsSeen) divisions = null;
            }
            divisionsSeen = true;
        }
        for (Transpose t : attributes.getTranspose()) {
            if (t.getNumber() == null || t.getNumber().intValue() == 1) {
                transposition = transposition(t);
                if (cursor.atStart()) cursor.transposition = transposition;
                if (!transposition.isNone()) notices.add(Kind.TRANSPOSED, place);
            }
        }
        KeySignature newKey = key(attributes.getKey(), place, notices);
        if (newKey != null) {
            key = newKey;
            if (cursor.atStart()) cursor.startKey = newKey;
        }
        TimeSignature newTime = time(attributes.getTime(), place, notices);
        if (newTime != null) {
            time = newTime;
            if (cursor.atStart()) cursor.startTime = newTime;
        }
        for (org.audiveris.proxymusic.Clef c : attributes.getClef()) {
            Clef clef = clef(c);
            int staff = c.getNumber() == null ? 1 : c.getNumber().intValue();
            if (clef == null || staff < 1 || staff > clefs.length) continue;
            clefs[staff - 1] = clef;
            if (cursor.atStart()) {
                cursor.startClefs[staff - 1] = clef;
            } else {
                cursor.clefChange(staff, clef);
            }
        }
    }

    private KeySignature key(List<Key> keys, String place, ReadNotices notices) {
        Key chosen = keys.stream().filter(k -> k.getNumber() == null || k.getNumber().intValue() == 1)
                .findFirst().orElse(keys.isEmpty() ? null : keys.get(0));
        if (chosen == null) return null;
        if (keys.stream().map(Key::getFifths).distinct().count() > 1) notices.add(Kind.STAFF_KEYS_DIFFER, place);
        if (chosen.getFifths() == null) {
            notices.add(Kind.KEY_IGNORED, place);
            return null;
        }
        int fifths = chosen.getFifths().intValue();
        int folded = Transposition.foldFifths(fifths);
        if (folded != fifths) notices.add(Kind.KEY_FOLDED, place + ": " + fifths + " fifths as " + folded);
        return new KeySignature(folded, Mode.fromXml(chosen.getMode()));
    }

    /** A {@code <transpose>} as one interval: octaves folded into its steps and semitones. */
    static Transposition transposition(Transpose transpose) {
        int octaves = transpose.getOctaveChange() == null ? 0 : transpose.getOctaveChange().intValue();
        int diatonic = transpose.getDiatonic() == null ? 0 : transpose.getDiatonic().intValue();
        BigDecimal chromatic = transpose.getChromatic() == null ? BigDecimal.ZERO : transpose.getChromatic();
        if (chromatic.abs().compareTo(BigDecimal.valueOf(120)) > 0 || Math.abs(octaves) > 10) {
            throw new IllegalArgumentException("<transpose> by " + chromatic.toString() + " semitones and "
                    + octaves + " octaves is more than ten octaves");
        }
        return new Transposition(diatonic + 7 * octaves,
                chromatic.setScale(0, RoundingMode.HALF_UP).intValueExact() + 12 * octaves);
    }

    /**
     * A time signature: one fraction like 6/8 as written, a sum like (3+2)/8 or 3/8+2/4 as its total over the
     * largest beat type (5/8, 7/8). Senza misura and beat types that are no power of two are ignored.
     */
    private TimeSignature time(List<Time> times, String place, ReadNotices notices) {
        Time chosen = times.stream().filter(t -> t.getNumber() == null || t.getNumber().intValue() == 1)
                .findFirst().orElse(times.isEmpty() ? null : times.get(0));
        if (chosen == null) return null;
        TimeSignature result = chosen.getSenzaMisura() != null ? null : parseTime(chosen.getTimeSignature());
        if (result == null) notices.add(Kind.TIME_IGNORED, place);
        return result;
    }

    private static TimeSignature parseTime(List<JAXBElement<String>> parts) {
        Duration total = Duration.ZERO;
        long beats = 0;
        long largestBeatType = 0;
        int fractions = 0;
        try {
            for (int i = 0; i + 1 < parts.size(); i += 2) {
                beats = sumOf(parts.get(i).getValue());
                long beatType = Long.parseLong(parts.get(i + 1).getValue().trim());
                total = total.plus(Duration.of(beats, beatType));
                largestBeatType = Math.max(largestBeatType, beatType);
                fractions++;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        if (fractions == 0 || !total.isPositive() || Long.bitCount(largestBeatType) != 1) return null;
        if (fractions == 1) return new TimeSignature((int) beats, (int) largestBeatType);
        long beatType = Math.max(largestBeatType, total.den());
        if (Long.bitCount(beatType) != 1) return null;
        return new TimeSignature((int) (total.num() * (beatType / total.den())), (int) beatType);
    }

    private static long sumOf(String beats) {
        long sum = 0;
        for (String term : beats.split("\\+")) sum += Long.parseLong(term.trim());
        return sum;
    }

    private static Clef clef(org.audiveris.proxymusic.Clef c) {
        if (c.getSign() == null) return null;
        Clef.Sign sign = Clef.Sign.valueOf(c.getSign().name());
        int line = c.getLine() != null ? c.getLine().intValue() : switch (sign) {
            case G -> 2;
            case F -> 4;
            case C -> 3;
            default -> 0;
        };
        BigInteger octave = c.getClefOctaveChange();
        return new Clef(sign, line, octave == null ? 0 : octave.intValue());
    }
}
