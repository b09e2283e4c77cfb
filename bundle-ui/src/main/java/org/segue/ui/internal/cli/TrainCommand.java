package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
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
            "--held-out", "--min-count", "--max-pieces", "--lr-drops");

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
        return "[--corpus DIR ...] [--max-pieces N] [--out MODEL] [--epochs N] [--seed S] [--resume] [--hidden N] "
                + "[--dense N] [--dropout P] [--learning-rate R] [--batch N] [--patience N] [--lr-drops N] "
                + "[--sequence-length N] [--stride N] [--held-out SHARE] [--min-count N] [--no-augment] "
                + "[--independent]";
    }

    @Override
    public String summary() {
        return "train the treble and bass networks on one or more folders of scores (default "
                + CorpusReader.DEFAULT_CORPUS + ") into one model file (default " + DEFAULT_MODEL + ")";
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
        Arguments arguments = Arguments.parse(args, Set.of("--resume", "--no-augment", "--independent"), VALUED)
                .expectPositional();
        TrainingConfig config = config(arguments);
        Path model = path(arguments, "--out", DEFAULT_MODEL);
        CorpusReader.Sample sample = new CorpusReader.Sample(maxPieces(arguments), config.seed(), Set.of());
        List<Corpus> corpora = new ArrayList<>();
        for (Path folder : corpusFolders(arguments)) corpora.add(read(folder, sample, err));
        ProgressBar progress = new ProgressBar(err, ProgressBar.onTerminal());
        TrainingResult result;
        try {
            result = training.train(corpora, config, model, arguments.flag("--resume"), progress);
        } catch (ModelException e) {
            progress.endLine();
            throw new BadInputException(e.getMessage(), e);
        }
        progress.endLine();
        out.println(report(result));
    }

    /** Every {@code --corpus} given, in order, or the default corpus. */
    static List<Path> corpusFolders(Arguments a) throws UsageException {
        List<Path> folders = new ArrayList<>();
        for (String text : a.values("--corpus")) {
            try {
                folders.add(Path.of(text));
            } catch (InvalidPathException e) {
                throw new UsageException("--corpus '" + text + "' is not a path: " + e.getReason());
            }
        }
        return folders.isEmpty() ? List.of(CorpusReader.DEFAULT_CORPUS) : folders;
    }

    /** {@code --max-pieces N}: the most pieces taken from each corpus; every piece when not given. */
    static int maxPieces(Arguments a) throws UsageException {
        return OptionValues.intValue(a, "--max-pieces", CorpusReader.Sample.ALL, 1, 1_000_000);
    }

    private Corpus read(Path folder, CorpusReader.Sample sample, PrintStream err) throws BadInputException {
        Corpus corpus = CorpusReader.read(folder, sample, scoreFiles, err, name());
        if (sample.maxPieces() != CorpusReader.Sample.ALL) {
            err.println("segue train: " + folder + ": " + corpus.pieces().size() + " pieces read (--max-pieces "
                    + sample.maxPieces() + ", chosen by --seed " + sample.seed() + ")");
        }
        return corpus;
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
                    .withLearningRateDrops(OptionValues.intValue(a, "--lr-drops", d.learningRateDrops(), 0, 10))
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
