package org.segue.core.internal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class InterpolatedModelTest {

    private static final int LABELS = 8;
    private static final double NOISE = 0.1;

    /**
     * A second-order source: each token is a fixed function of the two before it, except that with probability
     * {@link #NOISE} it is drawn uniformly from the {@link #LABELS} labels instead.
     */
    private static List<int[]> secondOrder(Random random, int pieces, int length) {
        List<int[]> sequences = new ArrayList<>();
        for (int p = 0; p < pieces; p++) {
            int[] s = new int[length];
            s[0] = random.nextInt(LABELS);
            s[1] = random.nextInt(LABELS);
            for (int i = 2; i < length; i++) {
                s[i] = random.nextDouble() < NOISE ? random.nextInt(LABELS) : (3 * s[i - 2] + s[i - 1] + 1) % LABELS;
            }
            sequences.add(s);
        }
        return sequences;
    }

    private static List<int[]> uniformNoise(Random random, int labels, int pieces, int length) {
        List<int[]> sequences = new ArrayList<>();
        for (int p = 0; p < pieces; p++) sequences.add(random.ints(length, 0, labels).toArray());
        return sequences;
    }

    @Test
    void onASecondOrderSourceTheFittedTrigramComesCloseToTheSourcesEntropy() {
        Random random = new Random(11);
        List<int[]> training = secondOrder(random, 40, 500);
        List<int[]> test = secondOrder(random, 50, 500);
        // the source's entropy per token: the determined label with 1 - NOISE + NOISE / LABELS, each other label
        // with NOISE / LABELS; a unigram model can do no better than ln LABELS, since the labels are equally common
        double kept = 1 - NOISE + NOISE / LABELS;
        double other = NOISE / LABELS;
        double entropy = -kept * Math.log(kept) - (LABELS - 1) * other * Math.log(other);
        double margin = Math.log(LABELS) - entropy;
        assertThat(margin).isCloseTo(1.612, within(0.001));

        InterpolatedModel trigram = new InterpolatedModel(3, LABELS, training);
        double fitted = trigram.crossEntropy(test);
        double unigram = new UnigramModel(LABELS, training).crossEntropy(test);

        // no model beats the source's entropy by more than chance; the first predicted token of a piece (random)
        // and the weights kept below 1 cost a little
        assertThat(fitted).isBetween(entropy - 0.02, entropy + 0.04);
        assertThat(unigram - fitted).isGreaterThan(margin - 0.05);
        // contexts of two tokens seen often are to be trusted almost entirely; a bigram context tells little
        assertThat(trigram.weight(3, 300)).isGreaterThan(0.95);
        assertThat(trigram.weight(2, 2000)).isLessThan(0.2);
    }

    @Test
    void onNoiseTheFittedWeightsDistrustRareContextsAndStayAsGoodAsTheUnigram() {
        Random random = new Random(5);
        List<int[]> training = uniformNoise(random, 50, 10, 500);
        List<int[]> test = uniformNoise(random, 50, 5, 500);
        InterpolatedModel trigram = new InterpolatedModel(3, 50, training);

        assertThat(trigram.weight(3, 2)).isLessThan(0.2);
        assertThat(trigram.weight(2, 3)).isLessThan(0.2);
        assertThat(trigram.crossEntropy(test)).isLessThan(new UnigramModel(50, training).crossEntropy(test) + 0.01);
    }

    @Test
    void probabilitiesSumToOneInSeenAndUnseenContextsAndForUnseenLabels() {
        Random random = new Random(3);
        // labels 8 and 9 never occur in training
        List<int[]> training = secondOrder(random, 6, 200);
        for (int order = 1; order <= 4; order++) {
            InterpolatedModel model = new InterpolatedModel(order, 10, training);
            int[][] histories = {{0, 1, 2}, {9, 8, 7}, {3, 3, 3}, {5, 2, 9}};
            for (int[] h : histories) {
                int[] s = {h[0], h[1], h[2], 0};
                double sum = 0;
                for (int w = 0; w < 10; w++) {
                    s[3] = w;
                    double p = model.probability(s, 3);
                    assertThat(p).as("order %d, label %d", order, w).isPositive();
                    sum += p;
                }
                assertThat(sum).as("order %d after %s", order, java.util.Arrays.toString(h))
                        .isCloseTo(1.0, within(1e-9));
            }
            double second = 0;
            for (int w = 0; w < 10; w++) second += model.probability(new int[] {4, w}, 1);
            assertThat(second).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void aLonePieceIsSplitToFitItsWeights() {
        int[] only = secondOrder(new Random(8), 1, 2000).get(0);
        InterpolatedModel model = new InterpolatedModel(3, LABELS, List.of(only));
        // each half sees each two-token context about 15 times in the other half
        assertThat(model.weight(3, 15)).isGreaterThan(0.5).isGreaterThan(model.weight(2, 100));
        assertThat(model.crossEntropy(secondOrder(new Random(9), 2, 500))).isLessThan(0.75);
    }

    @Test
    void contextCountsFallInDoublingBuckets() {
        assertThat(InterpolatedModel.bucket(0)).isZero();
        assertThat(InterpolatedModel.bucket(1)).isEqualTo(1);
        assertThat(InterpolatedModel.bucket(2)).isEqualTo(2);
        assertThat(InterpolatedModel.bucket(3)).isEqualTo(2);
        assertThat(InterpolatedModel.bucket(4)).isEqualTo(3);
        assertThat(InterpolatedModel.bucket(1023)).isEqualTo(10);
        assertThat(InterpolatedModel.bucket(1_000_000)).isEqualTo(InterpolatedModel.BUCKETS - 1);
    }
}
