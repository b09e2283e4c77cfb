package org.segue.core.internal.model;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import org.segue.core.internal.network.Activations;
import org.segue.training.TrainingConfig;

/**
 * A staff's trained network for generation, one step at a time, in plain Java: the weights of the DL4J graph
 * that {@code StaffNetworkFactory} builds, copied once into float arrays, and a forward pass written for a batch
 * of one. DL4J's {@code rnnTimeStep} spends most of a step on per-operation overhead (about 4 ms on two cores for
 * the shipped size); this pass does the same arithmetic in well under a millisecond, and, holding no state of its
 * own, is shared by every request: the recurrent state lives in a {@link State} per sequence.
 *
 * <p>Each LSTM layer follows DL4J's {@code LSTM} (no peepholes): with {@code z = x W + h RW + b} cut into four
 * blocks of {@code H} in DL4J's order, block input {@code a = tanh(z0)}, forget gate {@code f = sigmoid(z1)},
 * output gate {@code o = sigmoid(z2)} and input gate {@code i = sigmoid(z3)}, the cell is {@code c = f c + i a}
 * and the output {@code h = o tanh(c)}. Weights are kept input-major, one array per input, so every product is a
 * sum of scaled rows, a loop the JIT turns into vector instructions. (With the whole matrix in one array, Java 17's
 * C2 does not vectorise {@code out[j] += x * w[row + j]}: it cannot rule out that {@code out} and {@code w} are
 * the same array at different offsets, and the product ran six times slower.)
 *
 * <p>Several sequences can step together ({@link #step(State[], Token[], Distributions[], int)}): each weight row is
 * then read from memory once for all of them, which is what a step costs (the weights, 7.6 MB for the shipped
 * size, do not fit in a core's cache). Every sequence's arithmetic is the same, in the same order, whether it steps
 * alone or with others, and whether it reads a prefix at once ({@link #read}) or token by token: the results are
 * identical to the last bit. {@code InferenceNetworkTest} checks the outputs against DL4J's.
 */
final class InferenceNetwork {

    /** Whether a step of several rows is worth splitting between two threads: on a machine of two cores or more. */
    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1
            && ForkJoinPool.getCommonPoolParallelism() > 0;

    private final Embedding events;
    private final Embedding durations;
    private final Lstm[] lstms;
    private final Dense dense;
    private final Dense eventHead;
    private final Dense durationHead;

    InferenceNetwork(Embedding events, Embedding durations, Lstm[] lstms, Dense dense, Dense eventHead,
                             Dense durationHead) {
        this.events = events;
        this.durations = durations;
        this.lstms = lstms;
        this.dense = dense;
        this.eventHead = eventHead;
        this.durationHead = durationHead;
    }

    /**
     * The network from DL4J's flattened parameter vector of a graph built by {@code StaffNetworkFactory} with
     * {@code config} for vocabularies of {@code events} and {@code durations} labels, without DL4J: its layers in
     * the graph's topological order, each matrix column-major ({@code 'f'}) as DL4J keeps it, embeddings without
     * bias. {@code ModelFileTest} checks it against {@link GraphWeights} reading the graph itself.
     *
     * @throws IllegalArgumentException when {@code parameters} does not have the length these sizes need
     */
    static InferenceNetwork fromParameters(float[] parameters, TrainingConfig config, int events, int durations) {
        int h = config.hiddenSize();
        int merged = config.eventEmbeddingSize() + config.durationEmbeddingSize() + config.contextWidth();
        long expected = (long) events * config.eventEmbeddingSize()
                + (long) durations * config.durationEmbeddingSize()
                + (merged + h + 1L) * 4 * h + 2 * (2L * h + 1) * 4 * h
                + (h + 1L) * config.denseSize() + (config.denseSize() + 1L) * (events + durations);
        if (parameters.length != expected) {
            throw new IllegalArgumentException("the network has " + parameters.length + " parameters where its "
                    + "configuration and vocabularies need " + expected);
        }
        Cursor c = new Cursor(parameters);
        Embedding eventEmbedding = new Embedding(c.matrix(events, config.eventEmbeddingSize()),
                new float[config.eventEmbeddingSize()], config.eventEmbeddingSize(), Activation.IDENTITY);
        Embedding durationEmbedding = new Embedding(c.matrix(durations, config.durationEmbeddingSize()),
                new float[config.durationEmbeddingSize()], config.durationEmbeddingSize(), Activation.IDENTITY);
        Lstm[] lstms = new Lstm[3];
        for (int l = 0; l < 3; l++) {
            int in = l == 0 ? merged : h;
            lstms[l] = new Lstm(c.matrix(in, 4 * h), c.matrix(h, 4 * h), c.vector(4 * h), in, h);
        }
        Dense dense = new Dense(c.matrix(h, config.denseSize()), c.vector(config.denseSize()), h,
                config.denseSize(), Activation.RELU);
        Dense eventHead = new Dense(c.matrix(config.denseSize(), events), c.vector(events), config.denseSize(),
                events, Activation.SOFTMAX);
        Dense durationHead = new Dense(c.matrix(config.denseSize(), durations), c.vector(durations),
                config.denseSize(), durations, Activation.SOFTMAX);
        return new InferenceNetwork(eventEmbedding, durationEmbedding, lstms, dense, eventHead, durationHead);
    }

