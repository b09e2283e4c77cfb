package org.segue.core.internal.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.core.internal.TestScores;
import org.segue.core.internal.model.ModelMetadata;
import org.segue.core.internal.model.SegueModel;
import org.segue.core.internal.model.TrainedCorpus;
import org.segue.core.internal.preprocess.DurationCategory;
import org.segue.core.internal.preprocess.PieceSplit;
import org.segue.model.KeySignature;
import org.segue.training.Corpus;
import org.segue.training.CorpusPiece;
import org.segue.training.DatasetSummary;
import org.segue.training.EpochSummary;
import org.segue.training.EvaluationReport;
import org.segue.training.ModelException;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;
import org.segue.training.TrainingListener;
import org.segue.training.TrainingProgress;
import org.segue.training.TrainingResult;
import org.segue.training.TrainingService;

class TrainingComponentTest {

    static final TrainingConfig TINY = TrainingConfig.defaults().withHiddenSize(8).withDenseSize(8)
            .withEmbeddingSizes(4, 2).withSequenceLength(16).withBatchSize(8).withEpochs(3).withPatience(3)
            .withHeldOutShare(0.2).withLearningRate(0.01).withSeed(5);

    static final Corpus CORPUS = new Corpus("synthetic", List.of(
            new CorpusPiece("one", TestScores.piece("one", KeySignature.parse("E-flat"), 8, 1)),
            new CorpusPiece("two", TestScores.piece("two", KeySignature.parse("g"), 8, 2)),
            new CorpusPiece("three", TestScores.piece("three", KeySignature.parse("A"), 8, 3)),
            new CorpusPiece("four", TestScores.piece("four", KeySignature.parse("f-sharp"), 8, 4)),
            new CorpusPiece("five", TestScores.piece("five", KeySignature.parse("C"), 8, 5))));

    @TempDir
    static Path shared;
    @TempDir
    Path folder;

    static final TrainingService SERVICE = new TrainingComponent();
    static TrainingResult trained;
    static final List<TrainingProgress> BATCHES = new ArrayList<>();
    static final List<EpochSummary> EPOCHS = new ArrayList<>();

    @BeforeAll
    static void trainOnce() throws ModelException {
        trained = SERVICE.train(CORPUS, TINY, shared.resolve("tiny.segue-model"), false, new TrainingListener() {
            @Override
            public void onBatch(TrainingProgress progress) {
                BATCHES.add(progress);
            }

            @Override
            public void onEpoch(EpochSummary epoch, TrainingProgress progress) {
                EPOCHS.add(epoch);
            }
        });
    }

    @Test
    void trainsBothStavesIntoOneModelFileAndReportsProgress() throws ModelException {
        assertThat(trained.modelFile()).exists();
        assertThat(TrainingService.checkpointOf(trained.modelFile())).doesNotExist();
        assertThat(trained.heldOutPieces()).hasSize(1);
        assertThat(trained.trainingPieces()).hasSize(4);
        assertThat(EPOCHS).extracting(EpochSummary::staff).containsExactly(Staff.TREBLE, Staff.TREBLE, Staff.TREBLE,
                Staff.BASS, Staff.BASS, Staff.BASS);
        assertThat(BATCHES).isNotEmpty().allSatisfy(p -> {
            assertThat(p.loss()).isPositive();
            assertThat(p.batch()).isBetween(1, p.batchesPerEpoch());
        });
        assertThat(BATCHES.get(BATCHES.size() - 1).millisLeft()).isZero();
        SegueModel model = SegueModel.load(trained.modelFile());
        assertThat(model.metadata().heldOutPieces()).isEqualTo(trained.heldOutPieces());
        assertThat(model.metadata().config()).isEqualTo(TINY);
        assertThat(model.metadata().staves().get(Staff.BASS).history()).hasSize(3);
        assertThat(model.metadata().evaluationJson()).contains("\"treble\"");
        EvaluationReport report = trained.evaluation();
        assertThat(report.staves()).containsOnlyKeys(Staff.TREBLE, Staff.BASS);
        assertThat(report.heldOut()).isEqualTo(report.pieces().size());
        System.out.print(report.toTable());
    }

