package org.segue.core.internal.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.nd4j.linalg.factory.Nd4j;
import org.segue.core.internal.network.Sequence;
import org.segue.core.internal.network.SequenceScorer;
import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.preprocess.SequenceWindows;
import org.segue.training.EpochSummary;
import org.segue.training.ModelException;
import org.segue.training.TrainingConfig;
import org.segue.training.TrainingListener;
import org.segue.training.TrainingProgress;

/**
 * Trains one staff's network epoch by epoch: the training sequences in a shuffled order, minibatch by minibatch;
 * then the validation loss on the held-out streams; the best epoch's parameters kept; after {@code patience}
 * epochs without improvement, a return to the best epoch with a smaller learning rate while the configuration
 * allows drops, else a stop; and a hook after each epoch (the checkpoint).
 *
 * <p>Repeatable, and the same whether resumed or not: each epoch reseeds ND4J's random generator (dropout masks)
 * and shuffles with its own generator, both from the seed, the staff and the epoch number, so an epoch depends only
 * on the network and updater state it starts from, which a checkpoint restores exactly.
 */
final class StaffTrainer {

    /** Called after every epoch, once the state is updated, to save a checkpoint. */
    interface EpochHook {
        void epochDone(StaffState state) throws ModelException;
    }

    private final TrainingConfig config;
    private final ProgressClock clock;
    private final TrainingListener listener;

    StaffTrainer(TrainingConfig config, ProgressClock clock, TrainingListener listener) {
        this.config = config;
        this.clock = clock;
        this.listener = listener;
    }

    /** The training sequences of some streams, in a fixed order. */
    static List<Sequence> sequences(List<EncodedStream> streams, TrainingConfig config) {
        return forms(streams, streams.stream().map(s -> List.<TrainingData.Form>of()).toList(), config).stream()
                .map(alternatives -> alternatives.get(0)).toList();
    }

