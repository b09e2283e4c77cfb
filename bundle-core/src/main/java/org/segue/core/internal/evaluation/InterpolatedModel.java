package org.segue.core.internal.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Jelinek–Mercer interpolated n-gram model over token indices {@code 0 .. vocabularySize - 1}:
 * <pre>
 * P_n(w | h) = lambda_n(c(h)) * c(h w) / c(h)  +  (1 - lambda_n(c(h))) * P_{n-1}(w | h')
 * P_0(w)     = 1 / vocabularySize
 * </pre>
 * where {@code h} holds the {@code n - 1} tokens before {@code w} (begin markers before the start of a sequence),
 * {@code h'} drops its oldest token, and {@code lambda_n} depends on the order and on the bucket of the context's
 * count {@code c(h)} (1, 2-3, 4-7, ... doubling up to 1024 and more; a context never seen has weight 0).
 *
 * <p>The weights are fitted by deleted interpolation: each training sequence (a piece) in turn is scored by the
 * counts of all the others, and expectation-maximisation finds the weights that give those left-out tokens the
 * highest likelihood. So the weights say how far counts from other pieces can be trusted, which is what held-out
 * pieces need. A lone sequence is cut in two halves for this. A bucket that fewer than {@value #MIN_TOKENS} left-out
 * tokens fall in says too little about its weight (EM would push it to an extreme) and takes the weight of the
 * nearest bucket below it with enough tokens, else above it. Weights stay at most {@value #MAX_WEIGHT}, so that no
 * context rules out a label. Probabilities over the vocabulary sum to 1.
 */
public final class InterpolatedModel implements TokenModel {

    static final int BUCKETS = 12;
    static final double MAX_WEIGHT = 0.99;
    static final int MIN_TOKENS = 20;
    private static final int MAX_ITERATIONS = 500;
    /** EM stops when an iteration gains less than this, in nats per left-out token. */
    private static final double TOLERANCE = 1e-7;

    private final int order;
    private final int vocabularySize;
    private final int begin;
    private final NgramCounts counts;
    /** Per order n (index n) and context-count bucket: lambda_n; bucket 0 (unseen context) stays 0. */
    private final double[][] weights;

    public InterpolatedModel(int order, int vocabularySize, List<int[]> sequences) {
        if (order < 1 || order > NgramKeys.MAX_ORDER) {
            throw new IllegalArgumentException("order must be in 1.." + NgramKeys.MAX_ORDER);
        }
        NgramKeys.checkVocabulary(vocabularySize);
        sequences.forEach(s -> NgramKeys.checkTokens(s, vocabularySize));
        this.order = order;
        this.vocabularySize = vocabularySize;
        this.begin = vocabularySize;
        this.counts = NgramCounts.of(order, begin, sequences);
        this.weights = fitWeights(folds(sequences));
    }

    public int order() {
        return order;
    }

    /** lambda_n for a context seen {@code contextCount} times. */
    public double weight(int n, int contextCount) {
        if (n < 1 || n > order) throw new IllegalArgumentException("order " + n + " outside 1.." + order);
        return weights[n][bucket(contextCount)];
    }

    @Override
    public double probability(int[] sequence, int position) {
        int[] history = NgramKeys.history(sequence, position, order - 1, begin);
        int w = sequence[position];
        double p = 1.0 / vocabularySize;
        for (int n = 1; n <= order; n++) {
            long context = NgramCounts.context(history, n);
            int c = counts.contextCount(n, context);
            if (c == 0) continue;
            double lambda = weights[n][bucket(c)];
            p = lambda * counts.count(n, context, w) / c + (1 - lambda) * p;
        }
        return p;
    }

    /** 0 for an unseen context, then 1 + floor(log2 c), at most BUCKETS - 1. */
    static int bucket(int contextCount) {
        if (contextCount <= 0) return 0;
        return Math.min(BUCKETS - 1, 32 - Integer.numberOfLeadingZeros(contextCount));
    }

    /** The pieces, each left out in turn; a lone piece is cut in halves so that there is something to leave out. */
    private static List<int[]> folds(List<int[]> sequences) {
        List<int[]> nonEmpty = sequences.stream().filter(s -> s.length >= 2).toList();
        if (nonEmpty.size() != 1) return nonEmpty;
        int[] only = nonEmpty.get(0);
        int half = only.length / 2;
        return List.of(Arrays.copyOfRange(only, 0, half), Arrays.copyOfRange(only, half, only.length));
    }

    private double[][] fitWeights(List<int[]> folds) {
        LeftOutTokens tokens = leftOutTokens(folds);
        double[][] lambda = new double[order + 1][BUCKETS];
        for (int n = 1; n <= order; n++) Arrays.fill(lambda[n], 1, BUCKETS, 0.5);
        int[][] population = new int[order + 1][BUCKETS];
        for (int[] bucket : tokens.buckets) for (int n = 1; n <= order; n++) population[n][bucket[n]]++;
        double previous = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_ITERATIONS && tokens.size() > 0; iteration++) {
            double nats = expectationMaximisationStep(tokens, lambda) / tokens.size();
            if (previous - nats < TOLERANCE) break;
            previous = nats;
        }
        for (int n = 1; n <= order; n++) fillSparse(lambda[n], population[n]);
        return lambda;
    }

    /** Relative frequencies and context buckets of every left-out token, order by order, from the other folds. */
    private LeftOutTokens leftOutTokens(List<int[]> folds) {
        NgramCounts all = NgramCounts.of(order, begin, folds);
        LeftOutTokens tokens = new LeftOutTokens();
        for (int[] fold : folds) {
            NgramCounts own = NgramCounts.of(order, begin, List.of(fold));
            for (int i = 1; i < fold.length; i++) {
                int[] history = NgramKeys.history(fold, i, order - 1, begin);
                double[] frequency = new double[order + 1];
                int[] bucket = new int[order + 1];
                for (int n = 1; n <= order; n++) {
                    long context = NgramCounts.context(history, n);
                    int c = all.contextCount(n, context) - own.contextCount(n, context);
                    bucket[n] = bucket(c);
                    int seen = all.count(n, context, fold[i]) - own.count(n, context, fold[i]);
                    if (c > 0) frequency[n] = (double) seen / c;
                }
                tokens.add(frequency, bucket);
            }
        }
        return tokens;
    }

    /**
     * One EM step: each left-out token was drawn from order n's relative frequency with probability
     * {@code lambda_n * prod_{m > n} (1 - lambda_m)}; the new lambda_n of a bucket is the expected number of tokens
     * drawn at order n over the expected number that reached order n. Returns the nats of the left-out tokens under
     * the weights it started from.
     */
    private double expectationMaximisationStep(LeftOutTokens tokens, double[][] lambda) {
        double[][] drawn = new double[order + 1][BUCKETS];
        double[][] reached = new double[order + 1][BUCKETS];
        double[] p = new double[order + 1];
        double nats = 0;
        for (int t = 0; t < tokens.size(); t++) {
            double[] frequency = tokens.frequencies.get(t);
            int[] bucket = tokens.buckets.get(t);
            p[0] = 1.0 / vocabularySize;
            for (int n = 1; n <= order; n++) {
                double l = lambda[n][bucket[n]];
                p[n] = l * frequency[n] + (1 - l) * p[n - 1];
            }
            nats -= Math.log(p[order]);
            double reach = 1;
            for (int n = order; n >= 1; n--) {
                int b = bucket[n];
                if (b == 0) continue; // an unseen context passes the token down untouched
                double l = lambda[n][b];
                drawn[n][b] += reach * l * frequency[n] / p[n];
                reached[n][b] += reach;
                reach *= (1 - l) * p[n - 1] / p[n];
            }
        }
        for (int n = 1; n <= order; n++) {
            for (int b = 1; b < BUCKETS; b++) {
                if (reached[n][b] <= 0) continue;
                lambda[n][b] = Math.min(MAX_WEIGHT, drawn[n][b] / reached[n][b]);
            }
        }
        return nats;
    }

    /** A bucket with too few left-out tokens takes the weight of the nearest one with enough, below, else above. */
    private static void fillSparse(double[] lambda, int[] population) {
        double[] fitted = lambda.clone();
        for (int b = 1; b < BUCKETS; b++) {
            if (population[b] >= MIN_TOKENS) continue;
            int source = nearestPopulated(population, b);
            if (source > 0) lambda[b] = fitted[source];
        }
    }

    private static int nearestPopulated(int[] population, int bucket) {
        for (int b = bucket - 1; b >= 1; b--) if (population[b] >= MIN_TOKENS) return b;
        for (int b = bucket + 1; b < BUCKETS; b++) if (population[b] >= MIN_TOKENS) return b;
        return -1;
    }

    /** Per left-out token: the relative frequency of its label after its context, and the context's bucket. */
    private static final class LeftOutTokens {
        final List<double[]> frequencies = new ArrayList<>();
        final List<int[]> buckets = new ArrayList<>();

        void add(double[] frequency, int[] bucket) {
            frequencies.add(frequency);
            buckets.add(bucket);
        }

        int size() {
            return frequencies.size();
        }
    }
}
