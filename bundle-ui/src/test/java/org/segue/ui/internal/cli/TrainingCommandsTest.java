package org.segue.ui.internal.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.core.internal.model.ModelMetadata;
import org.segue.core.internal.model.SegueModel;
import org.segue.core.internal.model.TrainedCorpus;
import org.segue.core.internal.network.Temperatures;
import org.segue.core.internal.training.TrainingComponent;
import org.segue.musicxml.ScoreFiles;
import org.segue.musicxml.internal.ScoreFilesComponent;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;
import org.segue.training.TrainingProgress;
import org.segue.training.TrainingService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code segue train}, {@code evaluate}, {@code calibrate} and {@code dataset} with the real score file and
 * training services, on a corpus folder that links three short Chopin preludes from ../shared and also holds a file
 * that is not MIDI and a text file. One tiny training run, made once, shows that every option reaches the model
 * file, that a refused file costs one warning line and that the progress goes to stderr as plain lines.
 */
class TrainingCommandsTest {

    private static final List<String> PRELUDES = List.of("chpn-p1.mid", "chpn-p20.mid", "chpn-p7.mid");
    /** Options that keep a training run to a few seconds; every test that could train passes them. */
    private static final List<String> TINY = List.of("--epochs", "1", "--seed", "9", "--hidden", "8", "--dense", "8",
            "--dropout", "0.2", "--batch", "4", "--sequence-length", "16", "--lr-drops", "2");
    /** A span of time as the progress bar writes it: 5s, 1m05s, 1h02m. */
    private static final String TIME = "(\\d+s|\\d+m\\d\\ds|\\d+h\\d\\dm)";
    private static final Pattern BATCH_LINE = Pattern.compile("(treble|bass  ) epoch 1/1 \\[[#.]{20}] batch \\d+/\\d+ "
            + "loss \\d+\\.\\d{3}( val \\d+\\.\\d{3})? \\| " + TIME + " elapsed, (\\?|" + TIME + ") left");
    private static final Pattern EPOCH_LINE = Pattern.compile("(treble|bass) epoch 1/1: training loss \\d+\\.\\d{4}, "
            + "validation loss \\d+\\.\\d{4} \\(events \\d+\\.\\d{4}, durations \\d+\\.\\d{4}\\), "
            + "best so far \\(" + TIME + "\\)");
    private static final Pattern DATASET_STAFF_LINE = Pattern.compile(
            "(treble|bass): (\\d+) events, (\\d+) event labels, (\\d+) duration categories");

    private static final ScoreFiles FILES = new ScoreFilesComponent();
    private static final TrainingService TRAINING = new TrainingComponent();

    @TempDir
    static Path shared;
    @TempDir
    Path folder;

    private static Path corpus;
    private static Path model;
    private static Printed training;

    /** What a command printed on stdout and stderr. */
    private record Printed(String out, String err) {

