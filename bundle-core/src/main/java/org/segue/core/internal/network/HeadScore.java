package org.segue.core.internal.network;

/**
 * Running totals for one head over scored steps: the summed negative log-likelihood of the targets (nats) and
 * how often the target was the likeliest class or among the five likeliest. With a temperature other than 1 the
 * probabilities are raised to {@code 1/T} and renormalised first (see {@link TemperatureFit}), and the untempered
 * cross-entropy is kept beside; the ranks, and so top-1 and top-5, are the same either way.
 */
public final class HeadScore {

    /** Probabilities are floored here so that a target the network gives 0 costs a large but finite amount. */
    public static final double MIN_PROBABILITY = 1e-12;

    private final double temperature;
    private double nats;
    private double untemperedNats;
    private long tokens;
    private long top1;
    private long top5;

    /** Totals of the network's own probabilities. */
    public HeadScore() {
        this(1);
    }

    /** Totals of the network's probabilities at {@code temperature}. */
    public HeadScore(double temperature) {
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature " + temperature);
        this.temperature = temperature;
    }

    /** Adds one target, given the probability of every class at that step (read from {@code probabilities}). */
    void add(float[] probabilities, int offset, int stride, int classes, int target) {
        float p = probabilities[offset + target * stride];
        int higher = 0;
        for (int c = 0; c < classes && higher < 5; c++) {
            if (probabilities[offset + c * stride] > p) higher++;
        }
        double own = -Math.log(Math.max(MIN_PROBABILITY, p));
        untemperedNats += own;
        nats += temperature == 1 ? own : tempered(probabilities, offset, stride, classes, own);
        tokens++;
        if (higher == 0) top1++;
        if (higher < 5) top5++;
    }

    /** {@code -log} of the target's tempered probability, given its untempered {@code -log p}. */
    private double tempered(float[] probabilities, int offset, int stride, int classes, double own) {
        float highest = 0;
        for (int c = 0; c < classes; c++) highest = Math.max(highest, probabilities[offset + c * stride]);
        double max = Math.log(Math.max(MIN_PROBABILITY, highest)) / temperature;
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            double log = Math.log(Math.max(MIN_PROBABILITY, probabilities[offset + c * stride]));
            sum += Math.exp(log / temperature - max);
        }
        return own / temperature + max + Math.log(sum);
    }

    public long tokens() {
        return tokens;
    }

    public double temperature() {
        return temperature;
    }

    /** Mean cross-entropy in nats per token, at this score's temperature; NaN without tokens. */
    public double crossEntropy() {
        return tokens == 0 ? Double.NaN : nats / tokens;
    }

    /** Mean cross-entropy of the network's own (untempered) probabilities; NaN without tokens. */
    public double untemperedCrossEntropy() {
        return tokens == 0 ? Double.NaN : untemperedNats / tokens;
    }

    public double top1() {
        return tokens == 0 ? Double.NaN : (double) top1 / tokens;
    }

    public double top5() {
        return tokens == 0 ? Double.NaN : (double) top5 / tokens;
    }
}
