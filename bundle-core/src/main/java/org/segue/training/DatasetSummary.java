package org.segue.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link TrainingService#writeDataset} wrote.
 *
 * @param folder where the files are
 * @param files every file written: {@code treble.csv}, {@code bass.csv}, the vocabularies and {@code split.csv}
 * @param rows events written per staff (one row each)
 * @param eventVocabularySizes distinct event labels per staff's vocabulary (from the training pieces)
 * @param durationVocabularySizes distinct duration categories per staff's vocabulary
 */
public record DatasetSummary(Path folder, List<Path> files, List<String> trainingPieces, List<String> heldOutPieces,
                             Map<Staff, Integer> rows, Map<Staff, Integer> eventVocabularySizes,
                             Map<Staff, Integer> durationVocabularySizes) {

    public DatasetSummary {
        files = List.copyOf(files);
        trainingPieces = List.copyOf(trainingPieces);
        heldOutPieces = List.copyOf(heldOutPieces);
        rows = Map.copyOf(rows);
        eventVocabularySizes = Map.copyOf(eventVocabularySizes);
        durationVocabularySizes = Map.copyOf(durationVocabularySizes);
    }
}
