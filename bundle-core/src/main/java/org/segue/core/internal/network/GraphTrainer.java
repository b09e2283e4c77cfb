package org.segue.core.internal.network;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Trains a network built by {@link StaffNetworkFactory} one minibatch at a time, computing what DL4J's
 * {@code ComputationGraph.fit} computes (the same loss, gradients, element-wise clipping and Adam update, on the
 * same parameter and updater-state arrays) but shaped as PyTorch shapes it: see {@link LstmLayerPass}. DL4J's own
 * LSTM layers run each step as dozens of small native calls and were about five times slower than PyTorch on the
 * same network; the graph itself stays the model (its parameters are updated in place), so the model file, the
 * checkpoint and generation do not change. {@code GraphTrainerTest} checks the parameters after several steps
 * against DL4J's {@code fit}.
 *
 * <p>Dropout masks come from ND4J's random generator (seeded per epoch by the caller), so a seed still gives the
 * same model; they differ from the masks DL4J would draw.
 *
 * <p>Not thread-safe; one trainer per network.
 */
public final class GraphTrainer {

    private final ComputationGraph graph;
    private final INDArray parameters;
    private final INDArray gradient;
    private final GradientUpdater updater;
    private final double clip;

    private final Embedding eventEmbedding;
    private final Embedding durationEmbedding;
    private final int contextWidth; // numbers of onset context after the embeddings; 0 for an independent network
    private final LstmLayerPass[] lstms;
    private final INDArray[][] lstmGradients;
    private final double[] keepProbability; // per LSTM layer, for its input; 1 where there is no dropout
    private final Dense dense;
    private final Dense eventHead;
    private final Dense durationHead;
    private final float durationWeight;
    private float stepScale = 1;

    public GraphTrainer(ComputationGraph graph) {
        this.graph = graph;
        this.parameters = graph.params();
        this.gradient = Nd4j.create(DataType.FLOAT, parameters.shape(), 'c');
        this.eventEmbedding = new Embedding(graph.getLayer("eventEmbedding"), this);
        this.durationEmbedding = new Embedding(graph.getLayer("durationEmbedding"), this);
        long firstInputs = graph.getLayer("lstm1").paramTable().get("W").size(0);
        this.contextWidth = (int) firstInputs - eventEmbedding.width - durationEmbedding.width;
        String[] names = {"lstm1", "lstm2", "lstm3"};
        lstms = new LstmLayerPass[names.length];
        SplitRange split = new SplitRange();
        lstmGradients = new INDArray[names.length][];
        keepProbability = new double[names.length];
        for (int l = 0; l < names.length; l++) {
            Layer layer = graph.getLayer(names[l]);
            BaseLayer conf = (BaseLayer) layer.conf().getLayer();
            if (!(conf.getActivationFn() instanceof ActivationTanH)) {
                throw new IllegalStateException(names[l] + " has activation " + conf.getActivationFn()
                        + "; this trainer knows the LSTM with tanh only");
            }
            Map<String, INDArray> p = layer.paramTable();
            lstms[l] = new LstmLayerPass(p.get("W"), p.get("RW"), p.get("b"), split);
            lstmGradients[l] = new INDArray[] {gradientOf(p.get("W")), gradientOf(p.get("RW")), gradientOf(p.get("b"))};
            keepProbability[l] = keepProbability(conf.getIDropout());
        }
        this.dense = new Dense(graph.getLayer("dense"), this);
        this.eventHead = new Dense(graph.getLayer(StaffNetworkFactory.EVENT_OUTPUT), this);
        this.durationHead = new Dense(graph.getLayer(StaffNetworkFactory.DURATION_OUTPUT), this);
        if (!(dense.activation instanceof ActivationReLU) || !(eventHead.activation instanceof ActivationSoftmax)
                || !(durationHead.activation instanceof ActivationSoftmax)) {
            throw new IllegalStateException("this trainer knows a ReLU dense layer and softmax heads only");
        }
        this.durationWeight = (float) StaffNetworkFactory.DURATION_LOSS_WEIGHT;
        BaseLayer first = (BaseLayer) graph.getLayer("lstm1").conf().getLayer();
        IUpdater config = first.getIUpdater();
        if (!(config instanceof Adam)) throw new IllegalStateException("this trainer knows Adam only, not " + config);
        this.clip = first.getGradientNormalizationThreshold();
        INDArray state = graph.getUpdater().getStateViewArray();
        if (state.length() != 2 * parameters.length()) {
            throw new IllegalStateException("Adam's state has " + state.length() + " values for "
                    + parameters.length() + " parameters; expected one block of both moments");
        }
        this.updater = config.instantiate(state, false);
    }

