package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code segue calibrate}: fits a model's temperatures on its held-out pieces and writes it calibrated
 * ({@link TrainingService#calibrate}). Only the held-out pieces of each {@code --corpus} folder are read. Prints the
 * calibrated model's evaluation on them, a table or with {@code --json} one JSON object.
 */
@Component(service = Command.class)
public class CalibrateCommand implements Command {

    @Reference
    private ScoreFiles scoreFiles;

    @Reference
    private TrainingService training;

    public CalibrateCommand() {
    }

    CalibrateCommand(ScoreFiles scoreFiles, TrainingService training) {
        this.scoreFiles = scoreFiles;
        this.training = training;
    }

    @Override
    public String name() {
        return "calibrate";
    }

    @Override
    public String usage() {
        return "--out MODEL [--model MODEL] [--corpus DIR ...] [--json]";
    }

    @Override
    public String summary() {
        return "fit the networks' temperatures on a model's held-out pieces (read from the folders it was trained "
                + "on, default " + CorpusReader.DEFAULT_CORPUS + ") and write the model calibrated; evaluate then "
                + "scores it at them, continuations do not change";
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
        Arguments arguments = Arguments.parse(args, Set.of("--json"), Set.of("--model", "--corpus", "--out"))
                .expectPositional();
        Path model = TrainCommand.path(arguments, "--model", null);
        Path calibrated = TrainCommand.path(arguments, "--out", null);
        if (calibrated == null) throw new UsageException("calibrate needs --out MODEL, the file to write");
        if (Files.exists(calibrated)) {
            throw new BadInputException(calibrated + ": exists already; calibrate writes a new model file, pass "
                    + "another --out");
        }
        ProgressBar progress = new ProgressBar(err, ProgressBar.onTerminal());
        EvaluationReport report;
        try {
            Set<String> heldOut = training.heldOutPieces(model);
            if (heldOut.isEmpty()) {
                throw new BadInputException((model == null ? "the default model" : model.toString()) + ": names no "
                        + "held-out pieces (written before models recorded their split), so it cannot be calibrated");
            }
            List<Corpus> corpora = new ArrayList<>();
            for (Path folder : TrainCommand.corpusFolders(arguments)) {
                Set<String> others = namesOutside(folder, heldOut);
                corpora.add(CorpusReader.read(folder, new CorpusReader.Sample(CorpusReader.Sample.ALL, 0, others),
                        scoreFiles, err, name()));
            }
            report = training.calibrate(model, corpora, calibrated, progress);
        } catch (ModelException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        out.println(arguments.flag("--json") ? report.toJson() : report.toTable().stripTrailing());
    }

    /**
     * The names of the folder's score files that are not held-out pieces, so that only those are read.
     *
     * @throws BadInputException when the folder is missing, holds no score file or none of the held-out pieces
     */
    private Set<String> namesOutside(Path folder, Set<String> heldOut) throws BadInputException {
        List<String> names = CorpusReader.scoreFilesIn(folder, scoreFiles.readableExtensions()).stream()
                .map(f -> f.getFileName().toString()).toList();
        if (names.stream().noneMatch(heldOut::contains)) {
            throw new BadInputException(folder + ": holds none of the model's " + heldOut.size() + " held-out "
                    + "pieces; pass the folders the model was trained on with --corpus");
        }
        return Set.copyOf(names.stream().filter(n -> !heldOut.contains(n)).toList());
    }
}
