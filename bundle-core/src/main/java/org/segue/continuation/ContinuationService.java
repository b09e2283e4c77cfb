package org.segue.continuation;

import org.osgi.annotation.versioning.ProviderType;
import org.segue.model.Score;
import org.segue.training.ModelException;

/**
 * Continues a piece: the part to continue (the first two-staff part, else the first part) gets new measures,
 * its treble staff written by the treble network and its bass staff by the bass network, generated in step by
 * time so that both staves end together at every bar line. Other parts rest in the new measures.
 *
 * <p>Thread-safe: every call keeps its own recurrent state, so many threads may call at once; the same request
 * always gives the same result.
 */
@ProviderType
public interface ContinuationService {

    /**
     * Writes {@code request.variations()} continuations of {@code score}.
     *
     * @throws ModelException when the requested model file cannot be read (one line naming it)
     * @throws IllegalArgumentException when the score has no measures to continue, or the target key cannot be
     *         written (the message says which)
     */
    ContinuationResult continueScore(Score score, ContinuationRequest request) throws ModelException;

    /**
     * A request with this service's configured defaults (bars, top-k values, temperature, harmony, seed; no target
     * key or tempo), which callers start from and change where their user says otherwise. Its {@code model} is
     * null: {@link #continueScore} then uses the configured model, or the shipped one.
     *
     * @since 1.1
     */
    default ContinuationRequest defaults() {
        return ContinuationRequest.of(ContinuationRequest.DEFAULT_BARS);
    }

    /**
     * Starts loading the model a following {@link #continueScore} call will use ({@code model} null: the shipped
     * one) in the background and returns at once, so that reading the model overlaps whatever the caller does
     * meanwhile (reading the piece). A model that cannot be read is reported by {@code continueScore}.
     *
     * @since 1.1
     */
    default void preload(java.nio.file.Path model) {
    }
}
