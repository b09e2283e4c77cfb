package org.segue.core.internal.model;

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
 * and the output {@code h = o tanh(c)}. Weights are kept input-major, so every product is a sum of scaled rows,
 * a loop the JIT turns into vector instructions. {@code InferenceNetworkTest} checks the outputs against DL4J's.
 */
final class InferenceNetwork {

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
        float[] x = state.input;
        events.lookup(token.event(), x, 0);
        durations.lookup(token.duration(), x, events.width);
        int width = contextWidth();
        if (width > 0) System.arraycopy(context, 0, x, events.width + durations.width, width);
        for (int l = 0; l < lstms.length; l++) {
            lstms[l].step(x, state.hidden[l], state.cell[l], state.gates[l]);
            x = state.hidden[l];
        }
        if (out == null) return;
        dense.apply(x, state.dense);
        eventHead.apply(state.dense, out.events());
        durationHead.apply(state.dense, out.durations());
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
        private final float[] weights;
        private final float[] bias;
        private final int inputs;
        private final int outputs;
        private final Activation activation;

        Dense(float[] weights, float[] bias, int inputs, int outputs, Activation activation) {
            this.weights = weights;
            this.bias = bias;
            this.inputs = inputs;
            this.outputs = outputs;
            this.activation = activation;
        }

        void apply(float[] x, float[] out) {
            System.arraycopy(bias, 0, out, 0, outputs);
            addProduct(x, inputs, weights, outputs, out);
            activate(activation, out, 0, outputs);
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
        private final float[] inputWeights;
        private final float[] recurrentWeights;
        private final float[] bias;
        private final int inputs;
        private final int size;

        Lstm(float[] inputWeights, float[] recurrentWeights, float[] bias, int inputs, int size) {
            this.inputWeights = inputWeights;
            this.recurrentWeights = recurrentWeights;
            this.bias = bias;
            this.inputs = inputs;
            this.size = size;
        }

        /** One step: reads {@code x}, updates {@code h} and {@code c}; {@code z} is scratch of 4 H. */
        void step(float[] x, float[] h, float[] c, float[] z) {
            int width = 4 * size;
            System.arraycopy(bias, 0, z, 0, width);
            addProduct(x, inputs, inputWeights, width, z);
            addProduct(h, size, recurrentWeights, width, z);
            for (int j = 0; j < size; j++) {
                float a = (float) Math.tanh(z[j]);
                float f = sigmoid(z[size + j]);
                float o = sigmoid(z[2 * size + j]);
                float i = sigmoid(z[3 * size + j]);
                c[j] = f * c[j] + i * a;
                h[j] = o * (float) Math.tanh(c[j]);
            }
        }
    }

    /** {@code out += x W} for W of {@code rows x width}, input-major: a sum of scaled rows. */
    private static void addProduct(float[] x, int rows, float[] w, int width, float[] out) {
        for (int i = 0; i < rows; i++) {
            float xi = x[i];
            if (xi == 0f) continue;
            int row = i * width;
            for (int j = 0; j < width; j++) out[j] += xi * w[row + j];
        }
    }

    private static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }

    private static void activate(Activation activation, float[] v, int from, int length) {
        int to = from + length;
        switch (activation) {
            case IDENTITY -> { }
            case RELU -> {
                for (int j = from; j < to; j++) v[j] = Math.max(0f, v[j]);
            }
            case TANH -> {
                for (int j = from; j < to; j++) v[j] = (float) Math.tanh(v[j]);
            }
            case SIGMOID -> {
                for (int j = from; j < to; j++) v[j] = sigmoid(v[j]);
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
