package org.segue.ui;

/**
 * Consecutive measures of a score, by index (0 is the first measure, whatever its printed number), both ends
 * included.
 */
public record MeasureRange(int first, int last) {

    public MeasureRange {
        if (first < 0) throw new IllegalArgumentException("first measure index must be >= 0, not " + first);
        if (last < first) {
            throw new IllegalArgumentException("last measure index " + last + " is before the first, " + first);
        }
    }

    /** How many measures the range holds. */
    public int size() {
        return last - first + 1;
    }
}
