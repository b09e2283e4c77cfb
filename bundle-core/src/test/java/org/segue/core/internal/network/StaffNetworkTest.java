package org.segue.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.preprocess.SequenceWindows;
import org.segue.core.internal.runtime.Nd4jRuntime;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;

class StaffNetworkTest {

    static final TrainingConfig TINY = TrainingConfig.defaults().withListening(false).withHiddenSize(16)
            .withDenseSize(16).withEmbeddingSizes(6, 3).withSequenceLength(20).withBatchSize(4).withLearningRate(0.02)
            .withSeed(7);

    /** Events cycle through 0..5 with a duration that depends on the event: easy to learn. */
    static EncodedStream toyStream(int length) {
        int[] events = new int[length];
        int[] durations = new int[length];
        int[] pattern = {0, 1, 2, 3, 4, 5, 4, 3, 2, 1};
        for (int i = 0; i < length; i++) {
            events[i] = pattern[i % pattern.length];
            durations[i] = events[i] % 3;
        }
        return new EncodedStream("toy", Staff.TREBLE, events, durations, new BitSet(), new BitSet());
    }

    private static double[] train(int iterations) {
        return Nd4jRuntime.call(() -> {
            ComputationGraph network = StaffNetworkFactory.build(TINY, 6, 3);
            EncodedStream stream = toyStream(200);
            double before = SequenceScorer.score(network, List.of(stream), 20, 10).loss();
            List<Sequence> sequences = new ArrayList<>();
            for (SequenceWindows.Window w : SequenceWindows.of(stream.size(), 20, 10)) {
                sequences.add(new Sequence(stream, w));
            }
            Nd4j.getRandom().setSeed(11);
            for (int i = 0; i < iterations; i++) {
                int from = (i * 4) % sequences.size();
                network.fit(SequenceBatch.of(sequences.subList(from, Math.min(sequences.size(), from + 4))));
            }
            double after = SequenceScorer.score(network, List.of(stream), 20, 10).loss();
            double[] params = network.params().toDoubleVector();
            double[] result = new double[params.length + 2];
            result[0] = before;
            result[1] = after;
            System.arraycopy(params, 0, result, 2, params.length);
            return result;
        });
    }

    @Test
    void aTinyNetworkWithAFixedSeedLowersItsLossOnAToySequenceTheSameWayTwice() {
        double[] first = train(60);
        double[] second = train(60);
        System.out.printf("toy sequence loss: %.4f before, %.4f after 60 minibatches%n", first[0], first[1]);
        assertThat(first[1]).isLessThan(first[0] * 0.5);
        assertThat(second).containsExactly(first);
    }

    @Test
    void thePaddedBatchMasksTheMissingSteps() {
        EncodedStream longOne = toyStream(30);
        EncodedStream shortOne = toyStream(8);
        var data = Nd4jRuntime.call(() -> SequenceBatch.of(List.of(
                new Sequence(longOne, new SequenceWindows.Window(0, 20, 0)),
                new Sequence(shortOne, new SequenceWindows.Window(0, 7, 0)))));
        assertThat(data.getFeatures(0).shape()).containsExactly(2, 1, 20);
        assertThat(data.getLabelsMaskArray(0).sumNumber().intValue()).isEqualTo(27);
        assertThat(data.getLabels(0).getInt(0, 0, 0)).isEqualTo(longOne.events()[1]);
    }
}
