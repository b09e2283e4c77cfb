package org.segue.core.internal.evaluation;

import java.util.List;

/**
 * A baseline's guess at each token of a sequence of vocabulary indices {@code 0 .. vocabularySize - 1}: a
 * distribution over the whole vocabulary given the tokens before it, so a label never seen in training still gets
 * a probability above zero.
 */
public interface TokenModel {

    /** P(sequence[position] | sequence[0 .. position - 1]), for {@code position >= 1}. */
    double probability(int[] sequence, int position);

    /** Mean negative log-probability (nats) of every token but the first of each sequence. */
    default double crossEntropy(List<int[]> sequences) {
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
}
