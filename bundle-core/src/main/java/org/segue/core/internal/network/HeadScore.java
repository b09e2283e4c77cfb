package org.segue.core.internal.network;

/**
 * Running totals for one head over scored steps: the summed negative log-likelihood of the targets (nats) and
 * how often the target was the likeliest class or among the five likeliest.
 */
public final class HeadScore {

    /** Probabilities are floored here so that a target the network gives 0 costs a large but finite amount. */
    public static final double MIN_PROBABILITY = 1e-12;

    private double nats;
    private long tokens;
    private long top1;
    private long top5;

    /** Adds one target, given the probability of every class at that step (read from {@code probabilities}). */
    void add(float[] probabilities, int offset, int stride, int classes, int target) {
        float p = probabilities[offset + target * stride];
        int higher = 0;
        for (int c = 0; c < classes && higher < 5; c++) {
            if (probabilities[offset + c * stride] > p) higher++;
        }
        nats -= Math.log(Math.max(MIN_PROBABILITY, p));
        tokens++;
        if (higher == 0) top1++;
        if (higher < 5) top5++;
    }

    public long tokens() {
        return tokens;
    }

    /** Mean cross-entropy in nats per token; NaN without tokens. */
    public double crossEntropy() {
        return tokens == 0 ? Double.NaN : nats / tokens;
    }

    public double top1() {
        return tokens == 0 ? Double.NaN : (double) top1 / tokens;
    }

    public double top5() {
        return tokens == 0 ? Double.NaN : (double) top5 / tokens;
    }
}
