package org.segue.core.internal.network;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.preprocess.SequenceWindows;

/**
 * Scores a network on whole streams: every step of every stream (every token but the first) once, with the
 * windows of {@link SequenceWindows}, so a step is predicted from at least {@code length - stride} steps of
 * context once the stream is that long. Used for the validation loss and for evaluation.
 */
public final class SequenceScorer {

    /** Totals for both heads. */
    public record Scores(HeadScore events, HeadScore durations) {
        /** The two heads' mean cross-entropies added: the validation loss. */
        public double loss() {
            return events.crossEntropy() + durations.crossEntropy();
        }
    }

    private static final int BATCH = 32;

    private SequenceScorer() {
    }

    /** Scores {@code network} in inference mode (no dropout); call inside {@code Nd4jRuntime.call}. */
    public static Scores score(ComputationGraph network, List<EncodedStream> streams, int length, int stride) {
        List<Sequence> sequences = new ArrayList<>();
        for (EncodedStream s : streams) {
            for (SequenceWindows.Window w : SequenceWindows.of(s.size(), length, stride)) {
                sequences.add(new Sequence(s, w));
            }
        }
        Scores scores = new Scores(new HeadScore(), new HeadScore());
        for (int from = 0; from < sequences.size(); from += BATCH) {
            List<Sequence> batch = sequences.subList(from, Math.min(sequences.size(), from + BATCH));
            MultiDataSet data = SequenceBatch.of(batch);
            network.rnnClearPreviousState();
            INDArray[] out = network.output(false, data.getFeatures(), data.getFeaturesMaskArrays(),
                    data.getLabelsMaskArrays());
            add(scores.events(), out[0], batch, true);
            add(scores.durations(), out[1], batch, false);
        }
        return scores;
    }

    private static void add(HeadScore score, INDArray probabilities, List<Sequence> batch, boolean events) {
        long[] shape = probabilities.shape(); // [batch, classes, steps]
        int classes = (int) shape[1];
        int steps = (int) shape[2];
        float[] p = probabilities.dup('c').data().asFloat();
        for (int i = 0; i < batch.size(); i++) {
            Sequence s = batch.get(i);
            int[] targets = events ? s.stream().events() : s.stream().durations();
            for (int t = s.window().scoredFrom(); t < s.window().length(); t++) {
                int offset = i * classes * steps + t;
                score.add(p, offset, steps, classes, targets[s.window().start() + t + 1]);
            }
        }
    }
}
