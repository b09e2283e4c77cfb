package org.segue.core.internal.network;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Fits one temperature for one head: the {@code T} under which the network's probabilities, raised to {@code 1/T}
 * and renormalised, give the scored targets the lowest cross-entropy (temperature scaling, Guo et al. 2017). A
 * network that is too sure of itself gets {@code T > 1}. One parameter, so a sample of the steps does: an even
 * sample of whole steps (every k-th), their log-probabilities whole.
 */
public final class TemperatureFit {

    /** The temperatures searched, on a log scale: from a half to four. */
    static final double LOWEST = 0.5;
    static final double HIGHEST = 4.0;
    private static final double TOLERANCE = 1e-3;

    private final long steps;
    private final long values;
    private long every;
    private final List<float[]> logProbabilities = new ArrayList<>();
    private final List<Integer> targets = new ArrayList<>();
    private long seen;

    /**
     * A fit that will be offered {@code steps} steps and keeps about {@code values} probabilities of them: every
     * step while they fit, else every k-th.
     */
    public TemperatureFit(long steps, long values) {
        if (steps < 0 || values < 1) throw new IllegalArgumentException(steps + " steps, " + values + " values");
        this.steps = steps;
        this.values = values;
    }

    /** Offers one scored step: the probability of every class (read from {@code probabilities}) and its target. */
    void add(float[] probabilities, int offset, int stride, int classes, int target) {
        if (every == 0) every = Math.max(1, steps * classes / values);
        if (seen++ % every != 0) return;
        float[] logs = new float[classes];
        for (int c = 0; c < classes; c++) {
            logs[c] = (float) Math.log(Math.max(HeadScore.MIN_PROBABILITY, probabilities[offset + c * stride]));
        }
        logProbabilities.add(logs);
        targets.add(target);
    }

    /** How many steps are kept. */
    public int kept() {
        return targets.size();
    }

    /** The mean cross-entropy of the kept steps at temperature {@code t}, nats per step. */
    double crossEntropy(double t) {
        return IntStream.range(0, kept()).parallel().mapToDouble(i -> {
            float[] logs = logProbabilities.get(i);
            double max = Double.NEGATIVE_INFINITY;
            for (float l : logs) max = Math.max(max, l / t);
            double sum = 0;
            for (float l : logs) sum += Math.exp(l / t - max);
            return max + Math.log(sum) - logs[targets.get(i)] / t;
        }).sum() / kept();
    }

    /**
     * The temperature with the lowest cross-entropy, by golden-section search over {@code log T} (the
     * cross-entropy of a tempered distribution is convex in {@code 1/T}); 1 when no step was kept.
     */
    public double fit() {
        if (kept() == 0) return 1;
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = Math.log(LOWEST);
        double b = Math.log(HIGHEST);
        double c = b - phi * (b - a);
        double d = a + phi * (b - a);
        double fc = crossEntropy(Math.exp(c));
        double fd = crossEntropy(Math.exp(d));
        while (b - a > TOLERANCE) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - phi * (b - a);
                fc = crossEntropy(Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + phi * (b - a);
                fd = crossEntropy(Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }
}
