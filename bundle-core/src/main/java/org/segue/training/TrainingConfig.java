package org.segue.training;

/**
 * Every value that shapes a training run. {@link #defaults()} gives the values {@code ./segue train} uses without
 * options (the shipped model, trained on Chopin and the Lieder songs, differs in its seed, patience, epochs and
 * learning-rate drops: README.md gives its command); the {@code with...} methods return changed copies.
 *
 * @param hiddenSize units in each of the three LSTM layers (default {@value #DEFAULT_HIDDEN_SIZE})
 * @param dropout the probability that a unit is <em>dropped</em> after the first and the second LSTM layer, as
 *        the design (and Keras) means it (default {@value #DEFAULT_DROPOUT}); 0 turns dropout off. DL4J itself
 *        wants the probability of keeping a unit, {@code 1 - dropout}: the network builder converts it
 * @param denseSize units of the dense layer between the last LSTM layer and the two softmax heads
 *        (default {@value #DEFAULT_DENSE_SIZE})
 * @param eventEmbeddingSize length of the vector an event label is embedded into at the input
 *        (default {@value #DEFAULT_EVENT_EMBEDDING_SIZE})
 * @param durationEmbeddingSize length of the vector a duration category is embedded into at the input
 *        (default {@value #DEFAULT_DURATION_EMBEDDING_SIZE})
 * @param learningRate Adam's step size (default {@value #DEFAULT_LEARNING_RATE})
 * @param batchSize sequences per minibatch (default {@value #DEFAULT_BATCH_SIZE})
 * @param epochs the most passes over the training sequences per staff; early stopping may end sooner
 *        (default {@value #DEFAULT_EPOCHS})
 * @param patience stop a staff's training after this many epochs without a lower validation loss; the epoch with
 *        the lowest validation loss is the one kept (default {@value #DEFAULT_PATIENCE})
 * @param seed makes a run repeatable: weights, dropout masks and the order of the sequences all follow from it
 *        (default {@value #DEFAULT_SEED})
 * @param sequenceLength events per training sequence, each with a target (default {@value #DEFAULT_SEQUENCE_LENGTH})
 * @param windowStride events between the starts of two training sequences of a piece; below
 *        {@code sequenceLength} the sequences overlap (default {@value #DEFAULT_WINDOW_STRIDE})
 * @param heldOutShare share of the pieces kept out of training for validation and evaluation, chosen by piece
 *        name (default {@value #DEFAULT_HELD_OUT_SHARE})
 * @param minEventCount an event label enters a staff's vocabulary when the training pieces hold it at least this
 *        often; rarer ones are replaced by their nearest known event (default {@value #DEFAULT_MIN_EVENT_COUNT})
 * @param augment whether each training window is also learned moved by an octave and with its durations doubled
 *        or halved, one of these forms chosen at random per window and epoch (see {@code Augmentation}); the
 *        held-out pieces are never changed (default {@value #DEFAULT_AUGMENT})
 * @param listening whether each staff's network also reads, at every step, the other staff's sound and the metric
 *        position at the onset it predicts (see {@code OnsetContext}); false gives the published design's two
 *        independent networks (default {@value #DEFAULT_LISTENING})
 * @param learningRateDrops how often a plateau lowers the learning rate instead of stopping: when
 *        {@code patience} epochs bring no lower validation loss, the staff goes back to its best epoch's
 *        parameters and goes on with a step {@value #LEARNING_RATE_DROP} times as large, until the drops are used
 *        up; then early stopping ends it (default {@value #DEFAULT_LEARNING_RATE_DROPS})
 */