    /** Reads consecutive parameters of a flattened vector. */
    private static final class Cursor {
        private final float[] values;
        private int at;

        Cursor(float[] values) {
            this.values = values;
        }

        /** A column-major {@code rows x columns} matrix, returned row-major (input-major). */
        float[] matrix(int rows, int columns) {
            float[] m = new float[rows * columns];
            for (int j = 0; j < columns; j++) {
                for (int i = 0; i < rows; i++) m[i * columns + j] = values[at + j * rows + i];
            }
            at += rows * columns;
            return m;
        }

        float[] vector(int length) {
            float[] v = java.util.Arrays.copyOfRange(values, at, at + length);
            at += length;
            return v;
        }
    }

    /** The activations the networks use, applied here without ND4J. */
    enum Activation { IDENTITY, RELU, TANH, SIGMOID, SOFTMAX }

    int eventClasses() {
        return eventHead.outputs;
    }

    int durationClasses() {
        return durationHead.outputs;
    }

    /** A fresh recurrent state (all zeros), as after {@code rnnClearPreviousState}. */
    State newState() {
        return new State(lstms);
    }

    /** How many numbers of onset context the network reads at every step: 0 for an independent network. */
    int contextWidth() {
        return lstms[0].inputs - events.width - durations.width;
    }

    /**
     * Reads one token into {@code state}, with the onset context of the step it predicts (see
     * {@code OnsetContext}; ignored, and may be null, for an independent network). With {@code out} not null,
     * also computes the distributions of the next step into it; priming skips them for all but the last token.
     */
    void step(State state, Token token, float[] context, Distributions out) {
        step(new State[] {state}, new Token[] {token}, new float[][] {context},
                out == null ? null : new Distributions[] {out}, 1);
    }

    /**
     * Reads {@code tokens[r]}, with {@code contexts[r]}, into {@code states[r]} for the first {@code count} rows,
     * reading each weight once for all of them. With {@code out} not null, also computes each row's distributions
     * of the next step.
     *
     * <p>Where the machine has a second core, two rows or more are split in two halves, one stepped on this thread
     * and one on the common fork-join pool: each half reads the weights once (from the shared cache), and a step
     * of four rows takes little more than one of two. Each row's arithmetic is the same either way.
     */
    void step(State[] states, Token[] tokens, float[][] contexts, Distributions[] out, int count) {
        if (count < 2 || !PARALLEL) {
            stepTogether(states, tokens, contexts, out, count);
            return;
        }
        int half = count / 2;
        ForkJoinTask<?> first = ForkJoinPool.commonPool().submit(() -> stepTogether(states, tokens, contexts, out,
                half));
        stepTogether(Arrays.copyOfRange(states, half, count), Arrays.copyOfRange(tokens, half, count),
                Arrays.copyOfRange(contexts, half, count),
                out == null ? null : Arrays.copyOfRange(out, half, count), count - half);
        first.join();
    }

    private void stepTogether(State[] states, Token[] tokens, float[][] contexts, Distributions[] out, int count) {
        float[][] x = new float[count][];
        float[][] z = new float[count][];
        for (int r = 0; r < count; r++) {
            x[r] = states[r].input;
            input(tokens[r], contexts[r], x[r]);
        }
        for (int l = 0; l < lstms.length; l++) {
            float[][] h = new float[count][];
            float[][] c = new float[count][];
            for (int r = 0; r < count; r++) {
                h[r] = states[r].hidden[l];
                c[r] = states[r].cell[l];
                z[r] = states[r].gates[l];
            }
            lstms[l].step(x, h, c, z, count);
            x = h;
        }
        if (out == null) return;
        float[][] d = new float[count][];
        float[][] e = new float[count][];
        float[][] u = new float[count][];
        for (int r = 0; r < count; r++) {
            d[r] = states[r].dense;
            e[r] = out[r].events();
            u[r] = out[r].durations();
        }
        dense.apply(x, d, count);
        eventHead.apply(d, e, count);
        durationHead.apply(d, u, count);
    }

