package org.segue.core.internal.evaluation;

/**
 * Up to four tokens packed into one {@code long}, 16 bits each, the oldest token in the highest bits. Index
 * {@code vocabularySize} stands for "before the start of the sequence", so vocabularies hold at most
 * {@value #MAX_VOCABULARY} labels.
 */
final class NgramKeys {

    static final int BITS = 16;
    static final int MAX_ORDER = 4;
    static final int MAX_VOCABULARY = (1 << BITS) - 2;

    private NgramKeys() {
    }

    static void checkVocabulary(int vocabularySize) {
        if (vocabularySize < 1 || vocabularySize > MAX_VOCABULARY) {
            throw new IllegalArgumentException("vocabulary size must be in 1.." + MAX_VOCABULARY + ", not "
                    + vocabularySize);
        }
    }

    static void checkTokens(int[] sequence, int vocabularySize) {
        for (int t : sequence) {
            if (t < 0 || t >= vocabularySize) {
                throw new IllegalArgumentException("token " + t + " outside 0.." + (vocabularySize - 1));
            }
        }
    }

    /** The {@code n} tokens from {@code from} on. */
    static long key(int[] tokens, int from, int n) {
        long k = 0;
        for (int i = 0; i < n; i++) k = (k << BITS) | tokens[from + i];
        return k;
    }

    static long append(long context, int token) {
        return (context << BITS) | token;
    }

    /** The newest {@code n} tokens of a key. */
    static long newest(long key, int n) {
        return n * BITS >= Long.SIZE ? key : key & ((1L << (n * BITS)) - 1);
    }

    /** The oldest of the {@code n} tokens of a key. */
    static int oldest(long key, int n) {
        return (int) ((key >>> ((n - 1) * BITS)) & ((1 << BITS) - 1));
    }

    /** The {@code length} tokens before {@code position}, the begin marker standing in before the start. */
    static int[] history(int[] sequence, int position, int length, int begin) {
        int[] history = new int[length];
        for (int k = 0; k < length; k++) {
            int at = position - length + k;
            history[k] = at >= 0 ? sequence[at] : begin;
        }
        return history;
    }
}
