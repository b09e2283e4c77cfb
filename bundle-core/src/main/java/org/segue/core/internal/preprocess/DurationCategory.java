package org.segue.core.internal.preprocess;

import java.util.Optional;

import org.segue.model.Duration;

/**
 * The duration categories the networks learn and produce, with their exact lengths (in whole notes):
 *
 * <table>
 *   <caption>Duration categories</caption>
 *   <tr><th>category</th><th>length</th><th>category</th><th>length</th></tr>
 *   <tr><td>dotted-whole</td><td>3/2</td><td>whole</td><td>1</td></tr>
 *   <tr><td>dotted-half</td><td>3/4</td><td>half</td><td>1/2</td></tr>
 *   <tr><td>dotted-quarter</td><td>3/8</td><td>quarter</td><td>1/4</td></tr>
 *   <tr><td>dotted-eighth</td><td>3/16</td><td>eighth</td><td>1/8</td></tr>
 *   <tr><td>dotted-16th</td><td>3/32</td><td>16th</td><td>1/16</td></tr>
 *   <tr><td>32nd</td><td>1/32</td><td>half-triplet</td><td>1/3</td></tr>
 *   <tr><td>quarter-triplet</td><td>1/6</td><td>eighth-triplet</td><td>1/12</td></tr>
 *   <tr><td>16th-triplet</td><td>1/24</td><td>other</td><td>none</td></tr>
 * </table>
 *
 * <p>A duration is mapped by {@link #of(Duration)}: to the category of exactly its length; else to the category
 * nearest to it by ratio (the smallest {@code max(d/c, c/d)}, the shorter category on a tie) when that ratio is at
 * most {@value #TOLERANCE}, so 5/16 becomes a dotted quarter and 7/8 a whole note; else to {@link #OTHER} (a rest of
 * several bars, or a length between the categories, like 1/48). A duration on the binary grid (its denominator a
 * power of two, like 5/16) is only rounded to a plain or dotted category, never to a triplet one, so that a quarter
 * tied to a sixteenth does not turn into a half-note triplet. {@code OTHER} has no length: a generator must not
 * emit it (see {@link #length()}).
 */
public enum DurationCategory {
    DOTTED_WHOLE("dotted-whole", 3, 2),
    WHOLE("whole", 1, 1),
    DOTTED_HALF("dotted-half", 3, 4),
    HALF("half", 1, 2),
    HALF_TRIPLET("half-triplet", 1, 3),
    DOTTED_QUARTER("dotted-quarter", 3, 8),
    QUARTER("quarter", 1, 4),
    DOTTED_EIGHTH("dotted-eighth", 3, 16),
    QUARTER_TRIPLET("quarter-triplet", 1, 6),
    EIGHTH("eighth", 1, 8),
    DOTTED_SIXTEENTH("dotted-16th", 3, 32),
    EIGHTH_TRIPLET("eighth-triplet", 1, 12),
    SIXTEENTH("16th", 1, 16),
    SIXTEENTH_TRIPLET("16th-triplet", 1, 24),
    THIRTY_SECOND("32nd", 1, 32),
    OTHER("other", 0, 1);

    /** The largest ratio between a duration and the category it is rounded to. */
    public static final double TOLERANCE = 1.25;

    private final String label;
    private final Duration length;

    DurationCategory(String label, long num, long den) {
        this.label = label;
        this.length = num == 0 ? null : Duration.of(num, den);
    }

    /** The name used in vocabularies and data files, like {@code dotted-quarter}. */
    public String label() {
        return label;
    }

    /** The exact length, or empty for {@link #OTHER}. */
    public Optional<Duration> length() {
        return Optional.ofNullable(length);
    }

    /** The category of a duration, as the class comment describes. */
    public static DurationCategory of(Duration duration) {
        if (!duration.isPositive()) throw new IllegalArgumentException("a duration must be > 0, not " + duration);
        DurationCategory best = OTHER;
        double bestRatio = Double.POSITIVE_INFINITY;
        boolean binary = Long.bitCount(duration.den()) == 1;
        for (DurationCategory c : values()) {
            if (c.length == null) continue;
            if (c.length.equals(duration)) return c;
            if (binary && c.isTriplet()) continue;
            double r = ratio(duration, c.length);
            if (r < bestRatio - 1e-12 || (Math.abs(r - bestRatio) <= 1e-12 && c.length.compareTo(best.length) < 0)) {
                best = c;
                bestRatio = r;
            }
        }
        return bestRatio <= TOLERANCE + 1e-12 ? best : OTHER;
    }

    /** Whether this is one of the triplet categories (a length with a factor 3 in its denominator). */
    public boolean isTriplet() {
        return length != null && length.den() % 3 == 0;
    }

    /** The ratio {@code max(a/b, b/a)}, at least 1; infinite for {@link #OTHER}. */
    public double ratioTo(DurationCategory other) {
        if (length == null || other.length == null) return Double.POSITIVE_INFINITY;
        return ratio(length, other.length);
    }

    /** Reads a {@link #label()}. */
    public static DurationCategory parse(String label) {
        for (DurationCategory c : values()) {
            if (c.label.equals(label.trim())) return c;
        }
        throw new IllegalArgumentException("not a duration category: '" + label + "'");
    }

    private static double ratio(Duration a, Duration b) {
        double r = a.dividedBy(b).toQuarters() / 4;
        return r >= 1 ? r : 1 / r;
    }
}