    /**
     * Reads {@code tokens} into {@code state} one after another, as as many calls of {@link #step} would (token
     * {@code t} with context {@code t} of the flat {@code contexts}, or zeros where it is null), without computing
     * distributions; but layer by layer, so that a layer's weights are read from memory once for all the tokens
     * rather than once per token.
     */
    void read(State state, java.util.List<Token> tokens, float[] contexts) {
        int steps = tokens.size();
        if (steps == 0) return;
        int width = contextWidth();
        float[][] x = new float[steps][];
        for (int t = 0; t < steps; t++) {
            x[t] = new float[lstms[0].inputs];
            float[] context = contexts == null || width == 0 ? null
                    : java.util.Arrays.copyOfRange(contexts, t * width, (t + 1) * width);
            input(tokens.get(t), context, x[t]);
        }
        for (int l = 0; l < lstms.length; l++) x = lstms[l].run(x, state.hidden[l], state.cell[l]);
    }

    /** The first layer's input: both embeddings of {@code token}, then the context (zeros where it is null). */
    private void input(Token token, float[] context, float[] x) {
        events.lookup(token.event(), x, 0);
        durations.lookup(token.duration(), x, events.width);
        int width = contextWidth();
        if (width > 0) {
            if (context != null) {
                System.arraycopy(context, 0, x, events.width + durations.width, width);
            } else {
                java.util.Arrays.fill(x, events.width + durations.width, x.length, 0f);
            }
        }
    }

    /** Empty distributions of the right sizes, to be filled by {@link #step}. */
    Distributions newDistributions() {
        return new Distributions(new float[eventHead.outputs], new float[durationHead.outputs]);
    }

    /** The recurrent state of one sequence: each LSTM layer's output and cell, and scratch space. */
    static final class State {
        private final float[] input;
        private final float[][] hidden;
        private final float[][] cell;
        private final float[][] gates;
        private final float[] dense;

        private State(Lstm[] lstms) {
            input = new float[lstms[0].inputs];
            hidden = new float[lstms.length][];
            cell = new float[lstms.length][];
            gates = new float[lstms.length][];
            for (int l = 0; l < lstms.length; l++) {
                hidden[l] = new float[lstms[l].size];
                cell[l] = new float[lstms[l].size];
                gates[l] = new float[4 * lstms[l].size];
            }
            dense = new float[lstms[lstms.length - 1].size];
        }

        private State(State other) {
            input = other.input.clone();
            hidden = deepCopy(other.hidden);
            cell = deepCopy(other.cell);
            gates = deepCopy(other.gates);
            dense = other.dense.clone();
        }

        /** A copy that goes on independently. */
        State copy() {
            return new State(this);
        }

        private static float[][] deepCopy(float[][] a) {
            float[][] c = new float[a.length][];
            for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
            return c;
        }
    }

    /** {@code out = activation(x W + b)}, W input-major. */
    static final class Dense {
        private final float[][] weights;
        private final float[] bias;
        private final int inputs;
        private final int outputs;
        private final Activation activation;

        /** @param weights {@code inputs x outputs}, row-major (input-major) */
        Dense(float[] weights, float[] bias, int inputs, int outputs, Activation activation) {
            this.weights = rows(weights, inputs, outputs);
            this.bias = bias;
            this.inputs = inputs;
            this.outputs = outputs;
            this.activation = activation;
        }

        /** Row by row, {@code out[r] = activation(x[r] W + b)} for the first {@code count} rows. */
        void apply(float[][] x, float[][] out, int count) {
            for (int r = 0; r < count; r++) System.arraycopy(bias, 0, out[r], 0, outputs);
            addProduct(x, weights, out, count);
            for (int r = 0; r < count; r++) activate(activation, out[r], 0, outputs);
        }
    }

    /** A lookup table: row {@code index} of W (plus the bias, where the layer has one). */
    static final class Embedding {
        private final float[] weights;
        private final float[] bias;
        private final int width;
        private final Activation activation;

        Embedding(float[] weights, float[] bias, int width, Activation activation) {
            this.weights = weights;
            this.bias = bias;
            this.width = width;
            this.activation = activation;
        }

        void lookup(int index, float[] out, int offset) {
            int row = index * width;
            for (int j = 0; j < width; j++) out[offset + j] = weights[row + j] + bias[j];
            activate(activation, out, offset, width);
        }
    }

