package org.segue.model;

/**
 * An exact length of musical time, as a fraction of a whole note: a quarter is 1/4, a triplet eighth 1/12.
 * Also used for positions (offsets from the start of a measure or a piece).
 *
 * <p>Invariants: {@code den > 0} and {@code gcd(|num|, den) == 1}, so equal durations are equal records.
 * Negative values are allowed for differences.
 */
public record Duration(long num, long den) implements Comparable<Duration> {

    public static final Duration ZERO = new Duration(0, 1);
    public static final Duration WHOLE = new Duration(1, 1);
    public static final Duration HALF = new Duration(1, 2);
    public static final Duration QUARTER = new Duration(1, 4);
    public static final Duration EIGHTH = new Duration(1, 8);
    public static final Duration SIXTEENTH = new Duration(1, 16);

    public Duration {
        if (den == 0) throw new IllegalArgumentException("den must not be 0 (num " + num + ")");
        if (den < 0) {
            num = -num;
            den = -den;
        }
        long g = gcd(Math.abs(num), den);
        num /= g;
        den /= g;
    }

    public static Duration of(long num, long den) {
        return new Duration(num, den);
    }

    /** {@code count} divisions where a quarter note has {@code divisionsPerQuarter} of them (MusicXML style). */
    public static Duration ofDivisions(long count, long divisionsPerQuarter) {
        return new Duration(count, 4 * divisionsPerQuarter);
    }

    public Duration plus(Duration other) {
        return new Duration(
                Math.addExact(Math.multiplyExact(num, other.den), Math.multiplyExact(other.num, den)),
                Math.multiplyExact(den, other.den));
    }

    public Duration minus(Duration other) {
        return plus(other.negate());
    }

    public Duration negate() {
        return new Duration(-num, den);
    }

    public Duration times(long factor) {
        return new Duration(Math.multiplyExact(num, factor), den);
    }

    public Duration times(Duration factor) {
        return new Duration(Math.multiplyExact(num, factor.num), Math.multiplyExact(den, factor.den));
    }

    public Duration dividedBy(long divisor) {
        if (divisor == 0) throw new ArithmeticException("division of " + this + " by 0");
        return new Duration(num, Math.multiplyExact(den, divisor));
    }

    /** How many times {@code unit} fits into this duration, exactly as a fraction. */
    public Duration dividedBy(Duration unit) {
        if (unit.num == 0) throw new ArithmeticException("division of " + this + " by 0");
        return new Duration(Math.multiplyExact(num, unit.den), Math.multiplyExact(den, unit.num));
    }

    public boolean isZero() {
        return num == 0;
    }

    public boolean isPositive() {
        return num > 0;
    }

    public boolean isNegative() {
        return num < 0;
    }

    public Duration min(Duration other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Duration max(Duration other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Length in quarter notes, for timing (MIDI ticks, seconds); never for further arithmetic on the score. */
    public double toQuarters() {
        return 4.0 * num / den;
    }

    @Override
    public int compareTo(Duration other) {
        return Long.compare(Math.multiplyExact(num, other.den), Math.multiplyExact(other.num, den));
    }

    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }

    /** Parses {@code "3/8"} or {@code "1"}; the inverse of {@link #toString()}. */
    public static Duration parse(String text) {
        int slash = text.indexOf('/');
        try {
            return slash < 0
                    ? new Duration(Long.parseLong(text.trim()), 1)
                    : new Duration(Long.parseLong(text.substring(0, slash).trim()),
                            Long.parseLong(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration like 3/8: '" + text + "'", e);
        }
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    static long lcm(long a, long b) {
        return Math.multiplyExact(a / gcd(a, b), b);
    }
}
