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
     * Forgets any earlier state and reads {@code prefix} into every row.
     *
     * @param prefix at least one token (for a staff with no music yet, a rest: {@link StaffModel#restEvent()})
     * @return per row, the distributions after the prefix's last token
     */
    public List<Distributions> prime(List<Token> prefix) {
        if (prefix.isEmpty()) throw new IllegalArgumentException("priming needs at least one token");
        prefix.forEach(this::checked);
        InferenceNetwork.State primed = network.newState();
        Distributions last = network.newDistributions();
        network.prime(primed, prefix, last);
        List<Distributions> out = new ArrayList<>(rows.length);
        for (int r = 0; r < rows.length; r++) {
            rows[r] = primed.copy();
            out.add(r == 0 ? last : new Distributions(last.events().clone(), last.durations().clone()));
        }
        return out;
    }

    /**
     * Feeds one token per row and returns, per row, the distributions of the step after it.
     *
     * @param tokens exactly {@link #batchSize()} tokens, row by row
     */
    public List<Distributions> step(List<Token> tokens) {
        if (tokens.size() != rows.length) {
            throw new IllegalArgumentException("this session has " + rows.length + " rows, not " + tokens.size());
        }
        Token[] checked = new Token[rows.length];
        Distributions[] next = new Distributions[rows.length];
        for (int r = 0; r < rows.length; r++) {
            checked[r] = checked(tokens.get(r));
            next[r] = network.newDistributions();
        }
        network.step(rows, checked, next, rows.length);
        return List.of(next);
    }

    /**
     * Feeds one token to each of the rows {@code rows[0]} to {@code rows[count - 1]} (distinct), reading the
     * weights once for all of them, and returns their distributions of the next step in the same order. The other
     * rows stay where they are; each row's result is the same as if it had stepped alone.
     */
    public Distributions[] step(int[] rows, Token[] tokens, int count) {
        InferenceNetwork.State[] states = new InferenceNetwork.State[count];
        Token[] checked = new Token[count];
        Distributions[] next = new Distributions[count];
        for (int k = 0; k < count; k++) {
            states[k] = this.rows[rows[k]];
            checked[k] = checked(tokens[k]);
            next[k] = network.newDistributions();
        }
        network.step(states, checked, next, count);
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
