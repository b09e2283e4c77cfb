package org.segue.benchmark;

import org.osgi.annotation.versioning.ProviderType;
import org.segue.training.ModelException;

/**
 * Times the two network paths that users wait for, on the shapes of the model shipped with Segue (its treble
 * staff, the larger vocabulary): a training step as {@code segue train} runs it, and a generation step as
 * {@code segue continue} runs it. Each call runs {@code warmup} untimed repetitions, then {@code runs} timed ones.
 */
@ProviderType
public interface BenchmarkService {

    /**
     * The shipped model's treble network and training configuration as a shape.
     *
     * @throws ModelException when this build has no default model
     */
    NetworkShape shippedShape() throws ModelException;

    /**
     * One training step (forward, backward and the optimiser's update) of a new network of {@code shape} on a
     * minibatch of seeded random tokens, with a target at every step, as {@code segue train} runs it; with
     * {@code dl4jLayers}, as DL4J's own {@code ComputationGraph.fit} runs it instead (for comparison).
     */
    Timings trainingStep(NetworkShape shape, int warmup, int runs, boolean dl4jLayers);

    /**
     * One generation step of the shipped treble network for {@code batch} sequences side by side (variations),
     * after priming them with 100 tokens: the next event's and duration's distributions of every sequence.
     *
     * @throws ModelException when this build has no default model
     */
    Timings generationStep(int batch, int warmup, int runs) throws ModelException;
}
