package org.segue.core.internal.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An interpolated Kneser–Ney n-gram model over token indices {@code 0 .. vocabularySize - 1} (Chen and Goodman's
 * formulation, one absolute discount per order):
 * <pre>
 * P_n(w | h) = max(c_n(h w) - D_n, 0) / c_n(h .)  +  D_n * N1+(h .) / c_n(h .) * P_{n-1}(w | h')
 * P_0(w)     = 1 / vocabularySize
 * </pre>
 * where {@code h'} drops the oldest token of {@code h}; {@code c_n} is the raw count at the highest order and the
 * continuation count (how many distinct tokens precede the n-gram) below it, except for n-grams that start at the
 * beginning of a sequence, which keep their raw count; {@code D_n = n1 / (n1 + 2 n2)} from the counts of counts at
 * that order, kept within [0.1, 0.9]; a context never seen passes all its mass to the lower order. Each sequence is
 * preceded by {@code order - 2} begin markers, so the second token of a sequence already has a full context (the
 * first token is never predicted). Probabilities over the vocabulary sum to 1.
 */
public final class KneserNeyModel {

    public static final int MAX_ORDER = 4;
    private static final int BITS = 16;

    private final int order;
    private final int vocabularySize;
    private final int begin;
    /** Per order n (index n): the count used at that order of each n-gram, by packed key. */
    private final List<Map<Long, Integer>> counts;
    /** Per order n: for each context of n - 1 tokens, the sum of its counts and the number of distinct next tokens. */
    private final List<Map<Long, int[]>> contexts;
    private final double[] discounts;

    public KneserNeyModel(int order, int vocabularySize, List<int[]> sequences) {
        if (order < 2 || order > MAX_ORDER) throw new IllegalArgumentException("order must be in 2.." + MAX_ORDER);
        if (vocabularySize < 1 || vocabularySize >= (1 << BITS) - 1) {
            throw new IllegalArgumentException("vocabulary size must be in 1.." + ((1 << BITS) - 2));
        }
        this.order = order;
        this.vocabularySize = vocabularySize;
        this.begin = vocabularySize;
        List<Map<Long, Integer>> raw = rawCounts(sequences);
        this.counts = new java.util.ArrayList<>();
        this.contexts = new java.util.ArrayList<>();
        this.discounts = new double[order + 1];
        for (int n = 0; n <= order; n++) {
            Map<Long, Integer> c = n == 0 ? Map.of() : n == order ? raw.get(n) : continuationCounts(raw, n);
            counts.add(c);
            contexts.add(contextTotals(c, n));
            discounts[n] = discount(c);
        }
    }

    public int order() {
        return order;
    }

    /** P(token | the tokens before it in {@code sequence}, up to {@code order - 1} of them, with begin markers). */
    public double probability(int[] sequence, int position) {
        int[] history = new int[order - 1];
        for (int k = 0; k < order - 1; k++) {
            int at = position - (order - 1) + k;
            history[k] = at >= 0 ? sequence[at] : begin;
        }
        return probability(history, sequence[position], order);
    }

    /** Mean negative log-probability (nats) of every token but the first of each sequence. */
    public double crossEntropy(List<int[]> sequences) {
        double nats = 0;
        long tokens = 0;
        for (int[] s : sequences) {
            for (int i = 1; i < s.length; i++) {
                nats -= Math.log(probability(s, i));
                tokens++;
            }
        }
        return tokens == 0 ? Double.NaN : nats / tokens;
    }

    /** P_n(w | the last n - 1 tokens of history). */
    private double probability(int[] history, int w, int n) {
        if (n == 0) return 1.0 / vocabularySize;
        long context = key(history, history.length - (n - 1), n - 1);
        double lower = probability(history, w, n - 1);
        int[] totals = contexts.get(n).get(context);
        if (totals == null || totals[0] == 0) return lower;
        int c = counts.get(n).getOrDefault(append(context, w), 0);
        double d = discounts[n];
        return Math.max(c - d, 0) / totals[0] + d * totals[1] / totals[0] * lower;
    }

    private List<Map<Long, Integer>> rawCounts(List<int[]> sequences) {
        List<Map<Long, Integer>> raw = new java.util.ArrayList<>();
        for (int n = 0; n <= order; n++) raw.add(new HashMap<>());
        for (int[] s : sequences) {
            int[] padded = new int[s.length + order - 2];
            java.util.Arrays.fill(padded, 0, order - 2, begin);
            for (int i = 0; i < s.length; i++) {
                if (s[i] < 0 || s[i] >= vocabularySize) {
                    throw new IllegalArgumentException("token " + s[i] + " outside 0.." + (vocabularySize - 1));
                }
                padded[order - 2 + i] = s[i];
            }
            for (int end = 0; end < padded.length; end++) {
                if (padded[end] == begin) continue; // begin markers are never predicted
                for (int n = 1; n <= order && end - n + 1 >= 0; n++) {
                    raw.get(n).merge(key(padded, end - n + 1, n), 1, Integer::sum);
                }
            }
        }
        return raw;
    }

    /** Distinct left neighbours of each n-gram; raw counts for n-grams starting with a begin marker. */
    private Map<Long, Integer> continuationCounts(List<Map<Long, Integer>> raw, int n) {
        Map<Long, Integer> c = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        long mask = n * BITS >= 64 ? -1L : (1L << (n * BITS)) - 1;
        for (long longer : raw.get(n + 1).keySet()) {
            long suffix = longer & mask;
            if (seen.add(longer)) c.merge(suffix, 1, Integer::sum);
        }
        for (Map.Entry<Long, Integer> e : raw.get(n).entrySet()) {
            if (first(e.getKey(), n) == begin) c.put(e.getKey(), e.getValue());
        }
        return c;
    }

    private static Map<Long, int[]> contextTotals(Map<Long, Integer> c, int n) {
        Map<Long, int[]> totals = new HashMap<>();
        for (Map.Entry<Long, Integer> e : c.entrySet()) {
            long context = e.getKey() >>> BITS;
            int[] t = totals.computeIfAbsent(n == 1 ? 0L : context, k -> new int[2]);
            t[0] += e.getValue();
            t[1]++;
        }
        return totals;
    }

    private static double discount(Map<Long, Integer> c) {
        long n1 = c.values().stream().filter(v -> v == 1).count();
        long n2 = c.values().stream().filter(v -> v == 2).count();
        double d = n1 + 2 * n2 == 0 ? 0.5 : (double) n1 / (n1 + 2 * n2);
        return Math.max(0.1, Math.min(0.9, d));
    }

    private static long key(int[] tokens, int from, int n) {
        long k = 0;
        for (int i = 0; i < n; i++) k = (k << BITS) | tokens[from + i];
        return k;
    }

    private static long append(long context, int w) {
        return (context << BITS) | w;
    }

    private static int first(long key, int n) {
        return (int) ((key >>> ((n - 1) * BITS)) & ((1 << BITS) - 1));
    }
}