    /**
     * Multiplies every later Adam step by {@code scale}: the same as Adam with its learning rate times
     * {@code scale}, since the step is the learning rate times a ratio of the moments.
     */
    public void scaleSteps(double scale) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("step scale must be in (0, 1], not " + scale);
        }
        this.stepScale = (float) scale;
    }

    /** The network this trainer updates. */
    public ComputationGraph network() {
        return graph;
    }

    /**
     * One training step on {@code batch}: forward, backward, clipping, Adam. Returns DL4J's score for it: the
     * loss summed over the batch's labelled steps, divided by the number of sequences.
     */
    public double fit(List<Sequence> batch) {
        double score = computeGradient(batch);
        update(batch.size());
        return score;
    }

    /**
     * Forward and backward on {@code batch}: leaves the gradient of the summed loss (not yet divided by the number
     * of sequences, as DL4J's {@code computeGradientAndScore} leaves it) in {@link #gradient()}; returns the score.
     */
    double computeGradient(List<Sequence> batch) {
        Batch data = Batch.of(batch, contextWidth);
        int rows = data.steps * data.sequences;
        // forward
        INDArray x = eventEmbedding.forward(data.eventIn, durationEmbedding, data.durationIn, rows);
        if (contextWidth > 0) x = Nd4j.hstack(x, Nd4j.create(data.context, new long[] {rows, contextWidth}, 'c'));
        INDArray[] inputs = new INDArray[lstms.length];
        INDArray[] masks = new INDArray[lstms.length];
        for (int l = 0; l < lstms.length; l++) {
            masks[l] = dropoutMask(keepProbability[l], rows, (int) x.size(1));
            inputs[l] = masks[l] == null ? x : x.mul(masks[l]);
            x = lstms[l].forward(inputs[l], data.steps, data.sequences);
        }
        INDArray top = x;
        INDArray hidden = dense.forward(top);
        INDArray events = eventHead.forward(hidden);
        INDArray durations = durationHead.forward(hidden);
        double loss = lossAndGradient(events, data.eventOut, data.mask, 1f)
                + lossAndGradient(durations, data.durationOut, data.mask, durationWeight);
        // backward: events and durations now hold the gradients of the heads' inputs
        INDArray dHidden = eventHead.backward(hidden, events);
        dHidden.addi(durationHead.backward(hidden, durations));
        INDArray dx = dense.backward(top, dHidden);
        for (int l = lstms.length - 1; l >= 0; l--) {
            INDArray[] g = lstmGradients[l];
            dx = lstms[l].backward(inputs[l], dx, g[0], g[1], g[2], true);
            if (masks[l] != null) dx.muli(masks[l]);
        }
        if (contextWidth > 0) { // the context has no weights to learn: only the embeddings' columns go back
            dx = dx.get(NDArrayIndex.all(), NDArrayIndex.interval(0, eventEmbedding.width + durationEmbedding.width))
                    .dup('c');
        }
        eventEmbedding.backward(data.eventIn, dx, 0, rows);
        durationEmbedding.backward(data.durationIn, dx, eventEmbedding.width, rows);
        return loss / data.sequences;
    }

    /** The flat gradient, laid out like the graph's parameters. */
    INDArray gradient() {
        return gradient;
    }

    /** As DL4J's updater does it: the mean over the sequences, clipped element-wise, then Adam, in place. */
    private void update(int sequences) {
        gradient.divi(sequences);
        if (clip > 0) {
            Transforms.max(gradient, -clip, false);
            Transforms.min(gradient, clip, false);
        }
        int iteration = graph.getConfiguration().getIterationCount();
        int epoch = graph.getConfiguration().getEpochCount();
        updater.applyUpdater(gradient, iteration, epoch);
        if (stepScale != 1) gradient.muli(stepScale);
        parameters.subi(gradient);
        graph.getConfiguration().setIterationCount(iteration + 1);
    }

    /**
     * Softmax over each row of {@code logits} in place, then the summed cross-entropy of the labelled rows times
     * {@code weight}; leaves {@code weight * (p - onehot)} (zero for unlabelled rows) in {@code logits}.
     */
    private static double lossAndGradient(INDArray logits, int[] labels, float[] mask, float weight) {
        Nd4j.exec(new SoftMax(logits, logits, 1));
        int classes = (int) logits.size(1);
        FloatBuffer p = LstmLayerPass.buffer(logits);
        float[] row = new float[classes];
        double loss = 0;
        for (int r = 0; r < labels.length; r++) {
            int at = r * classes;
            if (mask[r] == 0f) {
                java.util.Arrays.fill(row, 0f);
                p.put(at, row, 0, classes);
                continue;
            }
            float probability = p.get(at + labels[r]);
            loss -= weight * Math.log(Math.max(probability, 1e-30f));
            p.put(at + labels[r], probability - 1f);
        }
        if (weight != 1f) logits.muli(weight);
        return loss;
    }

    /**
     * Inverted dropout's mask: {@code 1 / keep} with probability {@code keep}, else 0. Sixteen random bits decide a
     * unit (keep is thus rounded to 1/65536): drawing a double per unit cost as much as an LSTM layer's gates.
     */
    private INDArray dropoutMask(double keep, int rows, int columns) {
        if (keep >= 1) return null;
        SplittableRandom random = new SplittableRandom(Nd4j.getRandom().nextLong());
        float[] mask = new float[rows * columns];
        float kept = (float) (1 / keep);
        int threshold = (int) Math.round(keep * 65536);
        long bits = 0;
        for (int k = 0; k < mask.length; k++) {
            if ((k & 3) == 0) bits = random.nextLong();
            mask[k] = (int) (bits & 0xFFFF) < threshold ? kept : 0f;
            bits >>>= 16;
        }
        return Nd4j.create(mask, new long[] {rows, columns}, 'c');
    }

    private static double keepProbability(IDropout dropout) {
        if (dropout == null) return 1;
        if (dropout instanceof Dropout d && d.getPSchedule() == null) return d.getP();
        throw new IllegalStateException("this trainer knows plain dropout only, not " + dropout);
    }

    /** The view of {@link #gradient} where the gradient of {@code parameter} (a view of the parameters) goes. */
    INDArray gradientOf(INDArray parameter) {
        long offset = parameter.offset() - parameters.offset();
        return Nd4j.create(gradient.data(), parameter.shape(), parameter.stride(), offset, parameter.ordering(),
                DataType.FLOAT);
    }

    static IActivation activationOf(Layer layer) {
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        if (conf instanceof BaseWrapperLayer wrapper) conf = wrapper.getUnderlying(); // TimeDistributed
        return ((BaseLayer) conf).getActivationFn();
    }

    /** A dense layer over all time steps at once: {@code activation(x W + b)}. */
    private static final class Dense {
        private final INDArray weights;
        private final INDArray bias;
        private final INDArray weightGradient;
        private final INDArray biasGradient;
        private final IActivation activation;
        private INDArray preActivation;

        Dense(Layer layer, GraphTrainer trainer) {
            Map<String, INDArray> p = layer.paramTable();
            weights = p.get("W");
            bias = p.get("b");
            weightGradient = trainer.gradientOf(weights);
            biasGradient = trainer.gradientOf(bias);
            activation = activationOf(layer);
        }

        INDArray forward(INDArray x) {
            INDArray z = LstmLayerPass.product(x, weights, false, false);
            z.addiRowVector(bias);
            if (activation instanceof ActivationSoftmax) return z; // the loss applies it
            preActivation = z.dup();
            return activation.getActivation(z, true);
        }

        /** Sets the weight gradients from {@code dz} (of the pre-activation for a head, else of the output). */
        INDArray backward(INDArray x, INDArray gradientIn) {
            INDArray dz = activation instanceof ActivationSoftmax ? gradientIn
                    : activation.backprop(preActivation, gradientIn).getFirst();
            weightGradient.assign(LstmLayerPass.product(x, dz, true, false));
            biasGradient.assign(LstmLayerPass.columnSums(dz));
            return LstmLayerPass.product(dz, weights, false, true);
        }
    }

    /**
     * An embedding of class indices, {@code activation(W[index] + b)}; the event and the duration embedding are
     * concatenated, as the graph's merge vertex does.
     */
    private static final class Embedding {
        private final INDArray weights;
        private final INDArray bias;
        private final INDArray weightGradient;
        private final INDArray biasGradient;
        private final IActivation activation;
        private final int width;
        private INDArray preActivation;

        Embedding(Layer layer, GraphTrainer trainer) {
            Map<String, INDArray> p = layer.paramTable();
            weights = p.get("W");
            bias = p.get("b");
            weightGradient = trainer.gradientOf(weights);
            biasGradient = bias == null ? null : trainer.gradientOf(bias);
            activation = activationOf(layer);
            width = (int) weights.size(1);
        }

        /** Both embeddings of every row, side by side: {@code [rows, this width + other width]}. */
        INDArray forward(int[] indices, Embedding other, int[] otherIndices, int rows) {
            int total = width + other.width;
            float[] x = new float[rows * total];
            lookup(indices, x, 0, total);
            other.lookup(otherIndices, x, width, total);
            INDArray z = Nd4j.create(x, new long[] {rows, total}, 'c');
            preActivation = z.dup();
            other.preActivation = preActivation;
            if (activation.getClass() != other.activation.getClass()) {
                throw new IllegalStateException("the two embeddings have different activations: " + activation
                        + " and " + other.activation);
            }
            return activation.getActivation(z, true);
        }

        private void lookup(int[] indices, float[] x, int offset, int total) {
            float[] w = new float[(int) weights.length()];
            LstmLayerPass.buffer(weights.dup('c')).get(0, w, 0, w.length);
            float[] b = bias == null ? new float[width] : bias.toFloatVector();
            for (int r = 0; r < indices.length; r++) {
                int row = indices[r] * width;
                int at = r * total + offset;
                for (int j = 0; j < width; j++) x[at + j] = w[row + j] + b[j];
            }
        }

        /** Adds up the input gradient's columns {@code offset ..} per index into the weight gradient. */
        void backward(int[] indices, INDArray inputGradient, int offset, int rows) {
            INDArray dz = activation.backprop(preActivation.dup(), inputGradient.dup()).getFirst();
            long total = dz.size(1);
            float[] all = new float[(int) (rows * total)];
            LstmLayerPass.buffer(dz.dup('c')).get(0, all, 0, all.length);
            int classes = (int) weights.size(0);
            float[] w = new float[classes * width];
            float[] b = new float[width];
            for (int r = 0; r < rows; r++) {
                int at = (int) (r * total) + offset;
                int to = indices[r] * width;
                for (int j = 0; j < width; j++) {
                    w[to + j] += all[at + j];
                    b[j] += all[at + j];
                }
            }
            weightGradient.assign(Nd4j.create(w, new long[] {classes, width}, 'c'));
            if (biasGradient != null) biasGradient.assign(Nd4j.create(b, new long[] {1, width}, 'c'));
        }
    }

    /**
     * A minibatch as time-major index arrays: row {@code t * sequences + b}; with {@code context} (for a listening
     * network), the onset context of each row's target, {@code contextWidth} numbers a row.
     */
    private record Batch(int steps, int sequences, int[] eventIn, int[] durationIn, int[] eventOut,
                         int[] durationOut, float[] mask, float[] context) {

        static Batch of(List<Sequence> batch, int contextWidth) {
            int n = batch.size();
            int steps = batch.stream().mapToInt(s -> s.window().length()).max().orElse(0);
            int rows = steps * n;
            int[] eventIn = new int[rows];
            int[] durationIn = new int[rows];
            int[] eventOut = new int[rows];
            int[] durationOut = new int[rows];
            float[] mask = new float[rows];
            float[] context = contextWidth > 0 ? new float[rows * contextWidth] : null;
            for (int b = 0; b < n; b++) {
                Sequence s = batch.get(b);
                int start = s.window().start();
                int[] events = s.stream().events();
                int[] durations = s.stream().durations();
                float[] onsets = s.stream().context();
                if (context != null && onsets == null) {
                    throw new IllegalArgumentException(s.stream().piece() + ": a listening network needs the "
                            + "stream's onset contexts");
                }
                for (int t = 0; t < s.window().length(); t++) {
                    int r = t * n + b;
                    eventIn[r] = events[start + t];
                    durationIn[r] = durations[start + t];
                    eventOut[r] = events[start + t + 1];
                    durationOut[r] = durations[start + t + 1];
                    mask[r] = 1f;
                    if (context != null) {
                        System.arraycopy(onsets, (start + t + 1) * contextWidth, context, r * contextWidth,
                                contextWidth);
                    }
                }
            }
            return new Batch(steps, n, eventIn, durationIn, eventOut, durationOut, mask, context);
        }
    }
}