    @Test
    void theSameSeedGivesTheSameModel() throws ModelException {
        TrainingResult again = SERVICE.train(CORPUS, TINY, folder.resolve("again.segue-model"), false,
                TrainingListener.NONE);
        assertSameNetworks(trained.modelFile(), again.modelFile());
    }

    @Test
    void aResumedRunEndsWithTheSameModelAsAnUninterruptedOne() throws ModelException {
        Path file = folder.resolve("resumed.segue-model");
        assertThatThrownBy(() -> SERVICE.train(CORPUS, TINY, file, false, stopAt(Staff.TREBLE, 2)))
                .hasMessage("stopped");
        assertThat(TrainingService.checkpointOf(file)).exists();
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> SERVICE.train(CORPUS, TINY, file, true, stopAt(Staff.BASS, 1)))
                .hasMessage("stopped");
        List<String> messages = new ArrayList<>();
        TrainingResult result = SERVICE.train(CORPUS, TINY, file, true, new TrainingListener() {
            @Override
            public void onMessage(String line) {
                messages.add(line);
            }
        });
        assertThat(result.resumed()).isTrue();
        assertThat(messages.get(0)).contains("resuming", "treble finished", "bass after epoch 1");
        assertSameNetworks(trained.modelFile(), file);
        assertThat(SegueModel.load(file).metadata().staves().get(Staff.TREBLE).history()).hasSize(3);
    }

    @Test
    void resumingWithoutACheckpointIsOneClearLine() {
        Path file = folder.resolve("never.segue-model");
        assertThatThrownBy(() -> SERVICE.train(CORPUS, TINY, file, true, TrainingListener.NONE))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("no checkpoint to resume from; train without --resume");
    }

    @Test
    void aCheckpointFromAnotherConfigurationIsRefused() throws IOException {
        Path file = folder.resolve("other.segue-model");
        assertThatThrownBy(() -> SERVICE.train(CORPUS, TINY, file, false, stopAt(Staff.TREBLE, 1)))
                .hasMessage("stopped");
        assertThatThrownBy(() -> SERVICE.train(CORPUS, TINY.withHiddenSize(9), file, true, TrainingListener.NONE))
                .isInstanceOf(ModelException.class).hasMessageContaining("another configuration");
    }

    @Test
    void aPlateauLowersTheLearningRateAndGoesOnWhereTheSameRunWithoutDropsStops() throws ModelException {
        // a step this large overshoots, so the validation loss soon stops falling
        TrainingConfig stopping = TINY.withLearningRate(0.3).withPatience(1).withEpochs(8);
        TrainingConfig dropping = stopping.withLearningRateDrops(1);
        List<String> messages = new ArrayList<>();
        Path file = folder.resolve("drops.segue-model");
        SERVICE.train(CORPUS, dropping, file, false, new TrainingListener() {
            @Override
            public void onMessage(String line) {
                messages.add(line);
            }
        });
        String drop = messages.stream().filter(m -> m.contains("learning rate times 0.2")).findFirst()
                .orElseThrow(() -> new AssertionError("no drop in " + messages));
        Matcher at = Pattern.compile("(\\w+): .* after epoch (\\d+), going on from epoch (\\d+)").matcher(drop);
        assertThat(at.find()).as(drop).isTrue();
        Staff staff = Staff.valueOf(at.group(1).toUpperCase(Locale.ROOT));
        int plateau = Integer.parseInt(at.group(2));
        assertThat(Integer.parseInt(at.group(3))).isLessThan(plateau);
        assertThat(SegueModel.load(file).metadata().staves().get(staff).history()).hasSizeGreaterThan(plateau);
        assertThat(SegueModel.load(file).metadata().config()).isEqualTo(dropping);

        Path without = folder.resolve("stops.segue-model");
        SERVICE.train(CORPUS, stopping, without, false, TrainingListener.NONE);
        assertThat(SegueModel.load(without).metadata().staves().get(staff).history()).hasSize(plateau);

        Path resumed = folder.resolve("resumed-drops.segue-model");
        assertThatThrownBy(() -> SERVICE.train(CORPUS, dropping, resumed, false, stopAt(staff, plateau + 1)))
                .hasMessage("stopped");
        SERVICE.train(CORPUS, dropping, resumed, true, TrainingListener.NONE);
        assertSameNetworks(file, resumed);
    }

    @Test
    void aCorpusOfOnePieceIsRefusedWithOneLine() {
        Corpus one = new Corpus("solo", List.of(CORPUS.pieces().get(0)));
        assertThatThrownBy(() -> SERVICE.train(one, TINY, folder.resolve("x.segue-model"), false,
                TrainingListener.NONE)).isInstanceOf(ModelException.class)
                .hasMessage("corpus solo has 1 piece; training needs at least 2, since pieces are held out for "
                        + "validation");
    }

    @Test
    void evaluatesOnTheHeldOutPiecesOfTheTrainingCorpus() throws ModelException {
        EvaluationReport report = SERVICE.evaluate(trained.modelFile(), CORPUS);
        assertThat(report.pieces()).isEqualTo(trained.heldOutPieces());
        assertThat(report.heldOut()).isEqualTo(report.pieces().size());
        assertThat(report.toJson()).isEqualTo(trained.evaluation().toJson().replace(
                trained.evaluation().model(), report.model()));
        var events = report.staves().get(Staff.TREBLE).events();
        assertThat(events.tokens()).isPositive();
        assertThat(events.top5()).isBetween(events.top1(), 1.0);
        assertThat(events.lstm()).isPositive();
        assertThat(events.best().crossEntropy()).isPositive();
        assertThat(events.baselines()).extracting(b -> b.name())
                .containsExactly("unigram", "kn3", "jm4", "mkn4", "mkn4cv");
    }

    @Test
    void evaluatesOnEveryPieceOfAnUnseenCorpus() throws ModelException {
        Corpus unseen = new Corpus("unseen", List.of(
                new CorpusPiece("six", TestScores.piece("six", KeySignature.parse("B-flat"), 6, 6)),
                new CorpusPiece("seven", TestScores.piece("seven", KeySignature.parse("d"), 6, 7))));
        EvaluationReport report = SERVICE.evaluate(trained.modelFile(), unseen);
        assertThat(report.pieces()).containsExactly("six", "seven");
        assertThat(report.heldOut()).isZero();
        assertThat(report.toJson()).startsWith("{\"formatVersion\":2,\"model\":")
                .contains("\"staves\":{\"treble\":{\"events\":{\"lstm\":");
    }

    @Test
    void aCorpusOfTrainingPiecesOnlyLeavesNothingToEvaluate() {
        Corpus trainingOnly = new Corpus("trained", CORPUS.pieces().stream()
                .filter(p -> trained.trainingPieces().contains(p.name())).toList());
        assertThatThrownBy(() -> SERVICE.evaluate(trained.modelFile(), trainingOnly))
                .isInstanceOf(ModelException.class).hasMessageContaining("none is left to evaluate");
    }

    @Test
    void trainsOnSeveralCorporaEachHoldingOutItsOwnShareAndRecordsThemInTheModel() throws ModelException {
        Corpus other = new Corpus("more/other", List.of(
                new CorpusPiece("six", TestScores.piece("six", KeySignature.parse("B-flat"), 6, 6)),
                new CorpusPiece("seven", TestScores.piece("seven", KeySignature.parse("d"), 6, 7)),
                new CorpusPiece("eight", TestScores.piece("eight", KeySignature.parse("D"), 6, 8)),
                new CorpusPiece("nine", TestScores.piece("nine", KeySignature.parse("c"), 6, 9)),
                new CorpusPiece("ten", TestScores.piece("ten", KeySignature.parse("F"), 6, 10))));
        Path file = folder.resolve("two.segue-model");
        TrainingResult result = SERVICE.train(List.of(CORPUS, other), TINY.withEpochs(1), file, false,
                TrainingListener.NONE);

        // each corpus of five holds out round(0.2 * 5) = 1 piece, the one it holds out when trained alone
        PieceSplit alone = PieceSplit.of(other.pieceNames(), TINY.heldOutShare());
        assertThat(result.heldOutPieces()).containsExactly("synthetic/" + trained.heldOutPieces().get(0),
                "other/" + alone.heldOut().get(0));
        assertThat(result.trainingPieces()).hasSize(8).allMatch(n -> n.startsWith("synthetic/")
                || n.startsWith("other/"));
        ModelMetadata metadata = SegueModel.load(file).metadata();
        assertThat(metadata.corpus()).isEqualTo("synthetic + other");
        assertThat(metadata.corpora()).containsExactly(
                new TrainedCorpus("synthetic", "synthetic", trained.trainingPieces(), trained.heldOutPieces()),
                new TrainedCorpus("other", "more/other", alone.training(), alone.heldOut()));
        assertThat(SERVICE.trainingPieces(file)).hasSize(8).contains(alone.training().get(0));

        // evaluating on one of the corpora scores its held-out piece, found by its name in that corpus
        assertThat(SERVICE.evaluate(file, other).pieces()).isEqualTo(alone.heldOut());
        assertThat(SERVICE.evaluate(file, CORPUS).pieces()).isEqualTo(trained.heldOutPieces());
    }

    @Test
    void twoCorporaWithTheSameFolderNameAreRefused() {
        Corpus again = new Corpus("elsewhere/synthetic", CORPUS.pieces());
        assertThatThrownBy(() -> SERVICE.train(List.of(CORPUS, again), TINY, folder.resolve("x.segue-model"), false,
                TrainingListener.NONE)).isInstanceOf(ModelException.class)
                .hasMessage("two corpora are named synthetic (elsewhere/synthetic); give each corpus once, from "
                        + "folders with different names");
    }

    @Test
    void writesTheStaffTablesTheVocabulariesAndTheSplit() throws Exception {
        DatasetSummary summary = SERVICE.writeDataset(CORPUS, TINY, folder.resolve("data"));
        assertThat(summary.files()).extracting(p -> p.getFileName().toString()).containsExactly("treble.csv",
                "treble-events.csv", "treble-durations.csv", "bass.csv", "bass-events.csv", "bass-durations.csv",
                "split.csv");
        List<String> treble = Files.readAllLines(folder.resolve("data/treble.csv"));
        assertThat(treble.get(0)).isEqualTo("piece,split,index,onset,event,vocabulary_event,duration,"
                + "duration_category");
        assertThat(treble).hasSize(summary.rows().get(Staff.TREBLE) + 1);
        org.segue.model.Duration total = org.segue.model.Duration.ZERO;
        for (String row : treble) {
            if (row.startsWith("one,")) total = total.plus(org.segue.model.Duration.parse(row.split(",")[6]));
        }
        assertThat(total).isEqualTo(org.segue.model.Duration.of(8, 1));
        List<String> split = Files.readAllLines(folder.resolve("data/split.csv"));
        assertThat(split).anySatisfy(row -> assertThat(row).startsWith("one,").contains("E-flat major,signature,-2,-3"));
        List<String> durations = Files.readAllLines(folder.resolve("data/bass-durations.csv"));
        assertThat(durations.get(0)).isEqualTo("index,category,length,count");
        assertThat(durations).anySatisfy(row -> assertThat(row).matches("\\d+,half,1/2,\\d+"));
        assertThat(durations.subList(1, durations.size())).extracting(row -> DurationCategory.parse(row.split(",")[1]))
                .isSorted();
    }

    private static TrainingListener stopAt(Staff staff, int epoch) {
        AtomicInteger seen = new AtomicInteger();
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochSummary summary, TrainingProgress progress) {
                seen.incrementAndGet();
                if (summary.staff() == staff && summary.epoch() == epoch) throw new IllegalStateException("stopped");
            }
        };
    }

    private static void assertSameNetworks(Path a, Path b) throws ModelException {
        SegueModel first = SegueModel.load(a);
        SegueModel second = SegueModel.load(b);
        for (Staff staff : Staff.values()) {
            assertThat(second.staff(staff).copyOfNetwork().params().toFloatVector())
                    .as(staff.label()).containsExactly(first.staff(staff).copyOfNetwork().params().toFloatVector());
        }
    }
}
