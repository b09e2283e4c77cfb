package org.segue.training;

import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One head of one staff's network (next event, or next duration) scored on the evaluated pieces, next to the
 * baselines scored on exactly the same tokens. Cross-entropies are in nats per predicted token; every token of a
 * piece but its first is predicted.
 *
 * @param tokens how many tokens were predicted
 * @param replacedTokens how many of them were not in the vocabulary and were replaced by their nearest known
 *        label (the same replacement for the network and every baseline)
 * @param vocabularySize how many labels the head chooses from
 * @param lstm the network's cross-entropy, at its calibration temperature
 * @param baselines every baseline's cross-entropy, in the report's order of baselines; at least one
 * @param top1 share of tokens that are the network's likeliest label
 * @param top5 share of tokens among the network's five likeliest labels
 * @param temperature the temperature the network's probabilities are scored at, fitted on the model's held-out
 *        pieces after training (1: a model without calibration)
 * @param uncalibratedLstm the network's cross-entropy with its probabilities as they are (temperature 1)
 * @since 3.1
 */
public record HeadEvaluation(int tokens, int replacedTokens, int vocabularySize, double lstm,
                             List<BaselineScore> baselines, double top1, double top5, double temperature,
                             double uncalibratedLstm) {

    public HeadEvaluation {
        baselines = List.copyOf(baselines);
        if (baselines.isEmpty()) {
            throw new IllegalArgumentException("a head is evaluated against at least one baseline");
        }
    }

    /** A head of a network scored without calibration. */
    public HeadEvaluation(int tokens, int replacedTokens, int vocabularySize, double lstm,
                          List<BaselineScore> baselines, double top1, double top5) {
        this(tokens, replacedTokens, vocabularySize, lstm, baselines, top1, top5, 1, lstm);
    }

    /** The baseline with the lowest cross-entropy on these tokens (the first listed among equals). */
    public BaselineScore best() {
        return baselines.stream().filter(b -> !Double.isNaN(b.crossEntropy()))
                .min(Comparator.comparingDouble(BaselineScore::crossEntropy)).orElse(baselines.get(0));
    }

    /** The baseline named {@code name}. */
    public BaselineScore baseline(String name) {
        return baselines.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no baseline " + name));
    }

    /** The network's cross-entropy over the best baseline's: below 1 where the network predicts better. */
    public double lstmOverBest() {
        return lstm / best().crossEntropy();
    }

    /** The uncalibrated network's cross-entropy over the best baseline's. */
    public double uncalibratedLstmOverBest() {
        return uncalibratedLstm / best().crossEntropy();
    }

    public double lstmPerplexity() {
        return Math.exp(lstm);
    }

    /** Whether the network predicts these tokens better than every baseline. */
    public boolean beatsEveryBaseline() {
        return lstm < best().crossEntropy();
    }
}
