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
    /** About this many event probabilities (a sample of whole steps) go into a temperature fit: 96 MB of floats. */
    static final long EVENT_FIT_VALUES = 24_000_000L;

    private SequenceScorer() {
    }

    /** Scores {@code network} in inference mode (no dropout); call inside {@code Nd4jRuntime.call}. */
    public static Scores score(ComputationGraph network, List<EncodedStream> streams, int length, int stride) {
        return score(network, streams, length, stride, Temperatures.NONE);
    }

    /** Scores the network's probabilities at {@code temperatures}, and untempered beside (see {@link HeadScore}). */
    public static Scores score(ComputationGraph network, List<EncodedStream> streams, int length, int stride,
                               Temperatures temperatures) {
        Scores scores = new Scores(new HeadScore(temperatures.events()), new HeadScore(temperatures.durations()));
        run(network, windows(streams, length, stride), (batch, out) -> {
            forEachStep(out[0], batch, true, scores.events()::add);
            forEachStep(out[1], batch, false, scores.durations()::add);
        });
        return scores;
    }

    /**
     * Fits each head's temperature on these streams (see {@link TemperatureFit}): the durations on every step, the
     * events on an even sample of about {@value #EVENT_FIT_VALUES} probabilities in all.
     */
    public static Temperatures fitTemperatures(ComputationGraph network, List<EncodedStream> streams, int length,
                                               int stride) {
        List<Sequence> sequences = windows(streams, length, stride);
        long steps = 0;
        for (Sequence s : sequences) steps += s.window().length() - s.window().scoredFrom();
        TemperatureFit events = new TemperatureFit(steps, EVENT_FIT_VALUES);
        TemperatureFit durations = new TemperatureFit(steps, Long.MAX_VALUE);
        run(network, sequences, (batch, out) -> {
            forEachStep(out[0], batch, true, events::add);
            forEachStep(out[1], batch, false, durations::add);
        });
        return new Temperatures(events.fit(), durations.fit());
    }

    private interface StepSink {
        void add(float[] probabilities, int offset, int stride, int classes, int target);
    }

    private interface BatchSink {
        void accept(List<Sequence> batch, INDArray[] out);
    }

    private static List<Sequence> windows(List<EncodedStream> streams, int length, int stride) {
        List<Sequence> sequences = new ArrayList<>();
        for (EncodedStream s : streams) {
            for (SequenceWindows.Window w : SequenceWindows.of(s.size(), length, stride)) {
                sequences.add(new Sequence(s, w));
            }
        }
        return sequences;
    }

    private static void run(ComputationGraph network, List<Sequence> sequences, BatchSink sink) {
        for (int from = 0; from < sequences.size(); from += BATCH) {
            List<Sequence> batch = sequences.subList(from, Math.min(sequences.size(), from + BATCH));
            MultiDataSet data = SequenceBatch.of(batch);
            network.rnnClearPreviousState();
            sink.accept(batch, network.output(false, data.getFeatures(), data.getFeaturesMaskArrays(),
                    data.getLabelsMaskArrays()));
        }
    }

    private static void forEachStep(INDArray probabilities, List<Sequence> batch, boolean events, StepSink sink) {
        long[] shape = probabilities.shape(); // [batch, classes, steps]
        int classes = (int) shape[1];
        int steps = (int) shape[2];
        float[] p = probabilities.dup('c').data().asFloat();
        for (int i = 0; i < batch.size(); i++) {
            Sequence s = batch.get(i);
            int[] targets = events ? s.stream().events() : s.stream().durations();
            for (int t = s.window().scoredFrom(); t < s.window().length(); t++) {
                sink.add(p, i * classes * steps + t, steps, classes, targets[s.window().start() + t + 1]);
            }
        }
    }
}
