package org.segue.ui.internal.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.segue.training.Corpus;
import org.segue.training.DatasetSummary;
import org.segue.training.EpochSummary;
import org.segue.training.EvaluationReport;
import org.segue.training.HeadEvaluation;
import org.segue.training.ModelException;
import org.segue.training.Staff;
import org.segue.training.StaffEvaluation;
import org.segue.training.StaffTrainingSummary;
import org.segue.training.TrainingConfig;
import org.segue.training.TrainingListener;
import org.segue.training.TrainingProgress;
import org.segue.training.TrainingResult;
import org.segue.training.TrainingService;

/** A training service that records its calls, reports a little progress and returns canned results. */
final class FakeTrainingService implements TrainingService {

    Corpus corpus;
    TrainingConfig config;
    Path model;
    boolean resume;
    Path folder;
    String refusal;

    static EvaluationReport report(String model) {
        HeadEvaluation events = new HeadEvaluation(100, 3, 50, 3.1, 3.5, 4.0, 0.25, 0.5);
        HeadEvaluation durations = new HeadEvaluation(100, 0, 10, 0.9, 1.1, 1.8, 0.6, 0.95);
        return new EvaluationReport(model, "corpus", List.of("b.mid"), true, 3,
                Map.of(Staff.TREBLE, new StaffEvaluation(Staff.TREBLE, events, durations),
                        Staff.BASS, new StaffEvaluation(Staff.BASS, events, durations)));
    }

    @Override
    public TrainingResult train(Corpus corpus, TrainingConfig config, Path modelFile, boolean resume,
                                TrainingListener listener) throws ModelException {
        this.corpus = corpus;
        this.config = config;
        this.model = modelFile;
        this.resume = resume;
        if (refusal != null) throw new ModelException(refusal);
        listener.onMessage("treble: training");
        listener.onBatch(new TrainingProgress(Staff.TREBLE, 1, 2, 1, 2, 5.5, Double.NaN, 1000, 3000));
        listener.onBatch(new TrainingProgress(Staff.TREBLE, 1, 2, 2, 2, 5.0, Double.NaN, 2000, 2000));
        listener.onEpoch(new EpochSummary(Staff.TREBLE, 1, 5.2, 5.4, 4.3, 1.1, true, 2100),
                new TrainingProgress(Staff.TREBLE, 1, 2, 2, 2, 5.0, 5.4, 2100, 1900));
        StaffTrainingSummary summary = new StaffTrainingSummary(Staff.TREBLE, 100, 20, 50, 10, 1, 5.4, false,
                List.of());
        return new TrainingResult(modelFile, List.of("a.mid"), List.of("b.mid"),
                Map.of(Staff.TREBLE, summary, Staff.BASS, new StaffTrainingSummary(Staff.BASS, 90, 20, 40, 9, 1,
                        5.1, true, List.of())), report(modelFile.toString()), 4000, resume);
    }

    @Override
    public EvaluationReport evaluate(Path modelFile, Corpus corpus) throws ModelException {
        this.model = modelFile;
        this.corpus = corpus;
        if (refusal != null) throw new ModelException(refusal);
        return report(modelFile == null ? "default model" : modelFile.toString());
    }

    @Override
    public DatasetSummary writeDataset(Corpus corpus, TrainingConfig config, Path folder) throws ModelException {
        this.corpus = corpus;
        this.config = config;
        this.folder = folder;
        if (refusal != null) throw new ModelException(refusal);
        return new DatasetSummary(folder, List.of(folder.resolve("treble.csv"), folder.resolve("bass.csv")),
                List.of("a.mid"), List.of("b.mid"), Map.of(Staff.TREBLE, 10, Staff.BASS, 8),
                Map.of(Staff.TREBLE, 5, Staff.BASS, 4), Map.of(Staff.TREBLE, 3, Staff.BASS, 2));
    }
}
