package org.segue.core.internal.training;

/**
 * Estimates the time left of a run from the minibatches done so far in this run (validation and checkpoints
 * included, since they are part of the wall time between minibatches): remaining minibatches times the mean wall
 * time per minibatch. Minibatches of epochs that early stopping skips are removed from the plan as they are known.
 */
final class ProgressClock {

    private final long start = System.nanoTime();
    private long planned;
    private long done;
    private long doneThisRun;

    /** Adds minibatches to the plan. */
    void plan(long batches) {
        planned += batches;
    }

    /** Removes minibatches from the plan (epochs that early stopping or a resumed checkpoint skip). */
    void unplan(long batches) {
        planned -= batches;
    }

    /** Counts minibatches done by an earlier run (resumed); they do not enter the time per minibatch. */
    void doneBefore(long batches) {
        done += batches;
    }

    void batchDone() {
        done++;
        doneThisRun++;
    }

    long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    long millisLeft() {
        if (doneThisRun == 0) return 0;
        long remaining = Math.max(0, planned - done);
        return Math.round((double) elapsedMillis() / doneThisRun * remaining);
    }
}
