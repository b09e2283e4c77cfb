package org.segue.training;

import java.util.Objects;

/**
 * One finished epoch of one staff.
 *
 * @param trainingLoss mean training objective over the epoch's minibatches, nats per event, with dropout: the
 *        event head's cross-entropy plus the duration head's weighted as in training (three times)
 * @param validationLoss loss on the held-out pieces after the epoch, nats per event (both heads added)
 * @param validationEventLoss its part from the next-event head
 * @param validationDurationLoss its part from the next-duration head
 * @param improved whether this epoch has the lowest validation loss so far (it is then the one kept)
 * @param millis wall time of the epoch, validation included
 */
public record EpochSummary(Staff staff, int epoch, double trainingLoss, double validationLoss,
                           double validationEventLoss, double validationDurationLoss, boolean improved, long millis) {

    public EpochSummary {
        Objects.requireNonNull(staff, "staff");
        if (epoch < 1) throw new IllegalArgumentException("epoch must be >= 1, not " + epoch);
    }
}
