package org.segue.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a training run produced.
 *
 * @param modelFile the model file, written atomically: both networks, their vocabularies and the metadata
 * @param trainingPieces the pieces the networks learned from, by name
 * @param heldOutPieces the pieces kept out for validation and evaluation, by name
 * @param staves how each staff's network was trained
 * @param evaluation the new model evaluated on the held-out pieces, next to the baselines
 * @param millis wall time of this run (a resumed run counts only its own part)
 * @param resumed whether this run continued from a checkpoint
 */
public record TrainingResult(Path modelFile, List<String> trainingPieces, List<String> heldOutPieces,
                             Map<Staff, StaffTrainingSummary> staves, EvaluationReport evaluation, long millis,
                             boolean resumed) {

    public TrainingResult {
        Objects.requireNonNull(modelFile, "modelFile");
        trainingPieces = List.copyOf(trainingPieces);
        heldOutPieces = List.copyOf(heldOutPieces);
        staves = Map.copyOf(staves);
    }
}