    /**
     * Per training window, in a fixed order, the window of the stream itself and then the same window of each of
     * the stream's other forms ({@code forms.get(i)} for {@code streams.get(i)}) that keeps every duration's
     * category in it.
     */
    static List<List<Sequence>> forms(List<EncodedStream> streams, List<List<TrainingData.Form>> forms,
                                      TrainingConfig config) {
        List<List<Sequence>> windows = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            EncodedStream s = streams.get(i);
            for (SequenceWindows.Window w : SequenceWindows.of(s.size(), config.sequenceLength(),
                    config.windowStride())) {
                List<Sequence> alternatives = new ArrayList<>();
                alternatives.add(new Sequence(s, w));
                for (TrainingData.Form form : forms.get(i)) {
                    // steps start .. start + length - 1 are inputs, one more is the last target
                    if (form.lostDurations().get(w.start(), w.start() + w.length() + 1).isEmpty()) {
                        alternatives.add(new Sequence(form.stream(), w));
                    }
                }
                windows.add(alternatives);
            }
        }
        return windows;
    }

    static int batchesPerEpoch(int sequences, int batchSize) {
        return (sequences + batchSize - 1) / batchSize;
    }

    /** Runs the remaining epochs of {@code state}; call inside {@code Nd4jRuntime.call}. */
    void train(StaffState state, List<EncodedStream> training, List<List<TrainingData.Form>> forms,
               List<EncodedStream> heldOut, EpochHook hook) throws ModelException {
        List<List<Sequence>> sequences = forms(training, forms, config);
        int batches = batchesPerEpoch(sequences.size(), config.batchSize());
        while (!state.finished) {
            int epoch = state.epochsDone + 1;
            long epochStart = System.nanoTime();
            double trainingLoss = runEpoch(state, sequences, batches, epoch);
            SequenceScorer.Scores validation = SequenceScorer.score(state.network, heldOut, config.sequenceLength(),
                    config.windowStride());
            double validationLoss = validation.loss();
            boolean improved = validationLoss < state.bestLoss;
            if (improved) {
                state.bestLoss = validationLoss;
                state.bestEpoch = epoch;
                state.bestParameters = state.network.params().dup();
                state.epochsWithoutImprovement = 0;
            } else {
                state.epochsWithoutImprovement++;
            }
            state.epochsDone = epoch;
            EpochSummary summary = new EpochSummary(state.staff, epoch, trainingLoss, validationLoss,
                    validation.events().crossEntropy(), validation.durations().crossEntropy(), improved,
                    (System.nanoTime() - epochStart) / 1_000_000);
            state.history.add(summary);
            boolean plateau = state.epochsWithoutImprovement >= config.patience();
            if (plateau && epoch < config.epochs() && state.learningRateDrops < config.learningRateDrops()) {
                dropLearningRate(state, epoch);
            } else if (plateau || epoch >= config.epochs()) {
                finish(state, epoch, batches);
            }
            hook.epochDone(state);
            listener.onEpoch(summary, progress(state, epoch, batches, batches, trainingLoss));
        }
    }

    /** One pass over the windows, each in one of its forms chosen at random, in a shuffled order. */
    private double runEpoch(StaffState state, List<List<Sequence>> sequences, int batches, int epoch) {
        long seed = epochSeed(config.seed(), state.staff.ordinal(), epoch);
        Nd4j.getRandom().setSeed(seed);
        Random random = new Random(seed);
        List<Sequence> order = new ArrayList<>(sequences.size());
        for (List<Sequence> alternatives : sequences) order.add(alternatives.get(random.nextInt(alternatives.size())));
        Collections.shuffle(order, random);
        double lossSum = 0;
        for (int b = 0; b < batches; b++) {
            List<Sequence> batch = order.subList(b * config.batchSize(),
                    Math.min(order.size(), (b + 1) * config.batchSize()));
            double loss = perEvent(state.trainer().fit(batch), batch);
            lossSum += loss;
            clock.batchDone();
            listener.onBatch(progress(state, epoch, b + 1, batches, loss));
        }
        return lossSum / batches;
    }

    /** Goes back to the best epoch's parameters, to go on from there with smaller steps. */
    private void dropLearningRate(StaffState state, int epoch) {
        state.learningRateDrops++;
        state.epochsWithoutImprovement = 0;
        state.network.setParams(state.bestParameters);
        listener.onMessage(state.staff.label() + ": no better validation loss for " + config.patience()
                + " epochs; after epoch " + epoch + ", going on from epoch " + state.bestEpoch + " with the learning "
                + "rate times " + state.stepScale());
    }

    private void finish(StaffState state, int epoch, int batches) {
        state.finished = true;
        state.stoppedEarly = epoch < config.epochs();
        clock.unplan((long) (config.epochs() - epoch) * batches);
        state.network.setParams(state.bestParameters);
        if (state.stoppedEarly) {
            listener.onMessage(state.staff.label() + ": no better validation loss for " + config.patience()
                    + " epochs; stopped after epoch " + epoch + ", keeping epoch " + state.bestEpoch);
        }
    }

    private TrainingProgress progress(StaffState state, int epoch, int batch, int batches, double loss) {
        double validation = state.history.isEmpty() ? Double.NaN
                : state.history.get(state.history.size() - 1).validationLoss();
        return new TrainingProgress(state.staff, epoch, config.epochs(), batch, batches, loss, validation,
                clock.elapsedMillis(), clock.millisLeft());
    }

    /** DL4J's score is the loss summed over a sequence's steps and averaged over the sequences: per step here. */
    private static double perEvent(double score, List<Sequence> batch) {
        long steps = batch.stream().mapToLong(s -> s.window().length()).sum();
        return score * batch.size() / steps;
    }

    static long epochSeed(long seed, int staff, int epoch) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (staff + 1)) ^ (0xC2B2AE3D27D4EB4FL * epoch))
                .nextLong();
    }
}
