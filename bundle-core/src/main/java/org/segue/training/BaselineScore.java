package org.segue.training;

import java.util.Objects;

/**
 * One baseline's cross-entropy on the tokens a head was evaluated on.
 *
 * @param name the baseline's short name, as in {@link EvaluationReport#baselines()}
 * @param crossEntropy nats per predicted token
 */
public record BaselineScore(String name, double crossEntropy) {

    public BaselineScore {
        Objects.requireNonNull(name, "name");
    }

    public double perplexity() {
        return Math.exp(crossEntropy);
    }
}