        static Printed by(Command command, List<String> args) throws UsageException, BadInputException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            command.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
            return new Printed(out.toString(UTF_8), err.toString(UTF_8));
        }
    }

    @BeforeAll
    static void trainOnce() throws Exception {
        corpus = linkedPreludes(shared.resolve("corpus"), PRELUDES);
        Files.writeString(corpus.resolve("bad.mid"), "not MIDI");
        Files.writeString(corpus.resolve("notes.txt"), "not a score");
        model = shared.resolve("m.segue-model");
        training = Printed.by(new TrainCommand(FILES, TRAINING),
                withTiny("--corpus", corpus.toString(), "--out", model.toString()));
    }

    /** A folder of links to shared Chopin pieces: the corpus is read in place, never copied. */
    private static Path linkedPreludes(Path folder, List<String> pieces) throws IOException {
        Files.createDirectories(folder);
        for (String piece : pieces) {
            Files.createSymbolicLink(folder.resolve(piece), SharedFolder.path("data/chopin-midi/" + piece));
        }
        return folder;
    }

    private static List<String> withTiny(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(TINY);
        return all;
    }

    private static ModelMetadata metadata() throws Exception {
        return SegueModel.load(model).metadata();
    }

    @Test
    void trainReadsTheCorpusFolderAndPassesEveryOptionIntoTheModel() throws Exception {
        ModelMetadata metadata = metadata();
        assertThat(metadata.corpus()).isEqualTo(corpus.toString());
        assertThat(metadata.config()).isEqualTo(TrainingConfig.defaults().withEpochs(1).withSeed(9).withHiddenSize(8)
                .withDenseSize(8).withDropout(0.2).withBatchSize(4).withSequenceLength(16).withLearningRateDrops(2));
        assertThat(metadata.config().windowStride()).isEqualTo(8);
        assertThat(TrainingService.checkpointOf(model)).doesNotExist();
        assertThat(training.out()).startsWith("model written to " + model + " in ")
                .contains("trained on 2 pieces, held out 1: " + metadata.heldOutPieces().get(0),
                        "treble: 1 epochs, kept epoch 1", "bass: 1 epochs, kept epoch 1", "staff   head");
    }

    @Test
    void aRefusedFileIsOneWarningLineAndTheOthersGoOn() throws Exception {
        assertThat(training.err()).contains("segue train: warning: leaving out " + corpus.resolve("bad.mid")
                + ": is not a Standard MIDI File (it does not start with 'MThd'); choose a .mid file\n");
        ModelMetadata metadata = metadata();
        List<String> pieces = new ArrayList<>(metadata.trainingPieces());
        pieces.addAll(metadata.heldOutPieces());
        assertThat(pieces).containsExactlyInAnyOrderElementsOf(PRELUDES);
    }

    @Test
    void progressGoesToStderrAsPlainLinesWhenNotOnATerminal() {
        List<String> lines = training.err().lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("treble: training on "))
                .anyMatch(l -> l.startsWith("bass: training on "));
        List<String> batches = lines.stream().filter(l -> l.contains(" batch ")).toList();
        assertThat(batches).allMatch(l -> BATCH_LINE.matcher(l).matches())
                .anyMatch(l -> l.startsWith("treble epoch 1/1 [")).anyMatch(l -> l.startsWith("bass   epoch 1/1 ["));
        assertThat(lines.stream().filter(l -> EPOCH_LINE.matcher(l).matches()))
                .extracting(l -> l.substring(0, l.indexOf(' '))).containsExactly("treble", "bass");
        assertThat(training.err()).doesNotContain("\r");
    }

    @Test
    void onATerminalTheProgressIsOneLineRewrittenInPlace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(err, true, UTF_8), true);
        bar.onBatch(new TrainingProgress(Staff.BASS, 3, 10, 4, 8, 4.25, 4.5, 65_000, 3_725_000));
        bar.onMessage("done");
        assertThat(err.toString(UTF_8)).isEqualTo("\rbass   epoch 3/10 [##########..........] batch 4/8 loss 4.250 "
                + "val 4.500 | 1m05s elapsed, 1h02m left\ndone\n");
    }

    @Test
    void aTrainingRefusalIsOneLine() throws Exception {
        Path one = linkedPreludes(folder.resolve("one"), List.of("chpn-p7.mid"));
        assertThatThrownBy(() -> Printed.by(new TrainCommand(FILES, TRAINING), withTiny("--corpus", one.toString(),
                "--out", folder.resolve("one.segue-model").toString()))).isInstanceOf(BadInputException.class)
                .hasMessage("corpus " + one + " has 1 piece; training needs at least 2, since pieces are held out "
                        + "for validation");
    }

    @Test
    void resumingTheDefaultModelFileWithoutItsCheckpointIsOneLine() {
        assertThatThrownBy(() -> Printed.by(new TrainCommand(FILES, TRAINING), withTiny("--corpus",
                corpus.toString(), "--resume"))).isInstanceOf(BadInputException.class)
                .hasMessage(TrainingService.checkpointOf(TrainCommand.DEFAULT_MODEL) + ": no checkpoint to resume "
                        + "from; train without --resume to start over");
    }

    @Test
    void aMissingCorpusFolderIsOneLine() {
        assertThatThrownBy(() -> Printed.by(new TrainCommand(FILES, TRAINING), withTiny("--corpus",
                folder.resolve("nowhere").toString()))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("nowhere: no such folder; pass a folder of MusicXML or MIDI files with --corpus");
    }

    @Test
    void aBadOptionValueIsAUsageError() {
        assertThatThrownBy(() -> Printed.by(new TrainCommand(FILES, TRAINING), List.of("--dropout", "1.5")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--dropout must be a number from 0.0 to 0.95");
        assertThatThrownBy(() -> Printed.by(new TrainCommand(FILES, TRAINING), List.of("--stride", "500")))
                .isInstanceOf(UsageException.class).hasMessageContaining("window stride 500");
    }

    @Test
    void evaluatePrintsOneJsonObjectOnTheHeldOutPieces() throws Exception {
        Printed printed = Printed.by(new EvaluateCommand(FILES, TRAINING),
                List.of("--corpus", corpus.toString(), "--model", model.toString(), "--json"));
        assertThat(printed.out()).startsWith("{\"formatVersion\":2,\"model\":\"" + model + "\",\"corpus\":\"" + corpus
                        + "\"")
                .containsPattern("\"treble\":\\{\"events\":\\{\"lstm\":\\d+\\.\\d{6},\"baselines\":\\{\"unigram\":"
                        + "\\d+\\.\\d{6},\"kn3\":\\d+\\.\\d{6},\"jm4\":\\d+\\.\\d{6},\"mkn4\":\\d+\\.\\d{6},\"mkn4cv\":"
                        + "\\d+\\.\\d{6}\\},\"best\":\\{\"name\":\"\\w+\",\"crossEntropy\":"
                        + "\\d+\\.\\d{6}\\},\"lstmOverBest\":\\d+\\.\\d{6},\"top1\":\\d\\.\\d{6},\"top5\":\\d\\.\\d{6}")
                .endsWith("}\n");
        JsonNode json = new ObjectMapper().readTree(printed.out());
        assertThat(json.get("pieces")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(metadata().heldOutPieces());
        assertThat(json.get("heldOut").asBoolean()).isTrue();
    }

    @Test
    void evaluatePrintsATableWithARowPerStaffAndHead() throws Exception {
        Printed printed = Printed.by(new EvaluateCommand(FILES, TRAINING),
                List.of("--corpus", corpus.toString(), "--model", model.toString()));
        assertThat(printed.out()).startsWith("model " + model + ", corpus " + corpus + ": 1 held-out pieces")
                .contains("treble  events", "treble  durations", "bass    events", "bass    durations");
    }

    @Test
    void withoutAModelEvaluateUsesTheDefaultModel() throws Exception {
        Path unseen = Files.createDirectory(folder.resolve("unseen"));
        Files.createSymbolicLink(unseen.resolve("little-waltz.musicxml"),
                SharedFolder.repositoryRoot().resolve("examples/little-waltz.musicxml"));
        Printed printed = Printed.by(new EvaluateCommand(FILES, TRAINING),
                List.of("--corpus", unseen.toString(), "--json"));
        assertThat(printed.out()).startsWith("{\"formatVersion\":2,\"model\":\"default model\",\"corpus\":\"" + unseen
                + "\",\"pieces\":[\"little-waltz.musicxml\"],\"heldOut\":false");
    }

    @Test
    void trainCalibratesTheModelOnItsHeldOutPiecesAndCalibrateFitsTheSameTemperaturesAgain() throws Exception {
        ModelMetadata trained = metadata();
        for (Staff staff : Staff.values()) {
            assertThat(trained.temperatures(staff)).as(staff.label()).isNotEqualTo(Temperatures.NONE);
        }
        assertThat(training.err()).contains("treble: calibrated on the held-out pieces, temperature ");
        assertThat(training.out()).contains("calibration: the network's probabilities at the temperatures fitted");

        Path calibrated = folder.resolve("again.segue-model");
        Printed printed = Printed.by(new CalibrateCommand(FILES, TRAINING),
                List.of("--model", model.toString(), "--corpus", corpus.toString(), "--out", calibrated.toString()));

        assertThat(printed.err()).contains("calibrating on 1 of the model's 1 held-out pieces");
        assertThat(printed.out()).startsWith("model " + calibrated + ", corpus " + corpus + ": 1 held-out pieces")
                .contains("calibration: the network's probabilities at the temperatures fitted");
        ModelMetadata again = SegueModel.load(calibrated).metadata();
        for (Staff staff : Staff.values()) {
            Temperatures first = trained.temperatures(staff);
            Temperatures second = again.temperatures(staff);
            assertThat(second.events()).as(staff.label()).isCloseTo(first.events(), within(1e-3));
            assertThat(second.durations()).as(staff.label()).isCloseTo(first.durations(), within(1e-3));
        }
        assertThat(again.trainingPieces()).isEqualTo(trained.trainingPieces());
        assertThat(again.evaluationJson()).contains("\"calibration\"");
    }

    @Test
    void calibrateNeedsANewOutputFileAndTheFoldersTheModelWasTrainedOn() throws Exception {
        CalibrateCommand calibrate = new CalibrateCommand(FILES, TRAINING);
        assertThatThrownBy(() -> Printed.by(calibrate, List.of("--model", model.toString())))
                .isInstanceOf(UsageException.class).hasMessage("calibrate needs --out MODEL, the file to write");

        Path existing = Files.writeString(folder.resolve("mine.segue-model"), "keep me");
        assertThatThrownBy(() -> Printed.by(calibrate, List.of("--model", model.toString(), "--corpus",
                corpus.toString(), "--out", existing.toString())))
                .isInstanceOf(BadInputException.class)
                .hasMessage(existing + ": exists already; calibrate writes a new model file, pass another --out");
        assertThat(existing).hasContent("keep me");

        Path other = linkedPreludes(folder.resolve("other"), List.of("chpn-p13.mid"));
        Path out = folder.resolve("c.segue-model");
        assertThatThrownBy(() -> Printed.by(calibrate, List.of("--model", model.toString(), "--corpus",
                other.toString(), "--out", out.toString())))
                .isInstanceOf(BadInputException.class)
                .hasMessage(other + ": holds none of the model's 1 held-out pieces; pass the folders the model was "
                        + "trained on with --corpus");
        assertThat(out).doesNotExist();
    }

    @Test
    void trainTakesSeveralCorporaAndAtMostMaxPiecesOfEachAndTheModelRecordsThem() throws Exception {
        Path preludes = linkedPreludes(folder.resolve("preludes"), PRELUDES);
        Path more = linkedPreludes(folder.resolve("more"), List.of("chpn-p2.mid", "chpn-p3.mid", "chpn-p4.mid"));
        Path two = folder.resolve("two.segue-model");
        Printed printed = Printed.by(new TrainCommand(FILES, TRAINING), withTiny("--corpus", preludes.toString(),
                "--corpus", more.toString(), "--max-pieces", "2", "--out", two.toString()));

        assertThat(printed.err()).contains("segue train: " + preludes + ": 2 pieces read (--max-pieces 2, chosen by "
                + "--seed 9)\n", "segue train: " + more + ": 2 pieces read (--max-pieces 2, chosen by --seed 9)\n");
        ModelMetadata metadata = SegueModel.load(two).metadata();
        assertThat(metadata.corpus()).isEqualTo("preludes + more");
        assertThat(metadata.corpora()).extracting(TrainedCorpus::name, TrainedCorpus::path)
                .containsExactly(tuple("preludes", preludes.toString()), tuple("more", more.toString()));
        for (TrainedCorpus c : metadata.corpora()) {
            assertThat(c.trainingPieces()).hasSize(1);
            assertThat(c.heldOutPieces()).hasSize(1);
        }
        assertThat(metadata.heldOutPieces()).containsExactly(
                "preludes/" + metadata.corpora().get(0).heldOutPieces().get(0),
                "more/" + metadata.corpora().get(1).heldOutPieces().get(0));
        assertThat(printed.out()).contains("trained on 2 pieces, held out 2: preludes/", ", more/");

        // evaluate on one of them with a sample of 2: two pieces the model did not learn, the held-out one among them
        Printed evaluated = Printed.by(new EvaluateCommand(FILES, TRAINING), List.of("--model", two.toString(),
                "--corpus", more.toString(), "--max-pieces", "2", "--json"));
        List<String> unseen = new ArrayList<>(List.of("chpn-p2.mid", "chpn-p3.mid", "chpn-p4.mid"));
        unseen.removeAll(metadata.corpora().get(1).trainingPieces());
        assertThat(evaluated.out()).contains("\"pieces\":[\"" + unseen.get(0) + "\",\"" + unseen.get(1) + "\"]",
                "\"heldOut\":false,\"heldOutPieces\":1,\"unseenPieces\":1");
    }

    @Test
    void aSampleIsTheSameForTheSameSeedAndALargerOneHoldsTheSmaller() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 50; i++) files.add(Path.of("song" + i + ".mxl"));
        List<Path> ten = new CorpusReader.Sample(10, 1, Set.of()).order(files).subList(0, 10);
        List<Path> twenty = new CorpusReader.Sample(20, 1, Set.of()).order(files).subList(0, 20);
        assertThat(twenty).containsAll(ten);
        assertThat(new CorpusReader.Sample(10, 1, Set.of()).order(files).subList(0, 10)).isEqualTo(ten);
        assertThat(new CorpusReader.Sample(10, 2, Set.of()).order(files).subList(0, 10)).isNotEqualTo(ten);
        assertThat(ten).isNotEqualTo(files.subList(0, 10));
        assertThat(new CorpusReader.Sample(10, 1, Set.of("song3.mxl")).order(files))
                .hasSize(49).doesNotContain(Path.of("song3.mxl"));
        assertThat(CorpusReader.Sample.EVERY_FILE.order(files)).isEqualTo(files);
    }

    @Test
    void aSampleSkipsAFileThatCannotBeReadAndTakesTheNext() throws Exception {
        Path mixed = linkedPreludes(folder.resolve("mixed"), PRELUDES);
        for (int i = 0; i < 5; i++) Files.writeString(mixed.resolve("bad" + i + ".mid"), "not MIDI");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var corpus = CorpusReader.read(mixed, new CorpusReader.Sample(3, 1, Set.of()), FILES,
                new PrintStream(err, true, UTF_8), "train");
        assertThat(corpus.pieceNames()).containsExactlyElementsOf(PRELUDES);
        assertThat(err.toString(UTF_8).lines()).allMatch(l -> l.startsWith("segue train: warning: leaving out "));
    }

    @Test
    void datasetWritesTheTablesItCountsAndNeedsAnOutputFolder() throws Exception {
        Path data = folder.resolve("data");
        Printed printed = Printed.by(new DatasetCommand(FILES, TRAINING),
                List.of("--corpus", corpus.toString(), "--out", data.toString()));
        assertThat(printed.out()).startsWith("wrote 7 files to " + data + ": 3 pieces (2 training, 1 held out)\n");
        List<String> staffLines = printed.out().lines().skip(1).toList();
        assertThat(staffLines).hasSize(2);
        for (String line : staffLines) {
            Matcher staff = DATASET_STAFF_LINE.matcher(line);
            assertThat(staff.matches()).as(line).isTrue();
            assertThat(rows(data.resolve(staff.group(1) + ".csv"))).as(line).isEqualTo(staff.group(2));
            assertThat(rows(data.resolve(staff.group(1) + "-events.csv"))).as(line).isEqualTo(staff.group(3));
            assertThat(rows(data.resolve(staff.group(1) + "-durations.csv"))).as(line).isEqualTo(staff.group(4));
        }
        assertThatThrownBy(() -> Printed.by(new DatasetCommand(FILES, TRAINING), List.of()))
                .isInstanceOf(UsageException.class).hasMessage("missing --out DIR");
    }

    /** The rows of a CSV file below its header, as the dataset command writes the count. */
    private static String rows(Path csv) throws IOException {
        return Integer.toString(Files.readAllLines(csv).size() - 1);
    }
}
