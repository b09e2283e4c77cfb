package org.segue.training;

/**
 * One head of one staff's network (next event, or next duration) scored on the evaluated pieces, next to two
 * baselines scored on exactly the same tokens. Cross-entropies are in nats per predicted token; every token of a
 * piece but its first is predicted.
 *
 * @param tokens how many tokens were predicted
 * @param replacedTokens how many of them were not in the vocabulary and were replaced by their nearest known
 *        label (the same replacement for all three models)
 * @param vocabularySize how many labels the head chooses from
 * @param lstm the network's cross-entropy
 * @param ngram an interpolated Kneser–Ney n-gram model's cross-entropy, fitted on the training pieces' tokens
 * @param unigram the cross-entropy of the training pieces' label frequencies (add-one smoothed)
 * @param top1 share of tokens that are the network's likeliest label
 * @param top5 share of tokens among the network's five likeliest labels
 */
public record HeadEvaluation(int tokens, int replacedTokens, int vocabularySize, double lstm, double ngram,
                             double unigram, double top1, double top5) {

    public double lstmPerplexity() {
        return Math.exp(lstm);
    }

    public double ngramPerplexity() {
        return Math.exp(ngram);
    }

    public double unigramPerplexity() {
        return Math.exp(unigram);
    }

    /** Whether the network predicts these tokens better than the n-gram baseline. */
    public boolean beatsNgram() {
        return lstm < ngram;
    }
}
