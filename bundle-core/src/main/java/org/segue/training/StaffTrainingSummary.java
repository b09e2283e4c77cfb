package org.segue.training;

import java.util.List;
import java.util.Objects;

/**
 * How one staff's network was trained.
 *
 * @param trainingEvents events of this staff in the training pieces
 * @param heldOutEvents events of this staff in the held-out pieces
 * @param eventVocabularySize distinct event labels the network knows
 * @param durationVocabularySize distinct duration categories the network knows
 * @param bestEpoch the epoch whose network was kept: the one with the lowest validation loss
 * @param bestValidationLoss its validation loss, nats per event (both heads added)
 * @param stoppedEarly whether early stopping ended the training before the configured number of epochs
 * @param history every epoch run, including those of an earlier run that this one resumed
 */
public record StaffTrainingSummary(Staff staff, int trainingEvents, int heldOutEvents, int eventVocabularySize,
                                   int durationVocabularySize, int bestEpoch, double bestValidationLoss,
                                   boolean stoppedEarly, List<EpochSummary> history) {

    public StaffTrainingSummary {
        Objects.requireNonNull(staff, "staff");
        history = List.copyOf(history);
    }

    /** How many epochs ran in all. */
    public int epochsRun() {
        return history.size();
    }
}
