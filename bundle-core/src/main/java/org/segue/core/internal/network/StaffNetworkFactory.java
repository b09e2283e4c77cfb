package org.segue.core.internal.network;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;
import org.segue.training.TrainingConfig;

/**
 * Builds one staff's network, the design's architecture as a DL4J computation graph:
 * <pre>
 * event index    -> embedding (eventEmbeddingSize)    \
 *                                                      merge -> LSTM -> dropout -> LSTM -> dropout -> LSTM
 * duration index -> embedding (durationEmbeddingSize) /         -> dense (ReLU) -> softmax "nextEvent"
 *                                                                               -> softmax "nextDuration"
 * </pre>
 * A listening network (see {@link TrainingConfig#listening()}) has a third input, {@code context}, of
 * {@link TrainingConfig#contextWidth()} numbers per step shaped {@code [batch, width, steps]}, merged after the two
 * embeddings. Inputs and labels are class indices shaped {@code [batch, 1, steps]}; both heads use sparse categorical
 * cross-entropy, and the graph's loss is their sum. Dropout is set on the second and third LSTM layers, where DL4J
 * applies it to the layer's input, that is to the output of the layer before; DL4J wants the keep probability, so
 * it gets {@link TrainingConfig#keepProbability()}. The dense layer is wrapped in {@link TimeDistributed}: a plain
 * dense layer breaks {@code rnnTimeStep} at batch size 1. Gradients are clipped element-wise at
 * {@value #GRADIENT_CLIP} (exploding gradients are the usual LSTM failure on long sequences).
 */
public final class StaffNetworkFactory {

    public static final String EVENT_INPUT = "event";
    public static final String DURATION_INPUT = "duration";
    /** A listening network's third input: {@link TrainingConfig#contextWidth()} numbers per step. */
    public static final String CONTEXT_INPUT = "context";
    public static final String EVENT_OUTPUT = "nextEvent";
    public static final String DURATION_OUTPUT = "nextDuration";
    public static final double GRADIENT_CLIP = 1.0;
    /**
     * How much more the duration head's loss counts than the event head's in training. Rhythm is the simpler
     * task but the one the baselines are good at: with equal weights the shared layers served the events and the
     * durations on held-out pieces stayed at the level of a bigram model.
     */
    public static final double DURATION_LOSS_WEIGHT = 3;

    private StaffNetworkFactory() {
    }

    /** A new, initialised network for vocabularies of {@code events} and {@code durations} labels. */
    public static ComputationGraph build(TrainingConfig config, int events, int durations) {
        ComputationGraph graph = new ComputationGraph(configuration(config, events, durations));
        graph.init();
        return graph;
    }

    static ComputationGraphConfiguration configuration(TrainingConfig c, int events, int durations) {
        int h = c.hiddenSize();
        int merged = c.eventEmbeddingSize() + c.durationEmbeddingSize() + c.contextWidth();
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(c.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(c.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                .gradientNormalizationThreshold(GRADIENT_CLIP)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder();
        if (c.listening()) {
            graph.addInputs(EVENT_INPUT, DURATION_INPUT, CONTEXT_INPUT);
        } else {
            graph.addInputs(EVENT_INPUT, DURATION_INPUT);
        }
        graph.addLayer("eventEmbedding", new EmbeddingSequenceLayer.Builder()
                        .nIn(events).nOut(c.eventEmbeddingSize()).build(), EVENT_INPUT)
                .addLayer("durationEmbedding", new EmbeddingSequenceLayer.Builder()
                        .nIn(durations).nOut(c.durationEmbeddingSize()).build(), DURATION_INPUT);
        if (c.listening()) {
            graph.addVertex("input", new MergeVertex(), "eventEmbedding", "durationEmbedding", CONTEXT_INPUT);
        } else {
            graph.addVertex("input", new MergeVertex(), "eventEmbedding", "durationEmbedding");
        }
        return graph.addLayer("lstm1", lstm(merged, h, null), "input")
                .addLayer("lstm2", lstm(h, h, dropout(c)), "lstm1")
                .addLayer("lstm3", lstm(h, h, dropout(c)), "lstm2")
                .addLayer("dense", new TimeDistributed(new DenseLayer.Builder().nIn(h).nOut(c.denseSize())
                        .activation(Activation.RELU).build(), RNNFormat.NCW), "lstm3")
                .addLayer(EVENT_OUTPUT, head(c.denseSize(), events, 1), "dense")
                .addLayer(DURATION_OUTPUT, head(c.denseSize(), durations, DURATION_LOSS_WEIGHT), "dense")
                .setOutputs(EVENT_OUTPUT, DURATION_OUTPUT)
                .build();
    }

    /** A new instance per layer: DL4J's dropout objects keep their layer's mask, so they must not be shared. */
    private static Dropout dropout(TrainingConfig c) {
        return c.dropout() > 0 ? new Dropout(c.keepProbability()) : null;
    }

    private static LSTM lstm(int in, int out, Dropout dropoutOnInput) {
        LSTM.Builder b = new LSTM.Builder().nIn(in).nOut(out).activation(Activation.TANH)
                .dataFormat(RNNFormat.NCW);
        if (dropoutOnInput != null) b.dropOut(dropoutOnInput);
        return b.build();
    }

    /** A softmax head whose loss is {@code weight} times the sparse categorical cross-entropy. */
    private static RnnOutputLayer head(int in, int classes, double weight) {
        ILossFunction loss = weight == 1 ? LossFunction.SPARSE_MCXENT.getILossFunction()
                : new LossSparseMCXENT(Nd4j.valueArrayOf(new long[] {1, classes}, weight, DataType.FLOAT));
        return new RnnOutputLayer.Builder(loss).nIn(in).nOut(classes)
                .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build();
    }
}
