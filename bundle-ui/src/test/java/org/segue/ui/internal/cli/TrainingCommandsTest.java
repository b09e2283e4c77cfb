package org.segue.ui.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;
import org.segue.training.TrainingConfig;

class TrainingCommandsTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final FakeTrainingService service = new FakeTrainingService();
    private final ScoreFiles files = new RefusingBadFiles();
    private Path corpus;

    /** Reads every file as the same piano piece, except files with "bad" in their name. */
    private static final class RefusingBadFiles implements ScoreFiles {
        @Override
        public Set<String> readableExtensions() {
            return Set.of("mid", "musicxml");
        }

        @Override
        public Set<String> writableExtensions() {
            return readableExtensions();
        }

        @Override
        public Score read(Path file) throws ScoreFileException {
            if (file.getFileName().toString().contains("bad")) {
                throw new ScoreFileException(file.toString(), null, "not a Standard MIDI File");
            }
            return Scores.pianoPiece(file.getFileName().toString());
        }

        @Override
        public Score read(InputStream in, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(Score score, Path file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(Score score, OutputStream out, String name) {
            throw new UnsupportedOperationException();
        }
    }

    @BeforeEach
    void corpusFolder() throws Exception {
        corpus = Files.createDirectory(folder.resolve("corpus"));
        for (String name : List.of("b.mid", "a.musicxml", "bad.mid", "notes.txt")) {
            Files.writeString(corpus.resolve(name), "x");
        }
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainReadsTheCorpusFolderAndPassesEveryOption() throws Exception {
        Path model = folder.resolve("m.segue-model");
        new TrainCommand(files, service).run(List.of("--corpus", corpus.toString(), "--out", model.toString(),
                "--epochs", "2", "--seed", "9", "--hidden", "16", "--dropout", "0.2", "--batch", "8",
                "--sequence-length", "40", "--resume"), out, err);
        assertThat(service.corpus.pieceNames()).containsExactly("a.musicxml", "b.mid");
        assertThat(service.corpus.name()).isEqualTo(corpus.toString());
        assertThat(service.config).isEqualTo(TrainingConfig.defaults().withEpochs(2).withSeed(9).withHiddenSize(16)
                .withDropout(0.2).withBatchSize(8).withSequenceLength(40));
        assertThat(service.config.windowStride()).isEqualTo(20);
        assertThat(service.model).isEqualTo(model);
        assertThat(service.resume).isTrue();
        assertThat(out()).startsWith("model written to " + model).contains("treble: 0 epochs",
                "bass: 0 epochs (stopped early)", "staff   head");
    }

    @Test
    void aRefusedFileIsOneWarningLineAndTheOthersGoOn() throws Exception {
        new TrainCommand(files, service).run(List.of("--corpus", corpus.toString()), out, err);
        assertThat(err()).contains("segue train: warning: leaving out " + corpus.resolve("bad.mid")
                + ": not a Standard MIDI File\n");
        assertThat(service.corpus.pieces()).hasSize(2);
        assertThat(service.model).isEqualTo(Path.of("model.segue-model"));
    }

    @Test
    void progressGoesToStderrAsPlainLinesWhenNotOnATerminal() throws Exception {
        new TrainCommand(files, service).run(List.of("--corpus", corpus.toString()), out, err);
        assertThat(err()).contains("treble: training\n", "treble epoch 1/2 [", "batch 1/2 loss 5.500",
                "treble epoch 1/2: training loss 5.2000, validation loss 5.4000 (events 4.3000, durations 1.1000), "
                        + "best so far (2s)\n")
                .doesNotContain("\r");
    }

    @Test
    void onATerminalTheProgressIsOneLineRewrittenInPlace() {
        ProgressBar bar = new ProgressBar(err, true);
        bar.onBatch(new org.segue.training.TrainingProgress(org.segue.training.Staff.BASS, 3, 10, 4, 8, 4.25,
                4.5, 65_000, 3_725_000));
        bar.onMessage("done");
        assertThat(err()).isEqualTo("\rbass   epoch 3/10 [##########..........] batch 4/8 loss 4.250 val 4.500 | "
                + "1m05s elapsed, 1h02m left\ndone\n");
    }

    @Test
    void aTrainingRefusalIsOneLine() {
        service.refusal = "corpus x has 1 piece; training needs at least 2";
        assertThatThrownBy(() -> new TrainCommand(files, service).run(List.of("--corpus", corpus.toString()), out,
                err)).isInstanceOf(BadInputException.class).hasMessage(service.refusal);
    }

    @Test
    void aMissingCorpusFolderIsOneLine() {
        assertThatThrownBy(() -> new TrainCommand(files, service).run(List.of("--corpus",
                folder.resolve("nowhere").toString()), out, err)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("nowhere: no such folder; pass a folder of MusicXML or MIDI files with --corpus");
    }

    @Test
    void aBadOptionValueIsAUsageError() {
        assertThatThrownBy(() -> new TrainCommand(files, service).run(List.of("--dropout", "1.5"), out, err))
                .isInstanceOf(UsageException.class).hasMessageContaining("--dropout must be a number from 0.0 to 0.95");
        assertThatThrownBy(() -> new TrainCommand(files, service).run(List.of("--stride", "500"), out, err))
                .isInstanceOf(UsageException.class).hasMessageContaining("window stride 500");
    }

    @Test
    void evaluatePrintsATableOrOneJsonObjectAndUsesTheDefaultModelWithoutModel() throws Exception {
        new EvaluateCommand(files, service).run(List.of("--corpus", corpus.toString(), "--json"), out, err);
        assertThat(service.model).isNull();
        assertThat(out()).startsWith("{\"model\":\"default model\",\"corpus\":\"corpus\"")
                .contains("\"treble\":{\"events\":{\"lstm\":3.100000,\"ngram\":3.500000,\"unigram\":4.000000,"
                        + "\"top1\":0.250000,\"top5\":0.500000")
                .endsWith("}\n");
        outBytes.reset();
        new EvaluateCommand(files, service).run(List.of("--corpus", corpus.toString(), "--model", "m.segue-model"),
                out, err);
        assertThat(service.model).isEqualTo(Path.of("m.segue-model"));
        assertThat(out()).contains("treble  events").contains("bass    durations");
    }

    @Test
    void datasetWritesThroughTheServiceAndNeedsAnOutputFolder() throws Exception {
        Path data = folder.resolve("data");
        new DatasetCommand(files, service).run(List.of("--corpus", corpus.toString(), "--out", data.toString()),
                out, err);
        assertThat(service.folder).isEqualTo(data);
        assertThat(out()).contains("wrote 2 files to " + data, "treble: 10 events, 5 event labels");
        assertThatThrownBy(() -> new DatasetCommand(files, service).run(List.of(), out, err))
                .isInstanceOf(UsageException.class).hasMessage("missing --out DIR");
    }
}
