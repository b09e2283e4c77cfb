package org.segue.training;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Follows a training run, for a progress bar or a log. Calls come from the training thread, one at a time; keep
 * them short. A listener that throws stops the run: the last checkpoint stays, and a later run with
 * {@code resume} continues from it.
 */
@ConsumerType
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** After each minibatch. */
    default void onBatch(TrainingProgress progress) {
    }

    /** After each epoch, once the validation loss is known and the checkpoint is written. */
    default void onEpoch(EpochSummary epoch, TrainingProgress progress) {
    }

    /** A line worth showing: which staff starts, early stopping, resuming, where the model was written. */
    default void onMessage(String line) {
    }
}
