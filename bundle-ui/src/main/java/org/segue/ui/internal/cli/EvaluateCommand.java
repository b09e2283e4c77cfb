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
import org.segue.training.TrainingService;

/**
 * {@code segue evaluate}: a model's cross-entropy, perplexity and top-1/top-5 accuracy per staff and head, next to
 * every n-gram baseline, the best of them and the ratio network / best, on the pieces of a corpus the model was not
 * trained on. A table ending in a one-line summary, or with {@code --json} one JSON object
 * ({@link EvaluationReport#toJson()}).
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
        return "[--model MODEL] [--corpus DIR] [--json]";
    }

    @Override
    public String summary() {
        return "score a model (default: the shipped one) against n-gram baselines and the best of them on the pieces "
                + "of a corpus (default " + CorpusReader.DEFAULT_CORPUS + ") it was not trained on";
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
        Arguments arguments = Arguments.parse(args, Set.of("--json"), Set.of("--model", "--corpus"))
                .expectPositional();
        Path model = TrainCommand.path(arguments, "--model", null);
        Corpus corpus = CorpusReader.read(TrainCommand.path(arguments, "--corpus", CorpusReader.DEFAULT_CORPUS),
                scoreFiles, err, name());
        EvaluationReport report;
        try {
            report = training.evaluate(model, corpus);
        } catch (ModelException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        out.println(arguments.flag("--json") ? report.toJson() : report.toTable().stripTrailing());
    }
}