    static final class Lstm {
        private final float[][] inputWeights;
        private final float[][] recurrentWeights;
        private final float[] bias;
        private final int inputs;
        private final int size;

        /** @param inputWeights {@code inputs x 4 size} and {@code recurrentWeights} {@code size x 4 size}, row-major */
        Lstm(float[] inputWeights, float[] recurrentWeights, float[] bias, int inputs, int size) {
            this.inputWeights = rows(inputWeights, inputs, 4 * size);
            this.recurrentWeights = rows(recurrentWeights, size, 4 * size);
            this.bias = bias;
            this.inputs = inputs;
            this.size = size;
        }

        /**
         * One step of the first {@code count} rows: reads {@code x[r]}, updates {@code h[r]} and {@code c[r]};
         * {@code z[r]} is scratch of 4 H.
         */
        void step(float[][] x, float[][] h, float[][] c, float[][] z, int count) {
            for (int r = 0; r < count; r++) System.arraycopy(bias, 0, z[r], 0, 4 * size);
            addProduct(x, inputWeights, z, count);
            addProduct(h, recurrentWeights, z, count);
            for (int r = 0; r < count; r++) gates(z[r], h[r], c[r]);
        }

        /**
         * The layer over a whole sequence {@code x}, from and into the state {@code h}, {@code c}: returns the
         * output of every step. The input products of all steps come first, each input weight row read once for
         * all steps; then the steps, whose recurrent weights stay in the core's cache from one step to the next.
         */
        float[][] run(float[][] x, float[] h, float[] c) {
            int steps = x.length;
            float[][] z = new float[steps][];
            for (int t = 0; t < steps; t++) z[t] = bias.clone();
            addProduct(x, inputWeights, z, steps);
            float[][] outputs = new float[steps][];
            float[][] hidden = {h};
            for (int t = 0; t < steps; t++) {
                addProduct(hidden, recurrentWeights, new float[][] {z[t]}, 1);
                gates(z[t], h, c);
                outputs[t] = h.clone();
            }
            return outputs;
        }

        /** From the pre-activations {@code z} to the new cell {@code c} and output {@code h}. */
        private void gates(float[] z, float[] h, float[] c) {
            for (int j = 0; j < size; j++) {
                float a = Activations.tanh(z[j]);
                float f = Activations.sigmoid(z[size + j]);
                float o = Activations.sigmoid(z[2 * size + j]);
                float i = Activations.sigmoid(z[3 * size + j]);
                c[j] = f * c[j] + i * a;
                h[j] = o * Activations.tanh(c[j]);
            }
        }
    }

    /**
     * {@code out[r] += x[r] W} for the first {@code count} rows, W input-major: a sum of scaled weight rows, each
     * weight row read once for all the rows. A row's sum runs in the same order whatever {@code count} is.
     */
    private static void addProduct(float[][] x, float[][] w, float[][] out, int count) {
        for (int i = 0; i < w.length; i++) {
            float[] wi = w[i];
            for (int r = 0; r < count; r++) {
                float xi = x[r][i];
                if (xi == 0f) continue;
                float[] o = out[r];
                for (int j = 0; j < wi.length; j++) o[j] += xi * wi[j];
            }
        }
    }

    /** A row-major {@code rows x columns} matrix as one array per row. */
    private static float[][] rows(float[] matrix, int rows, int columns) {
        float[][] m = new float[rows][];
        for (int i = 0; i < rows; i++) m[i] = java.util.Arrays.copyOfRange(matrix, i * columns, (i + 1) * columns);
        return m;
    }

    private static void activate(Activation activation, float[] v, int from, int length) {
        int to = from + length;
        switch (activation) {
            case IDENTITY -> { }
            case RELU -> {
                for (int j = from; j < to; j++) v[j] = Math.max(0f, v[j]);
            }
            case TANH -> {
                for (int j = from; j < to; j++) v[j] = Activations.tanh(v[j]);
            }
            case SIGMOID -> {
                for (int j = from; j < to; j++) v[j] = Activations.sigmoid(v[j]);
            }
            case SOFTMAX -> softmax(v, from, to);
        }
    }

    private static void softmax(float[] v, int from, int to) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = from; j < to; j++) max = Math.max(max, v[j]);
        double sum = 0;
        for (int j = from; j < to; j++) {
            v[j] = (float) Math.exp(v[j] - max);
            sum += v[j];
        }
        float scale = (float) (1 / sum);
        for (int j = from; j < to; j++) v[j] *= scale;
    }
}
