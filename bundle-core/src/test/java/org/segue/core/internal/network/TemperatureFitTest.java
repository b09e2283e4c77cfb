package org.segue.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Temperature scaling on a known source: targets drawn from {@code softmax(z)} at every step, predicted by a
 * network whose probabilities are {@code softmax(s z)}: too sure of itself for {@code s > 1}. Raised to {@code 1/T}
 * they are {@code softmax(s z / T)}, so the fit must find {@code T = s}.
 */
class TemperatureFitTest {

    private static final int CLASSES = 12;
    private static final int STEPS = 6000;

    /** One step of a source: its logits, the network's probabilities at sharpness {@code s}, a drawn target. */
    private record Step(float[] predicted, double[] truth, int target) {

        static Step draw(Random random, double sharpness) {
            double[] logits = new double[CLASSES];
            for (int c = 0; c < CLASSES; c++) logits[c] = 2 * random.nextGaussian();
            double[] truth = softmax(logits, 1);
            double[] predicted = softmax(logits, sharpness);
            float[] p = new float[CLASSES];
            for (int c = 0; c < CLASSES; c++) p[c] = (float) predicted[c];
            double u = random.nextDouble();
            int target = 0;
            for (double sum = truth[0]; sum < u && target < CLASSES - 1; sum += truth[++target]) {
                // walks the cumulative distribution to the drawn class
            }
            return new Step(p, truth, target);
        }

        private static double[] softmax(double[] logits, double sharpness) {
            double max = Double.NEGATIVE_INFINITY;
            for (double l : logits) max = Math.max(max, l * sharpness);
            double[] p = new double[logits.length];
            double sum = 0;
            for (int c = 0; c < logits.length; c++) sum += p[c] = Math.exp(logits[c] * sharpness - max);
            for (int c = 0; c < logits.length; c++) p[c] /= sum;
            return p;
        }
    }

    private static TemperatureFit fitOf(double sharpness, long values) {
        Random random = new Random(17);
        TemperatureFit fit = new TemperatureFit(STEPS, values);
        for (int i = 0; i < STEPS; i++) {
            Step step = Step.draw(random, sharpness);
            fit.add(step.predicted(), 0, 1, CLASSES, step.target());
        }
        return fit;
    }

    @Test
    void anOverconfidentNetworkGetsTheTemperatureThatUndoesIt() {
        assertThat(fitOf(1.6, Long.MAX_VALUE).fit()).isCloseTo(1.6, within(0.08));
        assertThat(fitOf(2.0, Long.MAX_VALUE).fit()).isCloseTo(2.0, within(0.1));
    }

    @Test
    void anUnderconfidentNetworkIsSharpenedAndACalibratedOneLeftAlone() {
        assertThat(fitOf(0.5, Long.MAX_VALUE).fit()).isCloseTo(0.5, within(0.03));
        assertThat(fitOf(1.0, Long.MAX_VALUE).fit()).isCloseTo(1.0, within(0.05));
    }

    @Test
    void theFittedTemperatureScoresBetterThanTheNetworkAsItIs() {
        TemperatureFit fit = fitOf(2.0, Long.MAX_VALUE);
        double t = fit.fit();
        assertThat(fit.crossEntropy(t)).isLessThan(fit.crossEntropy(1) - 0.05);
        assertThat(fit.crossEntropy(t)).isLessThanOrEqualTo(fit.crossEntropy(t * 1.1))
                .isLessThanOrEqualTo(fit.crossEntropy(t / 1.1));
    }

    @Test
    void aBudgetKeepsAnEvenSampleOfWholeSteps() {
        // 6000 steps of 12 classes in 12,000 values: every 6th step
        TemperatureFit sampled = fitOf(2.0, 12_000);
        assertThat(sampled.kept()).isEqualTo(1000);
        assertThat(sampled.fit()).isCloseTo(2.0, within(0.2));
        assertThat(new TemperatureFit(0, 10).fit()).as("nothing to fit on").isEqualTo(1.0);
    }

    @Test
    void aHeadScoreAtATemperatureScoresTheRenormalisedPowersAndKeepsTheRanks() {
        Random random = new Random(3);
        HeadScore tempered = new HeadScore(1.5);
        HeadScore plain = new HeadScore();
        double expected = 0;
        for (int i = 0; i < 200; i++) {
            Step step = Step.draw(random, 2.0);
            tempered.add(step.predicted(), 0, 1, CLASSES, step.target());
            plain.add(step.predicted(), 0, 1, CLASSES, step.target());
            double z = 0;
            for (float p : step.predicted()) z += Math.pow(p, 1 / 1.5);
            expected -= Math.log(Math.pow(step.predicted()[step.target()], 1 / 1.5) / z);
        }
        assertThat(tempered.crossEntropy()).isCloseTo(expected / 200, within(1e-9));
        assertThat(tempered.untemperedCrossEntropy()).isEqualTo(plain.crossEntropy())
                .isEqualTo(plain.untemperedCrossEntropy());
        assertThat(tempered.top1()).isEqualTo(plain.top1());
        assertThat(tempered.top5()).isEqualTo(plain.top5());
        assertThat(tempered.crossEntropy()).isLessThan(plain.crossEntropy());
    }
}
