package org.segue.core.internal.benchmark;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;
import org.segue.benchmark.BenchmarkService;
import org.segue.benchmark.NetworkShape;
import org.segue.benchmark.Timings;
import org.segue.core.internal.model.Distributions;
import org.segue.core.internal.model.SegueModel;
import org.segue.core.internal.model.StaffModel;
import org.segue.core.internal.model.StaffSession;
import org.segue.core.internal.model.Token;
import org.segue.core.internal.network.GraphTrainer;
import org.segue.core.internal.network.Sequence;
import org.segue.core.internal.network.SequenceBatch;
import org.segue.core.internal.network.StaffNetworkFactory;
import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.preprocess.SequenceWindows;
import org.segue.core.internal.runtime.Nd4jRuntime;
import org.segue.training.ModelException;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;

/** The {@link BenchmarkService}: times the real training step and the real generation step. */
@Component(service = BenchmarkService.class)
public class BenchmarkComponent implements BenchmarkService {

    private static final int PRIMING = 100;

    @Override
    public NetworkShape shippedShape() throws ModelException {
        SegueModel model = SegueModel.defaultModel();
        TrainingConfig c = model.metadata().config();
        StaffModel treble = model.staff(Staff.TREBLE);
        return new NetworkShape(c.batchSize(), c.sequenceLength(), c.hiddenSize(),
                treble.vocabularies().events().size(), treble.vocabularies().durations().size(),
                c.eventEmbeddingSize(), c.durationEmbeddingSize(), c.denseSize());
    }

    @Override
    public Timings trainingStep(NetworkShape shape, int warmup, int runs, boolean dl4jLayers) {
        // the published design's independent networks, as the shipped model and the PyTorch reference have them
        TrainingConfig config = TrainingConfig.defaults().withHiddenSize(shape.hidden()).withDenseSize(shape.dense())
                .withEmbeddingSizes(shape.eventEmbedding(), shape.durationEmbedding()).withBatchSize(shape.batch())
                .withSequenceLength(shape.steps()).withListening(false);
        return Nd4jRuntime.call(() -> {
            ComputationGraph graph = StaffNetworkFactory.build(config, shape.events(), shape.durations());
            GraphTrainer trainer = dl4jLayers ? null : new GraphTrainer(graph);
            SplittableRandom random = new SplittableRandom(1);
            Nd4j.getRandom().setSeed(1);
            double[] millis = new double[runs];
            for (int i = 0; i < warmup + runs; i++) {
                List<Sequence> batch = randomBatch(shape, random);
                long start = System.nanoTime();
                if (trainer == null) {
                    graph.fit(SequenceBatch.of(batch));
                } else {
                    trainer.fit(batch);
                }
                if (i >= warmup) millis[i - warmup] = (System.nanoTime() - start) / 1e6;
            }
            return Timings.of(millis);
        });
    }

    @Override
    public Timings generationStep(int batch, int warmup, int runs) throws ModelException {
        StaffModel treble = SegueModel.defaultModel().staff(Staff.TREBLE);
        int events = treble.vocabularies().events().size();
        int durations = treble.vocabularies().durations().size();
        SplittableRandom random = new SplittableRandom(2);
        List<Token> prefix = new ArrayList<>();
        for (int i = 0; i < PRIMING; i++) prefix.add(new Token(random.nextInt(events), random.nextInt(durations)));
        StaffSession session = treble.newSession(batch);
        List<Distributions> next = session.prime(prefix);
        double[] millis = new double[runs];
        long sink = 0;
        for (int i = 0; i < warmup + runs; i++) {
            List<Token> tokens = new ArrayList<>(batch);
            for (int r = 0; r < batch; r++) tokens.add(new Token(random.nextInt(events), random.nextInt(durations)));
            long start = System.nanoTime();
            next = session.step(tokens);
            if (i >= warmup) millis[i - warmup] = (System.nanoTime() - start) / 1e6;
            sink += Float.floatToIntBits(next.get(0).events()[0]);
        }
        if (sink == 42) System.getProperties().setProperty("segue.bench.sink", "42"); // keeps the work observable
        return Timings.of(millis);
    }

    /** {@code shape.batch()} full windows of a random token stream, with a target at every step. */
    private static List<Sequence> randomBatch(NetworkShape shape, SplittableRandom random) {
        List<Sequence> batch = new ArrayList<>(shape.batch());
        for (int b = 0; b < shape.batch(); b++) {
            int[] events = new int[shape.steps() + 1];
            int[] durations = new int[shape.steps() + 1];
            for (int t = 0; t <= shape.steps(); t++) {
                events[t] = random.nextInt(shape.events());
                durations[t] = random.nextInt(shape.durations());
            }
            EncodedStream stream = new EncodedStream("random", Staff.TREBLE, events, durations, new BitSet(),
                    new BitSet());
            batch.add(new Sequence(stream, new SequenceWindows.Window(0, shape.steps(), 0)));
        }
        return batch;
    }
}
