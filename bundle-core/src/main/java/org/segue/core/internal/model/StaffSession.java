package org.segue.core.internal.model;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.segue.core.internal.runtime.Nd4jRuntime;

/**
 * A stateful run of one staff's network for one request: its own copy of the network, so sessions on different
 * threads never share recurrent state (DL4J networks are not thread-safe during {@code rnnTimeStep}). A session
 * itself is confined to one thread at a time.
 *
 * <p>A session has a batch size: row {@code r} is an independent sequence (a variation). Use it as
 * {@code prime(prefix)} once (every row reads the same prefix, in one {@code rnnTimeStep} call), then
 * {@code step(tokens)} once per generated step with each row's chosen token; each call returns, per row, the
 * distributions of the next event and duration.
 */
public final class StaffSession {

    private final StaffModel model;
    private final ComputationGraph network;
    private final int batchSize;

    StaffSession(StaffModel model, ComputationGraph network, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, not " + batchSize);
        this.model = model;
        this.network = network;
        this.batchSize = batchSize;
    }

    public StaffModel model() {
        return model;
    }

    public int batchSize() {
        return batchSize;
    }

    /**
     * Forgets any earlier state and reads {@code prefix} into every row: one {@code rnnTimeStep} call over the
     * whole prefix.
     *
     * @param prefix at least one token (for a staff with no music yet, a rest: {@link StaffModel#restEvent()})
     * @return per row, the distributions after the prefix's last token
     */
    public List<Distributions> prime(List<Token> prefix) {
        if (prefix.isEmpty()) throw new IllegalArgumentException("priming needs at least one token");
        int steps = prefix.size();
        float[] events = new float[batchSize * steps];
        float[] durations = new float[batchSize * steps];
        for (int r = 0; r < batchSize; r++) {
            for (int t = 0; t < steps; t++) {
                Token token = checked(prefix.get(t));
                events[r * steps + t] = token.event();
                durations[r * steps + t] = token.duration();
            }
        }
        return Nd4jRuntime.call(() -> {
            network.rnnClearPreviousState();
            return run(events, durations, steps);
        });
    }

    /**
     * Feeds one token per row and returns, per row, the distributions of the step after it.
     *
     * @param tokens exactly {@link #batchSize()} tokens, row by row
     */
    public List<Distributions> step(List<Token> tokens) {
        if (tokens.size() != batchSize) {
            throw new IllegalArgumentException("this session has " + batchSize + " rows, not " + tokens.size());
        }
        float[] events = new float[batchSize];
        float[] durations = new float[batchSize];
        for (int r = 0; r < batchSize; r++) {
            Token token = checked(tokens.get(r));
            events[r] = token.event();
            durations[r] = token.duration();
        }
        return Nd4jRuntime.call(() -> run(events, durations, 1));
    }

    /** {@link #step(List)} for a session of one row. */
    public Distributions step(Token token) {
        return step(List.of(token)).get(0);
    }

    /** Forgets the recurrent state; the next call should be {@link #prime}. */
    public void reset() {
        Nd4jRuntime.run(() -> {
            network.rnnClearPreviousState();
            return null;
        });
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

    private List<Distributions> run(float[] events, float[] durations, int steps) {
        long[] shape = {batchSize, 1, steps};
        INDArray[] out = network.rnnTimeStep(Nd4j.create(events, shape), Nd4j.create(durations, shape));
        float[][] e = lastStep(out[0]);
        float[][] d = lastStep(out[1]);
        List<Distributions> rows = new ArrayList<>(batchSize);
        for (int r = 0; r < batchSize; r++) rows.add(new Distributions(e[r], d[r]));
        return rows;
    }

    /** Per row, the probabilities at the last step of an output shaped [batch, classes, steps]. */
    private static float[][] lastStep(INDArray output) {
        long[] shape = output.shape();
        int classes = (int) shape[1];
        int steps = (int) shape[2];
        float[] all = output.dup('c').data().asFloat();
        float[][] rows = new float[(int) shape[0]][classes];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < classes; c++) rows[r][c] = all[(r * classes + c) * steps + steps - 1];
        }
        return rows;
    }
}
