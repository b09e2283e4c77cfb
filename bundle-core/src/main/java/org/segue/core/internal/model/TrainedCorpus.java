package org.segue.core.internal.model;

import java.util.List;
import java.util.Objects;

/**
 * One corpus of those a model trained on, with its own split.
 *
 * @param name the corpus's short name (its folder's name, like {@code chopin-midi}); pieces of a model trained on
 *        several corpora are named {@code name/piece} in the model's flat lists
 * @param path where it was read from, as given to the training
 * @param trainingPieces its pieces the networks learned from, by their names in the corpus (file names)
 * @param heldOutPieces its pieces held out for validation, by their names in the corpus
 */
public record TrainedCorpus(String name, String path, List<String> trainingPieces, List<String> heldOutPieces) {

    public TrainedCorpus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        trainingPieces = List.copyOf(trainingPieces);
        heldOutPieces = List.copyOf(heldOutPieces);
    }
}
