package org.segue.core.internal.evaluation;

import java.util.List;

/**
 * Token frequencies with add-one smoothing: {@code P(w) = (count(w) + 1) / (tokens + vocabularySize)}, so a label
 * of the vocabulary never seen in training keeps a small probability.
 */
public final class UnigramModel implements TokenModel {

    private final double[] probabilities;

    public UnigramModel(int vocabularySize, List<int[]> sequences) {
        long[] counts = new long[vocabularySize];
        long total = 0;
        for (int[] s : sequences) {
            NgramKeys.checkTokens(s, vocabularySize);
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

    @Override
    public double probability(int[] sequence, int position) {
        return probabilities[sequence[position]];
    }
}
