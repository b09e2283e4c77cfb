package org.segue.core.internal.network;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.segue.core.internal.preprocess.EncodedStream;

/**
 * Sequences as network inputs and labels: class indices shaped {@code [batch, 1, steps]} for the two inputs
 * (event, duration at step t) and the two heads (event, duration at step t + 1); streams with onset contexts add a
 * third input, the context of step t + 1's onset, shaped {@code [batch, width, steps]}. Sequences shorter than the
 * longest are padded, with feature and label masks marking their real steps; without short ones, no masks.
 */
public final class SequenceBatch {

    private SequenceBatch() {
    }

    /** A minibatch for fitting or scoring; call inside {@code Nd4jRuntime.call}. */
    public static MultiDataSet of(List<Sequence> sequences) {
        int b = sequences.size();
        int steps = sequences.stream().mapToInt(s -> s.window().length()).max().orElse(0);
        float[] eventIn = new float[b * steps];
        float[] durationIn = new float[b * steps];
        float[] eventOut = new float[b * steps];
        float[] durationOut = new float[b * steps];
        float[] mask = new float[b * steps];
        int width = contextWidth(sequences);
        float[] context = width > 0 ? new float[b * width * steps] : null;
        boolean padded = false;
        for (int i = 0; i < b; i++) {
            Sequence s = sequences.get(i);
            int start = s.window().start();
            int[] events = s.stream().events();
            int[] durations = s.stream().durations();
            for (int t = 0; t < s.window().length(); t++) {
                int at = i * steps + t;
                eventIn[at] = events[start + t];
                durationIn[at] = durations[start + t];
                eventOut[at] = events[start + t + 1];
                durationOut[at] = durations[start + t + 1];
                mask[at] = 1;
                for (int k = 0; context != null && k < width; k++) {
                    context[(i * width + k) * steps + t] = s.stream().context()[(start + t + 1) * width + k];
                }
            }
            padded |= s.window().length() < steps;
        }
        long[] shape = {b, 1, steps};
        INDArray[] features = context == null
                ? new INDArray[] {Nd4j.create(eventIn, shape), Nd4j.create(durationIn, shape)}
                : new INDArray[] {Nd4j.create(eventIn, shape), Nd4j.create(durationIn, shape),
                        Nd4j.create(context, new long[] {b, width, steps})};
        INDArray[] labels = {Nd4j.create(eventOut, shape), Nd4j.create(durationOut, shape)};
        if (!padded) return new MultiDataSet(features, labels);
        INDArray m = Nd4j.create(mask, new long[] {b, steps});
        INDArray[] featureMasks = context == null ? new INDArray[] {m, m} : new INDArray[] {m, m, m};
        return new MultiDataSet(features, labels, featureMasks, new INDArray[] {m, m});
    }

    /** The onset context's width of the sequences' streams: 0 when they have none. */
    private static int contextWidth(List<Sequence> sequences) {
        if (sequences.isEmpty() || sequences.get(0).stream().context() == null) return 0;
        EncodedStream s = sequences.get(0).stream();
        return s.context().length / s.size();
    }
}
