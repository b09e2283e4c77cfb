package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.musicxml.ScoreFiles;
import org.segue.training.Corpus;
import org.segue.training.ModelException;
import org.segue.training.StaffTrainingSummary;
import org.segue.training.TrainingConfig;
import org.segue.training.TrainingResult;
import org.segue.training.TrainingService;

/**
 * {@code segue train}: trains both staves' networks on a corpus folder and writes one model file, with a progress
 * bar on stderr. Every hyperparameter has an option; unset ones keep {@link TrainingConfig#defaults()}. At the end
 * it prints where the model went and its evaluation on the held-out pieces.
 */
@Component(service = Command.class)
public class TrainCommand implements Command {

    static final Path DEFAULT_MODEL = Path.of("model.segue-model");
    private static final Set<String> VALUED = Set.of("--corpus", "--out", "--epochs", "--seed", "--hidden",
            "--dense", "--dropout", "--learning-rate", "--batch", "--patience", "--sequence-length", "--stride",
            "--held-out", "--min-count");

    @Reference
    private ScoreFiles scoreFiles;

    @Reference
    private TrainingService training;

    public TrainCommand() {
    }

    TrainCommand(ScoreFiles scoreFiles, TrainingService training) {
        this.scoreFiles = scoreFiles;
        this.training = training;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return "[--corpus DIR] [--out MODEL] [--epochs N] [--seed S] [--resume] [--hidden N] [--dense N] "
                + "[--dropout P] [--learning-rate R] [--batch N] [--patience N] [--sequence-length N] [--stride N] "
                + "[--held-out SHARE] [--min-count N] [--no-augment] [--independent]";
    }

    @Override
    public String summary() {
        return "train the treble and bass networks on a folder of scores (default " + CorpusReader.DEFAULT_CORPUS
                + ") into one model file (default " + DEFAULT_MODEL + ")";
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
        Arguments arguments = Arguments.parse(args, Set.of("--resume", "--no-augment", "--independent"), VALUED).expectPositional();
        TrainingConfig config = config(arguments);
        Path corpusFolder = path(arguments, "--corpus", CorpusReader.DEFAULT_CORPUS);
        Path model = path(arguments, "--out", DEFAULT_MODEL);
        Corpus corpus = CorpusReader.read(corpusFolder, scoreFiles, err, name());
        ProgressBar progress = new ProgressBar(err, ProgressBar.onTerminal());
        TrainingResult result;
        try {
            result = training.train(corpus, config, model, arguments.flag("--resume"), progress);
        } catch (ModelException e) {
            progress.endLine();
            throw new BadInputException(e.getMessage(), e);
        }
        progress.endLine();
        out.println(report(result));
    }

    static TrainingConfig config(Arguments a) throws UsageException {
        TrainingConfig d = TrainingConfig.defaults();
        try {
            TrainingConfig c = d.withEpochs(OptionValues.intValue(a, "--epochs", d.epochs(), 1, 100_000))
                    .withSeed(OptionValues.longValue(a, "--seed", d.seed()))
                    .withHiddenSize(OptionValues.intValue(a, "--hidden", d.hiddenSize(), 1, 4096))
                    .withDenseSize(OptionValues.intValue(a, "--dense", d.denseSize(), 1, 4096))
                    .withDropout(OptionValues.doubleValue(a, "--dropout", d.dropout(), 0, 0.95))
                    .withLearningRate(OptionValues.doubleValue(a, "--learning-rate", d.learningRate(), 1e-6, 1))
                    .withBatchSize(OptionValues.intValue(a, "--batch", d.batchSize(), 1, 4096))
                    .withPatience(OptionValues.intValue(a, "--patience", d.patience(), 1, 100_000))
                    .withSequenceLength(OptionValues.intValue(a, "--sequence-length", d.sequenceLength(), 2, 10_000))
                    .withHeldOutShare(OptionValues.doubleValue(a, "--held-out", d.heldOutShare(), 0.01, 0.9))
                    .withMinEventCount(OptionValues.intValue(a, "--min-count", d.minEventCount(), 1, 1_000_000))
                    .withAugment(!a.flag("--no-augment"))
                    .withListening(!a.flag("--independent"));
            // a new sequence length moves the stride to half of it unless --stride says otherwise
            return c.withWindowStride(OptionValues.intValue(a, "--stride", c.windowStride(), 1, 10_000));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static Path path(Arguments a, String option, Path fallback) throws UsageException {
        String text = OptionValues.last(a, option);
        if (text == null) return fallback;
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " '" + text + "' is not a path: " + e.getReason());
        }
    }

    static String report(TrainingResult r) {
        StringBuilder s = new StringBuilder();
        s.append("model written to ").append(r.modelFile()).append(String.format(Locale.ROOT,
                " in %s; trained on %d pieces, held out %d: %s%n", ProgressBar.time(r.millis()),
                r.trainingPieces().size(), r.heldOutPieces().size(), String.join(", ", r.heldOutPieces())));
        for (StaffTrainingSummary st : r.staves().values().stream()
                .sorted(java.util.Comparator.comparing(StaffTrainingSummary::staff)).toList()) {
            s.append(String.format(Locale.ROOT, "%s: %d epochs%s, kept epoch %d (validation loss %.4f); %d event "
                            + "labels, %d duration categories%n", st.staff().label(), st.epochsRun(),
                    st.stoppedEarly() ? " (stopped early)" : "", st.bestEpoch(), st.bestValidationLoss(),
                    st.eventVocabularySize(), st.durationVocabularySize()));
        }
        return s.append(r.evaluation().toTable()).toString().stripTrailing();
    }
}
