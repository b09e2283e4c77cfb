package org.segue.training;

import java.util.Objects;

import org.segue.model.Score;

/**
 * One piece of a corpus.
 *
 * @param name identifies the piece in the split that a model records, so use the same name for the same piece
 *        every time (the command line uses the file name, like {@code chpn-p1.mid})
 */
public record CorpusPiece(String name, Score score) {

    public CorpusPiece {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a corpus piece needs a name");
        Objects.requireNonNull(score, "score of piece " + name);
    }
}
