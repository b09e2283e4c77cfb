package org.segue.core.internal.evaluation;

import static org.segue.core.internal.evaluation.NgramKeys.append;
import static org.segue.core.internal.evaluation.NgramKeys.key;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An interpolated Kneser–Ney n-gram model over token indices {@code 0 .. vocabularySize - 1}, after Chen and
 * Goodman (1998):
 * <pre>
 * P_n(w | h) = max(c_n(h w) - D_n(c_n(h w)), 0) / c_n(h .)  +  gamma_n(h) * P_{n-1}(w | h')
 * gamma_n(h) = (D_n(1) N1(h .) + D_n(2) N2(h .) + D_n(3) N3+(h .)) / c_n(h .)
 * P_0(w)     = 1 / vocabularySize
 * </pre>
 * where {@code h'} drops the oldest token of {@code h}; {@code c_n} is the raw count at the highest order and the
 * continuation count (how many distinct tokens precede the n-gram) below it, except for n-grams that start at the
 * beginning of a sequence, which keep their raw count; {@code Nk(h .)} counts the tokens seen after {@code h} with
 * {@code c_n = k} ({@code N3+}: three or more). A context never seen passes all its mass to the lower order. Each
 * sequence is preceded by {@code order - 2} begin markers, so the second token of a sequence already has a full
 * context (the first token is never predicted). Probabilities over the vocabulary sum to 1.
 *
 * <p>The discounts {@code D_n(1), D_n(2), D_n(3)} come from the counts of counts {@code n1 .. n4} of order
 * {@code n} (see {@link Discounting}).
 */
public final class KneserNeyModel implements TokenModel {

    public static final int MAX_ORDER = NgramKeys.MAX_ORDER;

    /** How the discounts of an order are estimated from its counts of counts {@code n1 .. n4}. */
    public enum Discounting {
        /**
         * One discount for every count: {@code D = n1 / (n1 + 2 n2)}, kept within [0.1, 0.9] (0.5 when there is
         * neither a count of one nor of two).
         */
        SINGLE,
        /**
         * Chen and Goodman's modified Kneser–Ney: with {@code Y = n1 / (n1 + 2 n2)}, {@code D(1) = 1 - 2Y n2/n1},
         * {@code D(2) = 2 - 3Y n3/n2}, {@code D(3+) = 3 - 4Y n4/n3}, each kept within [0.1, k]. An order lacking one
         * of {@code n1 .. n4} (tiny corpora) falls back to {@link #SINGLE}'s discount.
         */
        MODIFIED,
        /**
         * {@link #MODIFIED}'s three discounts per order, then fitted to pieces the counts did not come from: the
         * training pieces are split into folds, each fold is scored by the counts of the others, and a coordinate
         * search moves each discount (within [0.05, k]) while that lowers the left-out pieces' cross-entropy (see
         * {@link DiscountFitter}). Music repeats itself within a piece, so counts of counts, which measure how often
         * an n-gram recurs anywhere in the corpus, make discounts too small for a piece not yet heard.
         */
        CROSS_VALIDATED
    }

    private final int order;
    private final int vocabularySize;
    private final int begin;
    /** Per order n (index n): the count used at that order of each n-gram, by packed key. */
    private final List<Map<Long, Integer>> counts = new ArrayList<>();
    /** Per order n: for each context of n - 1 tokens: the sum of its counts, then N1, N2 and N3+ of it. */
    private final List<Map<Long, int[]>> contexts = new ArrayList<>();
    /** Per order n: the discounts of counts 1, 2 and 3 or more, at indices 1..3 (index 0 unused). */
    private final double[][] discounts;

    public KneserNeyModel(int order, int vocabularySize, Discounting discounting, List<int[]> sequences) {
        if (order < 2 || order > MAX_ORDER) throw new IllegalArgumentException("order must be in 2.." + MAX_ORDER);
        NgramKeys.checkVocabulary(vocabularySize);
        this.order = order;
        this.vocabularySize = vocabularySize;
        this.begin = vocabularySize;
        List<Map<Long, Integer>> raw = rawCounts(sequences);
        this.discounts = new double[order + 1][];
        for (int n = 0; n <= order; n++) {
            Map<Long, Integer> c = n == 0 ? Map.of() : n == order ? raw.get(n) : continuationCounts(raw, n);
            counts.add(c);
            contexts.add(contextTotals(c, n));
            discounts[n] = discounts(c, discounting == Discounting.SINGLE ? Discounting.SINGLE : Discounting.MODIFIED);
        }
        if (discounting == Discounting.CROSS_VALIDATED) {
            double[][] fitted = DiscountFitter.fit(order, vocabularySize, sequences, discounts);
            for (int n = 1; n <= order; n++) discounts[n] = fitted[n];
        }
    }

    public int order() {
        return order;
    }

    /** The discounts of counts 1, 2 and 3 or more at order {@code n} (1 .. order). */
    public double[] discounts(int n) {
        if (n < 1 || n > order) throw new IllegalArgumentException("order " + n + " outside 1.." + order);
        return Arrays.copyOfRange(discounts[n], 1, 4);
    }

    /** P(token | the tokens before it in {@code sequence}, up to {@code order - 1} of them, with begin markers). */
    @Override
    public double probability(int[] sequence, int position) {
        return probability(NgramKeys.history(sequence, position, order - 1, begin), sequence[position], order);
    }

    /** P_n(w | the last n - 1 tokens of history). */
    private double probability(int[] history, int w, int n) {
        if (n == 0) return 1.0 / vocabularySize;
        long context = key(history, history.length - (n - 1), n - 1);
        double lower = probability(history, w, n - 1);
        int[] totals = contexts.get(n).get(context);
        if (totals == null || totals[0] == 0) return lower;
        int c = counts.get(n).getOrDefault(append(context, w), 0);
        return interpolate(discounts[n], c, totals[0], totals[1], totals[2], totals[3], lower);
    }

    /** One order's step: the discounted count of w after its context plus the back-off mass times P_{n-1}. */
    static double interpolate(double[] d, int count, int total, int n1, int n2, int n3, double lower) {
        double own = count == 0 ? 0 : Math.max(count - d[Math.min(count, 3)], 0);
        double gamma = d[1] * n1 + d[2] * n2 + d[3] * n3;
        return (own + gamma * lower) / total;
    }

    /**
     * What P(sequence[position] | its context) depends on besides the discounts: per order n in 1..order, at
     * {@code 5 (n - 1)}: the context's total count (0 when never seen), its N1, N2 and N3+, and the token's count.
     */
    int[] statistics(int[] sequence, int position) {
        int[] history = NgramKeys.history(sequence, position, order - 1, begin);
        int[] statistics = new int[5 * order];
        for (int n = 1; n <= order; n++) {
            long context = key(history, history.length - (n - 1), n - 1);
            int[] totals = contexts.get(n).get(context);
            if (totals == null) continue;
            System.arraycopy(totals, 0, statistics, 5 * (n - 1), 4);
            statistics[5 * (n - 1) + 4] = counts.get(n).getOrDefault(append(context, sequence[position]), 0);
        }
        return statistics;
    }

    private List<Map<Long, Integer>> rawCounts(List<int[]> sequences) {
        List<Map<Long, Integer>> raw = new ArrayList<>();
        for (int n = 0; n <= order; n++) raw.add(new HashMap<>());
        for (int[] s : sequences) {
            NgramKeys.checkTokens(s, vocabularySize);
            int[] padded = new int[s.length + order - 2];
            Arrays.fill(padded, 0, order - 2, begin);
            System.arraycopy(s, 0, padded, order - 2, s.length);
            for (int end = order - 2; end < padded.length; end++) { // begin markers are never predicted
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
        for (long longer : raw.get(n + 1).keySet()) c.merge(NgramKeys.newest(longer, n), 1, Integer::sum);
        for (Map.Entry<Long, Integer> e : raw.get(n).entrySet()) {
            if (NgramKeys.oldest(e.getKey(), n) == begin) c.put(e.getKey(), e.getValue());
        }
        return c;
    }

    private static Map<Long, int[]> contextTotals(Map<Long, Integer> c, int n) {
        Map<Long, int[]> totals = new HashMap<>();
        for (Map.Entry<Long, Integer> e : c.entrySet()) {
            long context = n == 1 ? 0L : e.getKey() >>> NgramKeys.BITS;
            int[] t = totals.computeIfAbsent(context, k -> new int[4]);
            t[0] += e.getValue();
            t[Math.min(e.getValue(), 3)]++;
        }
        return totals;
    }

    private static double[] discounts(Map<Long, Integer> c, Discounting discounting) {
        long[] n = new long[5];
        for (int v : c.values()) if (v <= 4) n[v]++;
        double single = n[1] + 2 * n[2] == 0 ? 0.5 : Math.max(0.1, Math.min(0.9, (double) n[1] / (n[1] + 2 * n[2])));
        if (discounting == Discounting.SINGLE || n[1] == 0 || n[2] == 0 || n[3] == 0 || n[4] == 0) {
            return new double[] {0, single, single, single};
        }
        double y = (double) n[1] / (n[1] + 2 * n[2]);
        double[] d = new double[4];
        for (int k = 1; k <= 3; k++) {
            double estimate = k - (k + 1) * y * n[k + 1] / n[k];
            d[k] = Math.max(0.1, Math.min(k, estimate));
        }
        return d;
    }
}
