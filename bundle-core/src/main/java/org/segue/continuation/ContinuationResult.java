package org.segue.continuation;

import java.util.List;

/**
 * What a {@link ContinuationService} call wrote.
 *
 * @param inputMeasures how many measures the piece had
 * @param addedMeasures how many measures each continuation adds
 * @param millis wall time of the call
 */
public record ContinuationResult(int inputMeasures, int addedMeasures, List<Continuation> continuations,
                                 long millis) {

    public ContinuationResult {
        continuations = List.copyOf(continuations);
    }
}
