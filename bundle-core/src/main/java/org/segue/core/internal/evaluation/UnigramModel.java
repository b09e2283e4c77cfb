package org.segue.core.internal.evaluation;

import java.util.List;

/** Token frequencies with add-one smoothing: {@code P(w) = (count(w) + 1) / (tokens + vocabularySize)}. */
public final class UnigramModel {

    private final double[] probabilities;

    public UnigramModel(int vocabularySize, List<int[]> sequences) {
        long[] counts = new long[vocabularySize];
        long total = 0;
        for (int[] s : sequences) {
            for (int t : s) {
                counts[t]++;
                total++;
            }
        }
        probabilities = new double[vocabularySize];
        for (int i = 0; i < vocabularySize; i++) probabilities[i] = (counts[i] + 1.0) / (total + vocabularySize);
    }

    public double probability(int token) {
        return probabilities[token];
    }

    /** Mean negative log-probability (nats) of every token but the first of each sequence, like the others. */
    public double crossEntropy(List<int[]> sequences) {
        double nats = 0;
        long tokens = 0;
        for (int[] s : sequences) {
            for (int i = 1; i < s.length; i++) {
                nats -= Math.log(probabilities[s[i]]);
                tokens++;
            }
        }
        return tokens == 0 ? Double.NaN : nats / tokens;
    }
}