public record TrainingConfig(int hiddenSize, double dropout, int denseSize, int eventEmbeddingSize,
                             int durationEmbeddingSize, double learningRate, int batchSize, int epochs, int patience,
                             long seed, int sequenceLength, int windowStride, double heldOutShare,
                             int minEventCount, boolean augment, boolean listening, int learningRateDrops) {

    public static final int DEFAULT_HIDDEN_SIZE = 256;
    public static final double DEFAULT_DROPOUT = 0.3;
    public static final int DEFAULT_DENSE_SIZE = 256;
    public static final int DEFAULT_EVENT_EMBEDDING_SIZE = 64;
    public static final int DEFAULT_DURATION_EMBEDDING_SIZE = 16;
    public static final double DEFAULT_LEARNING_RATE = 0.002;
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final int DEFAULT_EPOCHS = 30;
    public static final int DEFAULT_PATIENCE = 4;
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_SEQUENCE_LENGTH = 100;
    public static final int DEFAULT_WINDOW_STRIDE = 50;
    public static final double DEFAULT_HELD_OUT_SHARE = 0.15;
    public static final int DEFAULT_MIN_EVENT_COUNT = 2;
    public static final boolean DEFAULT_AUGMENT = true;
    public static final boolean DEFAULT_LISTENING = true;
    public static final int DEFAULT_LEARNING_RATE_DROPS = 0;
    /** What each learning-rate drop multiplies the step by. */
    public static final double LEARNING_RATE_DROP = 0.2;
    /** How many numbers a listening network reads besides its own event: {@code OnsetContext.WIDTH}. */
    public static final int CONTEXT_WIDTH = 19;

    public TrainingConfig {
        requireAtLeast("hidden size", hiddenSize, 1);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout is the probability of dropping a unit, in [0, 1), not "
                    + dropout);
        }
        requireAtLeast("dense size", denseSize, 1);
        requireAtLeast("event embedding size", eventEmbeddingSize, 1);
        requireAtLeast("duration embedding size", durationEmbeddingSize, 1);
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], not " + learningRate);
        }
        requireAtLeast("batch size", batchSize, 1);
        requireAtLeast("epochs", epochs, 1);
        requireAtLeast("patience", patience, 1);
        requireAtLeast("sequence length", sequenceLength, 2);
        requireAtLeast("window stride", windowStride, 1);
        if (windowStride > sequenceLength) {
            throw new IllegalArgumentException("window stride " + windowStride + " must not exceed the sequence length "
                    + sequenceLength + " (events between two sequences would never be a target)");
        }
        if (!(heldOutShare > 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException("held-out share must be in (0, 1), not " + heldOutShare);
        }
        requireAtLeast("minimum event count", minEventCount, 1);
        requireAtLeast("learning-rate drops", learningRateDrops, 0);
    }

    /** A configuration of independent networks, as every model before listening networks was. */
    public TrainingConfig(int hiddenSize, double dropout, int denseSize, int eventEmbeddingSize,
                          int durationEmbeddingSize, double learningRate, int batchSize, int epochs, int patience,
                          long seed, int sequenceLength, int windowStride, double heldOutShare, int minEventCount,
                          boolean augment) {
        this(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize, learningRate, batchSize,
                epochs, patience, seed, sequenceLength, windowStride, heldOutShare, minEventCount, augment, false, 0);
    }

    /** A configuration that stops at the first plateau, as every model before learning-rate drops did. */
    public TrainingConfig(int hiddenSize, double dropout, int denseSize, int eventEmbeddingSize,
                          int durationEmbeddingSize, double learningRate, int batchSize, int epochs, int patience,
                          long seed, int sequenceLength, int windowStride, double heldOutShare, int minEventCount,
                          boolean augment, boolean listening) {
        this(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize, learningRate, batchSize,
                epochs, patience, seed, sequenceLength, windowStride, heldOutShare, minEventCount, augment, listening,
                0);
    }

    /** The documented defaults, those of {@code ./segue train} without options. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(DEFAULT_HIDDEN_SIZE, DEFAULT_DROPOUT, DEFAULT_DENSE_SIZE,
                DEFAULT_EVENT_EMBEDDING_SIZE, DEFAULT_DURATION_EMBEDDING_SIZE, DEFAULT_LEARNING_RATE,
                DEFAULT_BATCH_SIZE, DEFAULT_EPOCHS, DEFAULT_PATIENCE, DEFAULT_SEED, DEFAULT_SEQUENCE_LENGTH,
                DEFAULT_WINDOW_STRIDE, DEFAULT_HELD_OUT_SHARE, DEFAULT_MIN_EVENT_COUNT, DEFAULT_AUGMENT,
                DEFAULT_LISTENING, DEFAULT_LEARNING_RATE_DROPS);
    }

    /** DL4J's dropout parameter: the probability of keeping a unit. */
    public double keepProbability() {
        return 1 - dropout;
    }

    public TrainingConfig withHiddenSize(int value) {
        return new TrainingConfig(value, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, epochs, patience, seed, sequenceLength, windowStride, heldOutShare,
                minEventCount, augment, listening, learningRateDrops);
    }

    public TrainingConfig withDropout(double value) {
        return new TrainingConfig(hiddenSize, value, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, epochs, patience, seed, sequenceLength, windowStride, heldOutShare,
                minEventCount, augment, listening, learningRateDrops);
    }

    public TrainingConfig withDenseSize(int value) {
        return new TrainingConfig(hiddenSize, dropout, value, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, epochs, patience, seed, sequenceLength, windowStride, heldOutShare,
                minEventCount, augment, listening, learningRateDrops);
    }

    public TrainingConfig withEmbeddingSizes(int events, int durations) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, events, durations, learningRate, batchSize,
                epochs, patience, seed, sequenceLength, windowStride, heldOutShare, minEventCount, augment, listening,
                learningRateDrops);
    }

    public TrainingConfig withLearningRate(double value) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize, value,
                batchSize, epochs, patience, seed, sequenceLength, windowStride, heldOutShare, minEventCount, augment,
                listening, learningRateDrops);
    }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, value, epochs, patience, seed, sequenceLength, windowStride, heldOutShare,
                minEventCount, augment, listening, learningRateDrops);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, value, patience, seed, sequenceLength, windowStride, heldOutShare,
                minEventCount, augment, listening, learningRateDrops);
    }

    public TrainingConfig withPatience(int value) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, epochs, value, seed, sequenceLength, windowStride, heldOutShare,
                minEventCount, augment, listening, learningRateDrops);
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, epochs, patience, value, sequenceLength, windowStride, heldOutShare,
                minEventCount, augment, listening, learningRateDrops);
    }

    /** Also moves the window stride to half the new length, the default proportion. */
    public TrainingConfig withSequenceLength(int value) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, epochs, patience, seed, value, Math.max(1, value / 2), heldOutShare,
                minEventCount, augment, listening, learningRateDrops);
    }

    public TrainingConfig withWindowStride(int value) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, epochs, patience, seed, sequenceLength, value, heldOutShare,
                minEventCount, augment, listening, learningRateDrops);
    }

    public TrainingConfig withHeldOutShare(double value) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, epochs, patience, seed, sequenceLength, windowStride, value,
                minEventCount, augment, listening, learningRateDrops);
    }

    public TrainingConfig withMinEventCount(int value) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, epochs, patience, seed, sequenceLength, windowStride, heldOutShare,
                value, augment, listening, learningRateDrops);
    }

    public TrainingConfig withAugment(boolean value) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, epochs, patience, seed, sequenceLength, windowStride, heldOutShare,
                minEventCount, value, listening, learningRateDrops);
    }

    public TrainingConfig withListening(boolean value) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, epochs, patience, seed, sequenceLength, windowStride, heldOutShare,
                minEventCount, augment, value, learningRateDrops);
    }

    public TrainingConfig withLearningRateDrops(int value) {
        return new TrainingConfig(hiddenSize, dropout, denseSize, eventEmbeddingSize, durationEmbeddingSize,
                learningRate, batchSize, epochs, patience, seed, sequenceLength, windowStride, heldOutShare,
                minEventCount, augment, listening, value);
    }

    /** The numbers a network reads at every step besides its own event's embeddings: 0 for independent ones. */
    public int contextWidth() {
        return listening ? CONTEXT_WIDTH : 0;
    }

    private static void requireAtLeast(String name, int value, int least) {
        if (value < least) throw new IllegalArgumentException(name + " must be >= " + least + ", not " + value);
    }
}
