package org.segue.core.internal.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.segue.core.internal.evaluation.Evaluator;
import org.segue.core.internal.model.SegueModel;
import org.segue.training.Corpus;
import org.segue.training.DatasetSummary;
import org.segue.training.EvaluationReport;
import org.segue.training.ModelException;
import org.segue.training.TrainingConfig;
import org.segue.training.TrainingListener;
import org.segue.training.TrainingResult;
import org.segue.training.TrainingService;

/** The {@link TrainingService} component. Calls may overlap; each training run works on its own networks. */
@Component(service = TrainingService.class)
public class TrainingComponent implements TrainingService {

    @Override
    public TrainingResult train(List<Corpus> corpora, TrainingConfig config, Path modelFile, boolean resume,
                                TrainingListener listener) throws ModelException {
        return new TrainingRun(corpora, config, modelFile, listener).run(resume);
    }

    @Override
    public Set<String> trainingPieces(Path modelFile) throws ModelException {
        return SegueModel.loadOrDefault(modelFile).metadata().trainedPieceNames();
    }

    @Override
    public Set<String> heldOutPieces(Path modelFile) throws ModelException {
        return SegueModel.loadOrDefault(modelFile).metadata().heldOutPieceNames();
    }

    @Override
    public EvaluationReport calibrate(Path modelFile, List<Corpus> corpora, Path out, TrainingListener listener)
            throws ModelException {
        return Calibration.calibrate(SegueModel.loadOrDefault(modelFile), corpora, out,
                listener == null ? TrainingListener.NONE : listener);
    }

    @Override
    public EvaluationReport evaluate(Path modelFile, Corpus corpus) throws ModelException {
        return Evaluator.evaluate(SegueModel.loadOrDefault(modelFile), corpus);
    }

    @Override
    public DatasetSummary writeDataset(Corpus corpus, TrainingConfig config, Path folder) throws ModelException {
        return DatasetWriter.write(corpus, config, folder);
    }
}
