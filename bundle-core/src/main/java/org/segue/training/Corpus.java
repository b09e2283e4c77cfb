package org.segue.training;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pieces a model learns from or is evaluated on.
 *
 * @param name how the corpus is known, for the model's metadata and messages (the command line uses the folder)
 * @param pieces at least one, with distinct names
 */
public record Corpus(String name, List<CorpusPiece> pieces) {

    public Corpus {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a corpus needs a name");
        pieces = List.copyOf(pieces);
        if (pieces.isEmpty()) throw new IllegalArgumentException("corpus " + name + " has no pieces");
        Set<String> names = new HashSet<>();
        for (CorpusPiece piece : pieces) {
            if (!names.add(piece.name())) {
                throw new IllegalArgumentException("corpus " + name + " has two pieces named " + piece.name());
            }
        }
    }

    /** The pieces' names, in the corpus's order. */
    public List<String> pieceNames() {
        return pieces.stream().map(CorpusPiece::name).toList();
    }
}
