package org.segue.benchmark;

import java.util.Arrays;

/**
 * Repeated measurements of one thing, in milliseconds, after its warm-up: the median (what a report quotes), the
 * fastest and the slowest.
 */
public record Timings(double median, double min, double max, int runs) {

    /** The summary of {@code millis}, one value per timed run (at least one). */
    public static Timings of(double[] millis) {
        if (millis.length == 0) throw new IllegalArgumentException("no timed runs");
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Timings(median, sorted[0], sorted[n - 1], n);
    }
}
