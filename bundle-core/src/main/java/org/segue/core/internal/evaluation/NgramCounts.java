package org.segue.core.internal.evaluation;

import static org.segue.core.internal.evaluation.NgramKeys.append;
import static org.segue.core.internal.evaluation.NgramKeys.key;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each token followed each context of 0 to {@code order - 1} tokens, over every predicted token (all but
 * the first of each sequence); before the start of a sequence the context holds begin markers.
 */
final class NgramCounts {

    private final int order;
    private final int begin;
    /** Per order n (index n): the count of each context of n - 1 tokens followed by a token, by packed key. */
    private final List<Map<Long, Integer>> ngrams = new ArrayList<>();
    /** Per order n: how many tokens followed each context of n - 1 tokens. */
    private final List<Map<Long, Integer>> contexts = new ArrayList<>();

    NgramCounts(int order, int begin) {
        this.order = order;
        this.begin = begin;
        for (int n = 0; n <= order; n++) {
            ngrams.add(new HashMap<>());
            contexts.add(new HashMap<>());
        }
    }

    static NgramCounts of(int order, int begin, List<int[]> sequences) {
        NgramCounts counts = new NgramCounts(order, begin);
        sequences.forEach(counts::add);
        return counts;
    }

    void add(int[] sequence) {
        for (int i = 1; i < sequence.length; i++) {
            int[] history = NgramKeys.history(sequence, i, order - 1, begin);
            for (int n = 1; n <= order; n++) {
                long context = context(history, n);
                contexts.get(n).merge(context, 1, Integer::sum);
                ngrams.get(n).merge(append(context, sequence[i]), 1, Integer::sum);
            }
        }
    }

    /** The key of the context of order {@code n}: the newest {@code n - 1} tokens of a full history. */
    static long context(int[] history, int n) {
        return key(history, history.length - (n - 1), n - 1);
    }

    int contextCount(int n, long context) {
        return contexts.get(n).getOrDefault(context, 0);
    }

    int count(int n, long context, int token) {
        return ngrams.get(n).getOrDefault(append(context, token), 0);
    }
}
