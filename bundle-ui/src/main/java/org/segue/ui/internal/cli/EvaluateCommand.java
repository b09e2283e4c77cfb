package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.musicxml.ScoreFiles;
import org.segue.training.Corpus;
import org.segue.training.EvaluationReport;
import org.segue.training.ModelException;
import org.segue.training.TrainingConfig;
import org.segue.training.TrainingService;

/**
 * {@code segue evaluate}: a model's cross-entropy, perplexity and top-1/top-5 accuracy per staff and head, next to
 * every n-gram baseline, the best of them and the ratio network / best, on the pieces of a corpus the model was not
 * trained on (with {@code --max-pieces N}, N of them chosen by {@code --seed}). A table ending in a one-line
 * summary, or with {@code --json} one JSON object ({@link EvaluationReport#toJson()}).
 */
@Component(service = Command.class)
public class EvaluateCommand implements Command {

    @Reference
    private ScoreFiles scoreFiles;

    @Reference
    private TrainingService training;

    public EvaluateCommand() {
    }

    EvaluateCommand(ScoreFiles scoreFiles, TrainingService training) {
        this.scoreFiles = scoreFiles;
        this.training = training;
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return "[--model MODEL] [--corpus DIR] [--max-pieces N] [--seed S] [--json]";
    }

    @Override
    public String summary() {
        return "score a model (default: the shipped one) against n-gram baselines and the best of them on the pieces "
                + "of a corpus (default " + CorpusReader.DEFAULT_CORPUS + ") it was not trained on";
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
        Arguments arguments = Arguments.parse(args, Set.of("--json"), Set.of("--model", "--corpus", "--max-pieces",
                "--seed")).expectPositional();
        Path model = TrainCommand.path(arguments, "--model", null);
        Path folder = TrainCommand.path(arguments, "--corpus", CorpusReader.DEFAULT_CORPUS);
        int maxPieces = TrainCommand.maxPieces(arguments);
        long seed = OptionValues.longValue(arguments, "--seed", TrainingConfig.defaults().seed());
        EvaluationReport report;
        try {
            // a sample is drawn among the pieces the model did not learn, so that it holds N of them
            CorpusReader.Sample sample = maxPieces == CorpusReader.Sample.ALL ? CorpusReader.Sample.EVERY_FILE
                    : new CorpusReader.Sample(maxPieces, seed, training.trainingPieces(model));
            Corpus corpus = CorpusReader.read(folder, sample, scoreFiles, err, name());
            report = training.evaluate(model, corpus);
        } catch (ModelException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        out.println(arguments.flag("--json") ? report.toJson() : report.toTable().stripTrailing());
    }
}
