package org.segue.continuation;

import org.segue.model.Score;

/**
 * One continuation of a piece.
 *
 * @param seed the seed it was drawn with; a request with this seed and one variation gives it again
 * @param newBars only the added measures (every part, numbered as in the whole piece), with the key, time
 *        signature, clefs and tempo in force, so they stand alone
 * @param wholePiece the piece exactly as it was, then the added measures
 */
public record Continuation(long seed, Score newBars, Score wholePiece, ContinuationReport report) {
}
