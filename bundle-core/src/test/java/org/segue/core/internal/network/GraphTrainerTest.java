package org.segue.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.preprocess.SequenceWindows;
import org.segue.core.internal.runtime.Nd4jRuntime;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;

/** The hand-shaped training step against DL4J's own {@code fit} on the same tiny network. */
class GraphTrainerTest {

    private static final int EVENTS = 9;
    private static final int DURATIONS = 5;
    private static final TrainingConfig TINY = TrainingConfig.defaults().withHiddenSize(7).withDenseSize(6)
            .withEmbeddingSizes(4, 3).withSequenceLength(6).withBatchSize(3).withDropout(0).withSeed(5)
            .withListening(false);

    private static EncodedStream randomStream(int length, long seed) {
        Random random = new Random(seed);
        int[] events = new int[length];
        int[] durations = new int[length];
        for (int i = 0; i < length; i++) {
            events[i] = random.nextInt(EVENTS);
            durations[i] = random.nextInt(DURATIONS);
        }
        return new EncodedStream("random", Staff.TREBLE, events, durations, new BitSet(), new BitSet());
    }

    private static List<Sequence> batch(long seed) {
        return batch(seed, 6);
    }

    /** Four windows, the last one {@code length} long: shorter than 6, the batch is padded and masked. */
    private static List<Sequence> batch(long seed, int length) {
        List<Sequence> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(new Sequence(randomStream(20, seed + i), new SequenceWindows.Window(2 * i, 6, 0)));
        }
        batch.add(new Sequence(randomStream(10, seed + 7), new SequenceWindows.Window(1, length, 0)));
        return batch;
    }

    @Test
    void theGradientIsDl4jsGradient() {
        Nd4jRuntime.run(() -> {
            ComputationGraph graph = StaffNetworkFactory.build(TINY, EVENTS, DURATIONS);
            List<Sequence> batch = batch(1);
            MultiDataSet data = SequenceBatch.of(batch);
            ComputationGraph reference = graph.clone();
            reference.setInputs(data.getFeatures());
            reference.setLabels(data.getLabels());
            reference.setLayerMaskArrays(data.getFeaturesMaskArrays(), data.getLabelsMaskArrays());
            reference.computeGradientAndScore();
            INDArray expected = reference.gradient().gradient();

            GraphTrainer trainer = new GraphTrainer(graph);
            double score = trainer.computeGradient(batch);

            assertClose(trainer.gradient(), expected, 1e-5);
            assertThat(score).isCloseTo(reference.score(), org.assertj.core.data.Percentage.withPercentage(1e-4));
            return null;
        });
    }

    @Test
    void aListeningNetworksGradientIsDl4jsGradient() {
        Nd4jRuntime.run(() -> {
            ComputationGraph graph = StaffNetworkFactory.build(TINY.withListening(true), EVENTS, DURATIONS);
            List<Sequence> batch = batch(2).stream()
                    .map(s -> new Sequence(withRandomContext(s.stream()), s.window())).toList();
            MultiDataSet data = SequenceBatch.of(batch);
            assertThat(data.getFeatures()).hasSize(3);
            ComputationGraph reference = graph.clone();
            reference.setInputs(data.getFeatures());
            reference.setLabels(data.getLabels());
            reference.computeGradientAndScore();

            GraphTrainer trainer = new GraphTrainer(graph);
            double score = trainer.computeGradient(batch);

            assertClose(trainer.gradient(), reference.gradient().gradient(), 1e-5);
            assertThat(score).isCloseTo(reference.score(), org.assertj.core.data.Percentage.withPercentage(1e-4));
            return null;
        });
    }

    private static EncodedStream withRandomContext(EncodedStream stream) {
        Random random = new Random(stream.size());
        float[] context = new float[stream.size() * TrainingConfig.CONTEXT_WIDTH];
        for (int i = 0; i < context.length; i++) context[i] = random.nextFloat();
        return stream.withContext(context);
    }

    /**
     * With a padded batch DL4J's gradient differs from the one of its own loss (its masking moves values between
     * steps), so here the gradient is checked against finite differences of the loss.
     */
    @Test
    void theGradientOfAPaddedBatchIsTheLossesSlope() {
        Nd4jRuntime.run(() -> {
            ComputationGraph graph = StaffNetworkFactory.build(TINY, EVENTS, DURATIONS);
            List<Sequence> batch = batch(3, 4);
            GraphTrainer trainer = new GraphTrainer(graph);
            trainer.computeGradient(batch);
            double[] analytic = trainer.gradient().toDoubleVector();
            INDArray params = graph.params();
            // the ReLU's kink makes finite differences of the dense layer's parameters unreliable; the comparison
            // with DL4J covers them
            long denseFrom = graph.getLayer("dense").paramTable().get("W").offset() - params.offset();
            long denseTo = denseFrom + graph.getLayer("dense").numParams();
            Random random = new Random(8);
            double epsilon = 1e-2;
            int checked = 0;
            for (int k = 0; k < 400 && checked < 40; k++) {
                int i = random.nextInt(analytic.length);
                if (Math.abs(analytic[i]) < 1e-2 || i >= denseFrom && i < denseTo) continue;
                double value = params.getDouble(i);
                params.putScalar(i, value + epsilon);
                double up = trainer.computeGradient(batch);
                params.putScalar(i, value - epsilon);
                double down = trainer.computeGradient(batch);
                params.putScalar(i, value);
                double numeric = (up - down) / (2 * epsilon) * batch.size();
                assertThat(numeric).as("parameter %d", i).isCloseTo(analytic[i],
                        org.assertj.core.data.Offset.offset(0.03 * Math.max(1, Math.abs(analytic[i]))));
                checked++;
            }
            assertThat(checked).isEqualTo(40);
            return null;
        });
    }

    @Test
    void stepsEndWhereDl4jsFitEndsAndLeaveAdamsStateWhereDl4jKeepsIt() throws Exception {
        Nd4jRuntime.<Exception>run(() -> {
            ComputationGraph ours = StaffNetworkFactory.build(TINY, EVENTS, DURATIONS);
            ComputationGraph reference = ours.clone();
            GraphTrainer trainer = new GraphTrainer(ours);
            for (int step = 0; step < 3; step++) {
                List<Sequence> batch = batch(10L * step);
                reference.fit(SequenceBatch.of(batch));
                trainer.fit(batch);
            }
            assertThat(ours.getConfiguration().getIterationCount()).isEqualTo(3);
            assertMostlyClose(ours.params(), reference.params());
            assertClose(ours.getUpdater().getStateViewArray(), reference.getUpdater().getStateViewArray(), 1e-4);
            // a checkpoint keeps the state this trainer left, and DL4J goes on from it as from its own
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            ModelSerializer.writeModel(ours, saved, true);
            ComputationGraph resumed = ModelSerializer.restoreComputationGraph(
                    new ByteArrayInputStream(saved.toByteArray()), true);
            List<Sequence> next = batch(99);
            resumed.fit(SequenceBatch.of(next));
            trainer.fit(next);
            assertMostlyClose(ours.params(), resumed.params());
            return null;
        });
    }

    @Test
    void theSameSeedGivesTheSameParametersWithDropout() {
        TrainingConfig withDropout = TINY.withDropout(0.3);
        double[][] runs = new double[2][];
        for (int run = 0; run < 2; run++) {
            runs[run] = Nd4jRuntime.call(() -> {
                ComputationGraph graph = StaffNetworkFactory.build(withDropout, EVENTS, DURATIONS);
                GraphTrainer trainer = new GraphTrainer(graph);
                Nd4j.getRandom().setSeed(17);
                for (int step = 0; step < 3; step++) trainer.fit(batch(step));
                return graph.params().toDoubleVector();
            });
        }
        assertThat(runs[0]).containsExactly(runs[1]);
    }

    /**
     * All but a few elements within 1e-5. Adam's first steps move every parameter by about the learning rate in
     * the direction of its gradient's sign, so a gradient within rounding of zero may step the other way.
     */
    private static void assertMostlyClose(INDArray actual, INDArray expected) {
        double[] a = actual.toDoubleVector();
        double[] e = expected.toDoubleVector();
        int off = 0;
        for (int i = 0; i < a.length; i++) if (Math.abs(a[i] - e[i]) > 1e-5) off++;
        assertThat(off).as("parameters off by more than 1e-5, of %d", a.length).isLessThanOrEqualTo(a.length / 100);
    }

    /** Every element within {@code tolerance}, relative to the largest magnitude of {@code expected} (at least 1). */
    private static void assertClose(INDArray actual, INDArray expected, double tolerance) {
        double[] a = actual.toDoubleVector();
        double[] e = expected.toDoubleVector();
        assertThat(a).hasSameSizeAs(e);
        double scale = 1;
        for (double v : e) scale = Math.max(scale, Math.abs(v));
        double worst = 0;
        int at = -1;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - e[i]);
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        assertThat(worst).as("largest difference, at %d of %d", at, a.length).isLessThan(tolerance * scale);
    }
}
