package org.segue.core.internal.model;

import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.segue.core.internal.network.StaffNetworkFactory;
import org.segue.core.internal.runtime.Nd4jRuntime;

/**
 * A staff's trained network for generation, one step at a time, in plain Java: the weights of the DL4J graph
 * that {@link StaffNetworkFactory} builds, copied once into float arrays, and a forward pass written for a batch
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

    private InferenceNetwork(Embedding events, Embedding durations, Lstm[] lstms, Dense dense, Dense eventHead,
                             Dense durationHead) {
        this.events = events;
        this.durations = durations;
        this.lstms = lstms;
        this.dense = dense;
        this.eventHead = eventHead;
        this.durationHead = durationHead;
    }

    /** Copies the weights of {@code graph}, a network built by {@link StaffNetworkFactory}. */
    static InferenceNetwork of(ComputationGraph graph) {
        return Nd4jRuntime.call(() -> new InferenceNetwork(
                Embedding.of(graph.getLayer("eventEmbedding")),
                Embedding.of(graph.getLayer("durationEmbedding")),
                new Lstm[] {Lstm.of(graph.getLayer("lstm1")), Lstm.of(graph.getLayer("lstm2")),
                        Lstm.of(graph.getLayer("lstm3"))},
                Dense.of(graph.getLayer("dense")),
                Dense.of(graph.getLayer(StaffNetworkFactory.EVENT_OUTPUT)),
                Dense.of(graph.getLayer(StaffNetworkFactory.DURATION_OUTPUT))));
    }

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

    /**
     * Reads one token into {@code state}. With {@code out} not null, also computes the distributions of the next
     * step into it; priming skips them for all but the last token.
     */
    void step(State state, Token token, Distributions out) {
        float[] x = state.input;
        events.lookup(token.event(), x, 0);
        durations.lookup(token.duration(), x, events.width);
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
    private static final class Dense {
        private final float[] weights;
        private final float[] bias;
        private final int inputs;
        private final int outputs;
        private final IActivation activation;

        private Dense(float[] weights, float[] bias, int inputs, int outputs, IActivation activation) {
            this.weights = weights;
            this.bias = bias;
            this.inputs = inputs;
            this.outputs = outputs;
            this.activation = supported(activation);
        }

        static Dense of(Layer layer) {
            Map<String, INDArray> p = layer.paramTable();
            float[][] w = p.get("W").toFloatMatrix();
            return new Dense(flatten(w), p.get("b").toFloatVector(), w.length, w[0].length, activationOf(layer));
        }

        void apply(float[] x, float[] out) {
            System.arraycopy(bias, 0, out, 0, outputs);
            addProduct(x, inputs, weights, outputs, out);
            activate(activation, out, 0, outputs);
        }
    }

    /** A lookup table: row {@code index} of W (plus the bias, where the layer has one). */
    private static final class Embedding {
        private final float[] weights;
        private final float[] bias;
        private final int width;
        private final IActivation activation;

        private Embedding(float[] weights, float[] bias, int width, IActivation activation) {
            this.weights = weights;
            this.bias = bias;
            this.width = width;
            this.activation = supported(activation);
        }

        static Embedding of(Layer layer) {
            Map<String, INDArray> p = layer.paramTable();
            float[][] w = p.get("W").toFloatMatrix();
            float[] b = p.containsKey("b") ? p.get("b").toFloatVector() : new float[w[0].length];
            return new Embedding(flatten(w), b, w[0].length, activationOf(layer));
        }

        void lookup(int index, float[] out, int offset) {
            int row = index * width;
            for (int j = 0; j < width; j++) out[offset + j] = weights[row + j] + bias[j];
            activate(activation, out, offset, width);
        }
    }

    private static final class Lstm {
        private final float[] inputWeights;
        private final float[] recurrentWeights;
        private final float[] bias;
        private final int inputs;
        private final int size;

        private Lstm(float[] inputWeights, float[] recurrentWeights, float[] bias, int inputs, int size) {
            this.inputWeights = inputWeights;
            this.recurrentWeights = recurrentWeights;
            this.bias = bias;
            this.inputs = inputs;
            this.size = size;
        }

        static Lstm of(Layer layer) {
            BaseLayer conf = (BaseLayer) layer.conf().getLayer();
            if (!(conf.getActivationFn() instanceof ActivationTanH)) {
                throw new IllegalStateException("LSTM layer " + layer.conf().getLayer().getLayerName()
                        + " has activation " + conf.getActivationFn() + "; the inference pass knows tanh only");
            }
            Map<String, INDArray> p = layer.paramTable();
            float[][] w = p.get("W").toFloatMatrix();
            float[][] rw = p.get("RW").toFloatMatrix();
            return new Lstm(flatten(w), flatten(rw), p.get("b").toFloatVector(), w.length, rw.length);
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

    private static void activate(IActivation activation, float[] v, int from, int length) {
        if (activation instanceof ActivationIdentity) return;
        int to = from + length;
        if (activation instanceof ActivationReLU) {
            for (int j = from; j < to; j++) v[j] = Math.max(0f, v[j]);
        } else if (activation instanceof ActivationTanH) {
            for (int j = from; j < to; j++) v[j] = (float) Math.tanh(v[j]);
        } else if (activation instanceof ActivationSigmoid) {
            for (int j = from; j < to; j++) v[j] = sigmoid(v[j]);
        } else {
            softmax(v, from, to);
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

    private static IActivation activationOf(Layer layer) {
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        if (conf instanceof BaseWrapperLayer wrapper) conf = wrapper.getUnderlying(); // TimeDistributed
        return ((BaseLayer) conf).getActivationFn();
    }

    private static IActivation supported(IActivation a) {
        if (a instanceof ActivationIdentity || a instanceof ActivationReLU || a instanceof ActivationTanH
                || a instanceof ActivationSigmoid || a instanceof ActivationSoftmax) {
            return a;
        }
        throw new IllegalStateException("activation " + a + " is not supported by the inference pass");
    }

    private static float[] flatten(float[][] m) {
        int width = m[0].length;
        float[] flat = new float[m.length * width];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, flat, i * width, width);
        return flat;
    }
}
