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
        KneserNeyModel model = new KneserNeyModel(3, 8, List.of(repeating(200, 0, 1, 2, 3), noisy));
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
        double ngram = new KneserNeyModel(3, 5, training).crossEntropy(test);
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
        KneserNeyModel model = new KneserNeyModel(4, 5, List.of(repeating(400, 0, 1, 2, 1, 3)));
        double sum = 0;
        for (int w = 0; w < 5; w++) sum += model.probability(new int[] {0, 1, 2, w}, 3);
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        assertThat(model.crossEntropy(List.of(repeating(100, 0, 1, 2, 1, 3)))).isLessThan(0.1);
    }
}
