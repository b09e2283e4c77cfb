package org.segue.core.internal.training;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.segue.core.internal.network.GraphTrainer;
import org.segue.training.EpochSummary;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;

/**
 * Where one staff's training stands between epochs: what a checkpoint saves and a resumed run restores. The
 * network carries its updater state (Adam's moments and step count); {@code bestParameters} are the parameters of
 * the epoch with the lowest validation loss so far; {@code learningRateDrops} counts the plateaus that lowered
 * the step size.
 */
final class StaffState {

    final Staff staff;
    ComputationGraph network;
    INDArray bestParameters;
    int epochsDone;
    int bestEpoch;
    double bestLoss = Double.POSITIVE_INFINITY;
    int epochsWithoutImprovement;
    int learningRateDrops;
    boolean finished;
    boolean stoppedEarly;
    final List<EpochSummary> history = new ArrayList<>();

    private GraphTrainer trainer;

    StaffState(Staff staff, ComputationGraph network) {
        this.staff = staff;
        this.network = network;
    }

    /** The trainer of the current network (a restored checkpoint brings a new one), at today's step size. */
    GraphTrainer trainer() {
        if (trainer == null || trainer.network() != network) trainer = new GraphTrainer(network);
        trainer.scaleSteps(stepScale());
        return trainer;
    }

    /** What the learning-rate drops so far multiply Adam's steps by: 1 before the first. */
    double stepScale() {
        return Math.pow(TrainingConfig.LEARNING_RATE_DROP, learningRateDrops);
    }
}
