package org.segue.core.internal.model;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.segue.core.internal.network.Temperatures;
import org.segue.core.internal.preprocess.PreparedCorpus;
import org.segue.training.Staff;
import org.segue.training.StaffTrainingSummary;
import org.segue.training.TrainingConfig;

/**
 * What a model file says about itself ({@code segue-model.json} in the file).
 *
 * @param formatVersion the model file layout; readers refuse layouts newer than theirs
 * @param created when training finished, ISO-8601 in UTC
 * @param segueVersion the version of Segue that trained it
 * @param dl4jVersion the DL4J version that trained it
 * @param corpus the training corpus's name (several joined by {@code " + "})
 * @param trainingPieces the pieces trained on, by name ({@code corpus/piece} when there were several corpora)
 * @param heldOutPieces the pieces held out for validation, by name (the same way)
 * @param config every hyperparameter of the run
 * @param staves how each staff was trained
 * @param trainingMillis wall time of the training, all resumed parts added
 * @param evaluationJson the held-out evaluation made right after training, as JSON (empty when none)
 * @param corpora each training corpus with its own split; models written before there could be several have one,
 *        made from the fields above
 * @param temperatures each staff's calibration, fitted on the held-out pieces after training (see
 *        {@link Temperatures}); a staff without one (every staff of models written before) has {@link
 *        Temperatures#NONE}
 */
public record ModelMetadata(int formatVersion, String created, String segueVersion, String dl4jVersion,
                            String corpus, List<String> trainingPieces, List<String> heldOutPieces,
                            TrainingConfig config, Map<Staff, StaffTrainingSummary> staves, long trainingMillis,
                            String evaluationJson, List<TrainedCorpus> corpora,
                            Map<Staff, Temperatures> temperatures) {

    public static final int FORMAT_VERSION = 1;

    public ModelMetadata {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(config, "config");
        trainingPieces = List.copyOf(trainingPieces);
        heldOutPieces = List.copyOf(heldOutPieces);
        staves = staves.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(staves));
        segueVersion = segueVersion == null ? "unknown" : segueVersion;
        dl4jVersion = dl4jVersion == null ? "unknown" : dl4jVersion;
        evaluationJson = evaluationJson == null ? "" : evaluationJson;
        corpora = corpora == null || corpora.isEmpty()
                ? List.of(new TrainedCorpus(PreparedCorpus.shortName(corpus), corpus, trainingPieces, heldOutPieces))
                : List.copyOf(corpora);
        temperatures = temperatures == null || temperatures.isEmpty() ? Map.of()
                : Map.copyOf(new EnumMap<>(temperatures));
    }

    /** Metadata of a model trained on one corpus. */
    public ModelMetadata(int formatVersion, String created, String segueVersion, String dl4jVersion, String corpus,
                         List<String> trainingPieces, List<String> heldOutPieces, TrainingConfig config,
                         Map<Staff, StaffTrainingSummary> staves, long trainingMillis, String evaluationJson) {
        this(formatVersion, created, segueVersion, dl4jVersion, corpus, trainingPieces, heldOutPieces, config, staves,
                trainingMillis, evaluationJson, List.of(), Map.of());
    }

    /** The calibration of a staff's two heads; {@link Temperatures#NONE} where none was fitted. */
    public Temperatures temperatures(Staff staff) {
        return temperatures.getOrDefault(staff, Temperatures.NONE);
    }

    /** The same metadata with these temperatures and this evaluation (a model calibrated after its training). */
    public ModelMetadata calibrated(Map<Staff, Temperatures> fitted, String evaluation) {
        return new ModelMetadata(formatVersion, created, segueVersion, dl4jVersion, corpus, trainingPieces,
                heldOutPieces, config, staves, trainingMillis, evaluation, corpora, fitted);
    }

    /** The names of the pieces held out for validation, as each corpus names them, all corpora. */
    public Set<String> heldOutPieceNames() {
        Set<String> names = new LinkedHashSet<>();
        for (TrainedCorpus c : corpora) names.addAll(c.heldOutPieces());
        return names;
    }

    /** The names of the pieces the networks learned from, as each corpus names them (file names), all corpora. */
    public Set<String> trainedPieceNames() {
        Set<String> names = new LinkedHashSet<>();
        for (TrainedCorpus c : corpora) names.addAll(c.trainingPieces());
        return names;
    }
}
