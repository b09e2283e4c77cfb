package org.segue.core.internal.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A stateful run of one staff's network for one request. The network's weights are shared ({@link InferenceNetwork}
 * is immutable); the recurrent state is the session's own, so sessions on different threads never meet. A session
 * itself is confined to one thread at a time.
 *
 * <p>A session has a batch size: row {@code r} is an independent sequence (a variation). Use it as
 * {@code prime(prefix)} once (every row reads the same prefix), then {@code step(tokens)} once per generated step
 * with each row's chosen token; each call returns, per row, the distributions of the next event and duration.
 *
 * <p>A listening network (see {@code OnsetContext}) also reads, with each token, the onset context of the step it
 * predicts: the situation where the token's event ends. Where a call is given no context (null), it reads zeros,
 * which the network never saw in training; an independent network ignores contexts.
 */
public final class StaffSession {

    private final StaffModel model;
    private final InferenceNetwork network;
    private final InferenceNetwork.State[] rows;

    StaffSession(StaffModel model, InferenceNetwork network, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, not " + batchSize);
        this.model = model;
        this.network = network;
        this.rows = new InferenceNetwork.State[batchSize];
        reset();
    }

    public StaffModel model() {
        return model;
    }

    public int batchSize() {
        return rows.length;
    }

    /**
     * Forgets any earlier state and reads {@code prefix} into every row, without onset contexts.
     *
     * @param prefix at least one token (for a staff with no music yet, a rest: {@link StaffModel#restEvent()})
     * @return per row, the distributions after the prefix's last token
     */
    public List<Distributions> prime(List<Token> prefix) {
        if (prefix.isEmpty()) throw new IllegalArgumentException("priming needs at least one token");
        InferenceNetwork.State primed = stateAfter(prefix.subList(0, prefix.size() - 1), null);
        Distributions last = network.newDistributions();
        network.step(primed, checked(prefix.get(prefix.size() - 1)), null, last);
        List<Distributions> out = new ArrayList<>(rows.length);
        for (int r = 0; r < rows.length; r++) {
            rows[r] = primed.copy();
            out.add(r == 0 ? last : new Distributions(last.events().clone(), last.durations().clone()));
        }
        return out;
    }

    /**
     * Forgets any earlier state and reads {@code tokens} into every row without computing distributions: the
     * first part of a priming whose last token waits for its context (see {@link #step(int[], Token[], float[][],
     * int)}).
     */
    public void read(List<Token> tokens, float[] contexts) {
        InferenceNetwork.State read = stateAfter(tokens, contexts);
        for (int r = 0; r < rows.length; r++) rows[r] = r == rows.length - 1 ? read : read.copy();
    }

    private InferenceNetwork.State stateAfter(List<Token> tokens, float[] contexts) {
        tokens.forEach(this::checked);
        InferenceNetwork.State state = network.newState();
        network.read(state, tokens, contexts);
        return state;
    }

    /** How many numbers of onset context the network reads with each token: 0 for an independent network. */
    public int contextWidth() {
        return network.contextWidth();
    }

    /**
     * Feeds one token per row, without onset contexts, and returns, per row, the distributions of the step after
     * it.
     *
     * @param tokens exactly {@link #batchSize()} tokens, row by row
     */
    public List<Distributions> step(List<Token> tokens) {
        if (tokens.size() != rows.length) {
            throw new IllegalArgumentException("this session has " + rows.length + " rows, not " + tokens.size());
        }
        int[] all = new int[rows.length];
        for (int r = 0; r < rows.length; r++) all[r] = r;
        return List.of(step(all, tokens.toArray(Token[]::new), new float[rows.length][], rows.length));
    }

    /**
     * Feeds one token (with the onset context of the step after it, or null) to each of the rows {@code rows[0]}
     * to {@code rows[count - 1]} (distinct), reading the weights once for all of them, and returns their
     * distributions of the next step in the same order. The other rows stay where they are; each row's result is
     * the same as if it had stepped alone.
     */
    public Distributions[] step(int[] rows, Token[] tokens, float[][] contexts, int count) {
        InferenceNetwork.State[] states = new InferenceNetwork.State[count];
        Token[] checked = new Token[count];
        Distributions[] next = new Distributions[count];
        for (int k = 0; k < count; k++) {
            states[k] = this.rows[rows[k]];
            checked[k] = checked(tokens[k]);
            next[k] = network.newDistributions();
        }
        network.step(states, checked, contexts, next, count);
        return next;
    }

    /** {@link #step(List)} for a session of one row. */
    public Distributions step(Token token) {
        return step(List.of(token)).get(0);
    }

    /** Forgets the recurrent state; the next call should be {@link #prime}. */
    public void reset() {
        for (int r = 0; r < rows.length; r++) rows[r] = network.newState();
    }

    private Token checked(Token token) {
        if (token.event() >= model.vocabularies().events().size()
                || token.duration() >= model.vocabularies().durations().size()) {
            throw new IllegalArgumentException("token " + token + " is outside the " + model.staff().label()
                    + " vocabularies (" + model.vocabularies().events().size() + " events, "
                    + model.vocabularies().durations().size() + " durations)");
        }
        return token;
    }
}
