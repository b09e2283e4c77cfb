package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.musicxml.ScoreFiles;
import org.segue.training.Corpus;
import org.segue.training.DatasetSummary;
import org.segue.training.ModelException;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;
import org.segue.training.TrainingService;

/**
 * {@code segue dataset}: writes the preprocessed corpus for inspection: {@code treble.csv}, {@code bass.csv}, the
 * vocabularies and the split, as the training would see them.
 */
@Component(service = Command.class)
public class DatasetCommand implements Command {

    @Reference
    private ScoreFiles scoreFiles;

    @Reference
    private TrainingService training;

    public DatasetCommand() {
    }

    DatasetCommand(ScoreFiles scoreFiles, TrainingService training) {
        this.scoreFiles = scoreFiles;
        this.training = training;
    }

    @Override
    public String name() {
        return "dataset";
    }

    @Override
    public String usage() {
        return "--out DIR [--corpus DIR] [--max-pieces N] [--seed S] [--held-out SHARE] [--min-count N]";
    }

    @Override
    public String summary() {
        return "write the treble and bass event tables (treble.csv, bass.csv), the vocabularies and the split of a "
                + "corpus";
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of("--out", "--corpus", "--held-out",
                "--min-count", "--max-pieces", "--seed")).expectPositional();
        Path folder = TrainCommand.path(arguments, "--out", null);
        if (folder == null) throw new UsageException("missing --out DIR");
        TrainingConfig config = TrainCommand.config(arguments);
        CorpusReader.Sample sample = new CorpusReader.Sample(TrainCommand.maxPieces(arguments), config.seed(),
                Set.of());
        Corpus corpus = CorpusReader.read(TrainCommand.path(arguments, "--corpus", CorpusReader.DEFAULT_CORPUS),
                sample, scoreFiles, err, name());
        DatasetSummary summary;
        try {
            summary = training.writeDataset(corpus, config, folder);
        } catch (ModelException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        out.println("wrote " + summary.files().size() + " files to " + summary.folder() + ": " + corpus.pieces().size()
                + " pieces (" + summary.trainingPieces().size() + " training, " + summary.heldOutPieces().size()
                + " held out)");
        for (Staff staff : Staff.values()) {
            out.println(staff.label() + ": " + summary.rows().getOrDefault(staff, 0) + " events, "
                    + summary.eventVocabularySizes().getOrDefault(staff, 0) + " event labels, "
                    + summary.durationVocabularySizes().getOrDefault(staff, 0) + " duration categories");
        }
    }
}
