package org.segue.core.internal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class KneserNeyModelTest {

    private static int[] repeating(int length, int... pattern) {
        int[] s = new int[length];
        for (int i = 0; i < length; i++) s[i] = pattern[i % pattern.length];
        return s;
    }

    @Test
    void probabilitiesSumToOneInSeenAndUnseenContexts() {
        Random r = new Random(3);
        int[] noisy = new int[300];
        for (int i = 0; i < noisy.length; i++) noisy[i] = r.nextInt(6);
        KneserNeyModel model = new KneserNeyModel(3, 8, KneserNeyModel.Discounting.SINGLE,
                List.of(repeating(200, 0, 1, 2, 3), noisy));
        int[][] contexts = {{0, 1, 0}, {1, 2, 0}, {7, 7, 0}, {6, 0, 0}, {5, 3, 0}};
        for (int[] c : contexts) {
            double sum = 0;
            for (int w = 0; w < 8; w++) {
                c[2] = w;
                sum += model.probability(c, 2);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-9));
        }
        double first = 0;
        for (int w = 0; w < 8; w++) first += model.probability(new int[] {3, w}, 1);
        assertThat(first).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aRepeatingPatternCostsFarLessThanUnderUnigrams() {
        List<int[]> training = List.of(repeating(400, 0, 1, 2, 1, 3));
        List<int[]> test = List.of(repeating(100, 0, 1, 2, 1, 3));
        double ngram = new KneserNeyModel(3, 5, KneserNeyModel.Discounting.SINGLE, training).crossEntropy(test);
        double unigram = new UnigramModel(5, training).crossEntropy(test);
        assertThat(ngram).isLessThan(0.1);
        assertThat(unigram).isGreaterThan(1.3);
    }

    @Test
    void unigramsAreAddOneSmoothed() {
        UnigramModel model = new UnigramModel(4, List.of(new int[] {0, 0, 1}));
        assertThat(model.probability(0)).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(model.probability(3)).isCloseTo(1.0 / 7, within(1e-12));
    }

    @Test
    void higherOrdersWorkToo() {
        KneserNeyModel model = new KneserNeyModel(4, 5, KneserNeyModel.Discounting.SINGLE,
                List.of(repeating(400, 0, 1, 2, 1, 3)));
        double sum = 0;
        for (int w = 0; w < 5; w++) sum += model.probability(new int[] {0, 1, 2, w}, 3);
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        assertThat(model.crossEntropy(List.of(repeating(100, 0, 1, 2, 1, 3)))).isLessThan(0.1);
    }

    /**
     * Two-token pieces give the bigram counts directly: four bigrams seen once ((0,1) (1,2) (2,3) (3,0)), two seen
     * twice ((0,2) (1,3)), one three times ((2,0)) and one four times ((3,1)): n1 = 4, n2 = 2, n3 = 1, n4 = 1, so
     * Y = 4 / (4 + 2 * 2) = 0.5, D1 = 1 - 2 * 0.5 * 2/4 = 0.5, D2 = 2 - 3 * 0.5 * 1/2 = 1.25 and
     * D3+ = 3 - 4 * 0.5 * 1/1 = 1.0. Every label has two distinct left neighbours, so the unigram level has no count
     * of one and falls back to the single discount n1 / (n1 + 2 n2) = 0, kept at 0.1.
     */
    @Test
    void modifiedDiscountsMatchAHandComputation() {
        List<int[]> pairs = new java.util.ArrayList<>();
        int[][] once = {{0, 1}, {1, 2}, {2, 3}, {3, 0}};
        for (int[] p : once) pairs.add(p);
        for (int i = 0; i < 2; i++) {
            pairs.add(new int[] {0, 2});
            pairs.add(new int[] {1, 3});
        }
        for (int i = 0; i < 3; i++) pairs.add(new int[] {2, 0});
        for (int i = 0; i < 4; i++) pairs.add(new int[] {3, 1});
        KneserNeyModel model = new KneserNeyModel(2, 5, KneserNeyModel.Discounting.MODIFIED, pairs);

        assertThat(model.discounts(2)).containsExactly(new double[] {0.5, 1.25, 1.0}, within(1e-12));
        assertThat(model.discounts(1)).containsExactly(new double[] {0.1, 0.1, 0.1}, within(1e-12));
        // unigram level: (2 - 0.1 + 0.1 * 4 / 5) / 8 for labels 0..3, (0.1 * 4 / 5) / 8 for label 4
        // after 3: (3,0) seen once and (3,1) four times, so c = 5, N1 = 1, N3+ = 1, gamma = (0.5 + 1.0) / 5 = 0.3
        assertThat(model.probability(new int[] {3, 1}, 1)).isCloseTo((4 - 1.0) / 5 + 0.3 * 0.2475, within(1e-12));
        assertThat(model.probability(new int[] {3, 0}, 1)).isCloseTo((1 - 0.5) / 5 + 0.3 * 0.2475, within(1e-12));
        assertThat(model.probability(new int[] {3, 2}, 1)).isCloseTo(0.3 * 0.2475, within(1e-12));
        assertThat(model.probability(new int[] {3, 4}, 1)).isCloseTo(0.3 * 0.01, within(1e-12));
        // a context never seen (4) passes everything down to the unigram level
        assertThat(model.probability(new int[] {4, 0}, 1)).isCloseTo(0.2475, within(1e-12));
    }

    @Test
    void modifiedKneserNeySumsToOneAndBeatsTheUnigramOnAStructuredSource() {
        Random r = new Random(17);
        List<int[]> pieces = new java.util.ArrayList<>();
        for (int p = 0; p < 33; p++) {
            int[] s = new int[300];
            for (int i = 0; i < s.length; i++) {
                s[i] = i < 2 || r.nextDouble() < 0.2 ? r.nextInt(12) : (s[i - 1] * 5 + s[i - 2] + 2) % 12;
            }
            pieces.add(s);
        }
        List<int[]> training = pieces.subList(0, 30);
        List<int[]> test = pieces.subList(30, 33);
        for (int order = 2; order <= 4; order++) {
            KneserNeyModel model = new KneserNeyModel(order, 14, KneserNeyModel.Discounting.MODIFIED, training);
            for (double d : model.discounts(order)) assertThat(d).isBetween(0.1, 3.0);
            int[][] histories = {{0, 1, 2}, {13, 12, 13}, {5, 5, 5}, {11, 3, 13}};
            for (int[] h : histories) {
                int[] s = {h[0], h[1], h[2], 0};
                double sum = 0;
                for (int w = 0; w < 14; w++) {
                    s[3] = w;
                    sum += model.probability(s, 3);
                }
                assertThat(sum).as("order %d after %s", order, java.util.Arrays.toString(h))
                        .isCloseTo(1.0, within(1e-9));
            }
            double second = 0;
            for (int w = 0; w < 14; w++) second += model.probability(new int[] {13, w}, 1);
            assertThat(second).isCloseTo(1.0, within(1e-9));
        }
        KneserNeyModel trigram = new KneserNeyModel(3, 14, KneserNeyModel.Discounting.MODIFIED, training);
        assertThat(trigram.crossEntropy(test)).isLessThan(new UnigramModel(14, training).crossEntropy(test) - 1.0);
    }

    /**
     * Pieces that each repeat a motif of their own, with a few wrong notes: within the corpus an n-gram recurs
     * often, so counts of counts promise more than a new piece keeps. Discounts fitted to left-out pieces must do
     * better on new pieces, and still sum to 1.
     */
    @Test
    void crossValidatedDiscountsPredictNewPiecesBetterWhenPiecesRepeatThemselves() {
        Random r = new Random(23);
        List<int[]> pieces = new java.util.ArrayList<>();
        for (int p = 0; p < 50; p++) {
            int[] motif = r.ints(6, 0, 40).toArray();
            int[] s = new int[240];
            for (int i = 0; i < s.length; i++) s[i] = r.nextDouble() < 0.1 ? r.nextInt(40) : motif[i % motif.length];
            pieces.add(s);
        }
        List<int[]> training = pieces.subList(0, 40);
        List<int[]> test = pieces.subList(40, 50);
        KneserNeyModel counted = new KneserNeyModel(3, 40, KneserNeyModel.Discounting.MODIFIED, training);
        KneserNeyModel fitted = new KneserNeyModel(3, 40, KneserNeyModel.Discounting.CROSS_VALIDATED, training);

        assertThat(fitted.crossEntropy(test)).isLessThan(counted.crossEntropy(test) - 0.05);
        assertThat(fitted.discounts(3)[0]).isGreaterThan(counted.discounts(3)[0]);
        for (int n = 1; n <= 3; n++) {
            double[] d = fitted.discounts(n);
            for (int k = 0; k < 3; k++) assertThat(d[k]).isBetween(DiscountFitter.MIN_DISCOUNT, k + 1.0);
        }
        for (int[] h : new int[][] {{1, 2}, {39, 39}, {pieces.get(3)[0], pieces.get(3)[1]}}) {
            double sum = 0;
            for (int w = 0; w < 40; w++) sum += fitted.probability(new int[] {h[0], h[1], w}, 2);
            assertThat(sum).isCloseTo(1.0, within(1e-9));
        }
    }
}
