package org.segue.training;

import java.util.Objects;

/**
 * Where a training run stands, sent to a {@link TrainingListener} after each minibatch and after each epoch.
 *
 * @param staff the staff whose network is training now (the treble staff first, then the bass)
 * @param epoch the current epoch, from 1
 * @param epochs the most epochs this staff may run (early stopping may end it sooner)
 * @param batch minibatches done in this epoch, 1 to {@code batchesPerEpoch}
 * @param batchesPerEpoch minibatches in one epoch of this staff
 * @param loss training loss of the last minibatch: the two heads' cross-entropies added, in nats per event
 * @param validationLoss the same on the held-out pieces after the last finished epoch of this staff; NaN before
 *        the first one
 * @param elapsedMillis wall time since the run (or the resumed run) started
 * @param millisLeft estimated wall time until the run ends, assuming every remaining epoch runs; early stopping
 *        can only make it shorter
 */
public record TrainingProgress(Staff staff, int epoch, int epochs, int batch, int batchesPerEpoch, double loss,
                               double validationLoss, long elapsedMillis, long millisLeft) {

    public TrainingProgress {
        Objects.requireNonNull(staff, "staff");
        if (epoch < 1 || epoch > epochs) throw new IllegalArgumentException("epoch " + epoch + " not in 1.." + epochs);
        if (batch < 0 || batch > batchesPerEpoch) {
            throw new IllegalArgumentException("batch " + batch + " not in 0.." + batchesPerEpoch);
        }
    }

    /** Share of this staff's current epoch done, in [0, 1]. */
    public double epochFraction() {
        return batchesPerEpoch == 0 ? 1 : (double) batch / batchesPerEpoch;
    }
}
