package org.segue.core.internal.continuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.continuation.Continuation;
import org.segue.continuation.ContinuationRequest;
import org.segue.continuation.ContinuationResult;
import org.segue.core.internal.TestScores;
import org.segue.core.internal.model.SegueModel;
import org.segue.core.internal.training.TrainingComponent;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.model.Transposition;
import org.segue.model.Voice;
import org.segue.training.Corpus;
import org.segue.training.CorpusPiece;
import org.segue.training.ModelException;
import org.segue.training.TrainingConfig;
import org.segue.training.TrainingListener;

/** The continuation service on a tiny model trained here: what it writes, and that it writes it repeatably. */
class ContinuationComponentTest {

    private static final TrainingConfig TINY = TrainingConfig.defaults().withHiddenSize(8).withDenseSize(8)
            .withEmbeddingSizes(4, 2).withSequenceLength(16).withBatchSize(8).withEpochs(2).withPatience(2)
            .withHeldOutShare(0.2).withLearningRate(0.01).withSeed(3);

    @TempDir
    static Path folder;
    static Path model;
    static final ContinuationComponent SERVICE = new ContinuationComponent();
    static final Score PIECE = TestScores.piece("waltz", KeySignature.parse("E-flat"), 6, 42);

    @BeforeAll
    static void trainATinyModel() throws ModelException {
        Corpus corpus = new Corpus("synthetic", List.of(
                new CorpusPiece("one", TestScores.piece("one", KeySignature.parse("E-flat"), 8, 1)),
                new CorpusPiece("two", TestScores.piece("two", KeySignature.parse("g"), 8, 2)),
                new CorpusPiece("three", TestScores.piece("three", KeySignature.parse("A"), 8, 3)),
                new CorpusPiece("four", TestScores.piece("four", KeySignature.parse("C"), 8, 4))));
        model = folder.resolve("tiny.segue-model");
        new TrainingComponent().train(corpus, TINY, model, false, TrainingListener.NONE);
        SERVICE.activate();
    }

    @AfterAll
    static void stop() {
        SERVICE.deactivate();
    }

    @Test
    void addsExactlyTheBarsAskedForFilledAndAlignedInBothStaves() throws ModelException {
        ContinuationResult result = SERVICE.continueScore(PIECE, ContinuationRequest.of(8).withModel(model));

        Continuation c = result.continuations().get(0);
        List<Measure> original = PIECE.parts().get(0).measures();
        List<Measure> whole = c.wholePiece().parts().get(0).measures();
        assertThat(result.inputMeasures()).isEqualTo(original.size());
        assertThat(whole).hasSize(original.size() + 8);
        assertThat(whole.subList(0, original.size())).isEqualTo(original);
        for (Measure m : whole.subList(original.size(), whole.size())) {
            assertThat(m.key()).isEqualTo(original.get(original.size() - 1).key());
            assertThat(m.time()).isEqualTo(original.get(original.size() - 1).time());
            assertThat(m.clefs()).containsExactly(Clef.TREBLE, Clef.BASS);
            for (int staff = 1; staff <= 2; staff++) {
                assertThat(m.voicesOnStaff(staff)).hasSize(1);
                assertThat(m.voicesOnStaff(staff).get(0).length()).isEqualTo(m.time().measureLength());
            }
        }
        List<Measure> alone = c.newBars().parts().get(0).measures();
        assertThat(alone.get(0).tempo()).as("the new bars alone carry the tempo in force").isEqualTo(Tempo.DEFAULT);
        assertThat(alone.get(0).withTempo(null)).isEqualTo(whole.get(original.size()));
        assertThat(alone.subList(1, alone.size())).isEqualTo(whole.subList(original.size() + 1, whole.size()));
        assertThat(c.report().generatedNotes()).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameMusicAndAnotherSeedOtherMusic() throws ModelException {
        ContinuationRequest request = ContinuationRequest.of(8).withModel(model).withSeed(7);

        Score first = SERVICE.continueScore(PIECE, request).continuations().get(0).wholePiece();
        Score again = SERVICE.continueScore(PIECE, request).continuations().get(0).wholePiece();
        Score other = SERVICE.continueScore(PIECE, request.withSeed(8)).continuations().get(0).wholePiece();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void variationsEachEqualTheSingleContinuationOfTheirSeed() throws ModelException {
        ContinuationRequest request = ContinuationRequest.of(4).withModel(model).withSeed(11).withVariations(3);

        List<Continuation> variations = SERVICE.continueScore(PIECE, request).continuations();

        assertThat(variations).hasSize(3);
        for (int v = 0; v < 3; v++) {
            ContinuationRequest alone = request.withVariations(1).withSeed(request.seedOf(v));
            assertThat(SERVICE.continueScore(PIECE, alone).continuations().get(0).wholePiece())
                    .isEqualTo(variations.get(v).wholePiece());
        }
    }

    @Test
    void variationsWrittenTogetherInLockstepEachEqualTheOneWrittenAlone() throws ModelException {
        SegueModel tiny = SegueModel.load(model);
        ContinuationRequest request = ContinuationRequest.of(6).withModel(model);
        List<Long> seeds = List.of(5L, 6L, 7L, 8L, 9L);

        List<Continuation> together = ContinuationGenerator.generate(tiny, PIECE, request, seeds);

        assertThat(together).hasSize(seeds.size());
        for (int v = 0; v < seeds.size(); v++) {
            assertThat(ContinuationGenerator.generate(tiny, PIECE, request, seeds.get(v)).wholePiece())
                    .as("variation with seed " + seeds.get(v)).isEqualTo(together.get(v).wholePiece());
        }
        assertThat(together.get(0).wholePiece()).isNotEqualTo(together.get(1).wholePiece());
    }

    @Test
    void eightConcurrentCallsEachEqualTheirSequentialResult() throws Exception {
        List<ContinuationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) requests.add(ContinuationRequest.of(6).withModel(model).withSeed(100 + i));
        List<Score> sequential = new ArrayList<>();
        for (ContinuationRequest r : requests) {
            sequential.add(SERVICE.continueScore(PIECE, r).continuations().get(0).wholePiece());
        }

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Score>> concurrent = new ArrayList<>();
            for (ContinuationRequest r : requests) {
                concurrent.add(threads.submit(() -> SERVICE.continueScore(PIECE, r).continuations().get(0).wholePiece()));
            }
            for (int i = 0; i < 8; i++) assertThat(concurrent.get(i).get()).isEqualTo(sequential.get(i));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void writesInTheTargetKeyWithItsSignatureAndMarksTheTempo() throws ModelException {
        ContinuationRequest request = ContinuationRequest.of(4).withModel(model)
                .withTargetKey(KeySignature.parse("e")).withTempo(Tempo.quarterNotesPerMinute(120));

        Continuation c = SERVICE.continueScore(PIECE, request).continuations().get(0);

        List<Measure> added = c.newBars().parts().get(0).measures();
        assertThat(added).allSatisfy(m -> assertThat(m.key()).isEqualTo(KeySignature.parse("e")));
        assertThat(added.get(0).tempo().quarterNotesPerMinute()).isEqualTo(120.0);
        // E minor has one sharp: F is always spelled F#, never Gb
        assertThat(added.stream().flatMap(m -> m.voices().stream()).flatMap(v -> v.events().stream())
                .filter(e -> e instanceof Note).map(e -> ((Note) e).pitch()))
                .allSatisfy(p -> assertThat(p.alter()).isBetween(0, 1));
    }

    @Test
    void completesAPieceThatEndsInTheMiddleOfAMeasure() throws ModelException {
        List<Measure> measures = new ArrayList<>(PIECE.parts().get(0).measures());
        Measure last = measures.get(measures.size() - 1);
        Duration half = Duration.HALF;
        measures.set(measures.size() - 1, new Measure(last.number(), last.key(), last.time(), last.clefs(), null, half,
                List.of(new Voice(1, 1, List.of(TestScores.note("G4", half))),
                        new Voice(1, 2, List.of(TestScores.note("Eb3", half))))));
        Score unfinished = PIECE.withParts(List.of(PIECE.parts().get(0).withMeasures(measures)));

        Continuation c = SERVICE.continueScore(unfinished, ContinuationRequest.of(2).withModel(model))
                .continuations().get(0);

        Part part = c.wholePiece().parts().get(0);
        assertThat(part.measures()).hasSize(measures.size() + 2);
        Measure completed = part.measures().get(measures.size() - 1);
        assertThat(completed.length()).isEqualTo(completed.time().measureLength());
        assertThat(completed.voicesOnStaff(1).get(0).events().get(0)).isEqualTo(TestScores.note("G4", half));
    }

    @Test
    void aTransposingPartIsContinuedAtConcertPitchAndWrittenBackInItsWrittenPitch() throws ModelException {
        Transposition clarinetInA = new Transposition(-2, -3);
        Part concert = PIECE.parts().get(0);
        Score written = PIECE.withParts(List.of(concert.withMeasures(
                concert.measures().stream().map(m -> m.written(clarinetInA)).toList())));
        ContinuationRequest request = ContinuationRequest.of(4).withModel(model).withSeed(5);

        Score fromWritten = SERVICE.continueScore(written, request).continuations().get(0).wholePiece();
        Score fromConcert = SERVICE.continueScore(PIECE, request).continuations().get(0).wholePiece();

        List<Measure> measures = fromWritten.parts().get(0).measures();
        assertThat(measures.subList(0, concert.measures().size())).isEqualTo(written.parts().get(0).measures());
        assertThat(measures).allSatisfy(m -> assertThat(m.transposition()).isEqualTo(clarinetInA));
        // the networks heard the sounding piece: the same notes as the concert-pitch piece gets, a minor third up
        assertThat(fromWritten.atConcertPitch()).isEqualTo(fromConcert);
        assertThat(measures.get(measures.size() - 1).key())
                .isEqualTo(clarinetInA.written(fromConcert.parts().get(0).measures().get(measures.size() - 1).key()));
    }

    @Test
    void unpitchedPercussionIsNeverFedToTheNetworks() throws ModelException {
        Part drums = new Part("D", "Drums", PIECE.parts().get(0).measures().stream().map(m -> new Measure(
                m.number(), m.key(), m.time(), List.of(Clef.TREBLE), null, m.length(), List.of(new Voice(1, 1,
                List.of(Note.unpitched(org.segue.model.Pitch.parse("C5"), m.length(), org.segue.model.Tie.NONE))))))
                .toList());
        Score withDrums = PIECE.withParts(List.of(drums, PIECE.parts().get(0)));
        ContinuationRequest request = ContinuationRequest.of(4).withModel(model).withSeed(9);

        Score continued = SERVICE.continueScore(withDrums, request).continuations().get(0).wholePiece();
        Score alone = SERVICE.continueScore(PIECE, request).continuations().get(0).wholePiece();

        assertThat(continued.parts().get(1)).isEqualTo(alone.parts().get(0));
        List<Measure> drumBars = continued.parts().get(0).measures();
        assertThat(drumBars).hasSize(drums.measures().size() + 4);
        assertThat(drumBars.subList(drums.measures().size(), drumBars.size()))
                .allSatisfy(m -> assertThat(m.voices()).allMatch(Voice::isSilent));
    }

    @Test
    void aScoreWithNothingPitchedIsRefusedOnOneLine() {
        Part drums = new Part("D", "Drums", PIECE.parts().get(0).measures().stream().map(m -> new Measure(
                m.number(), m.key(), m.time(), List.of(Clef.TREBLE), null, m.length(), List.of(new Voice(1, 1,
                List.of(Note.unpitched(org.segue.model.Pitch.parse("F4"), m.length(), org.segue.model.Tie.NONE))))))
                .toList());
        assertThatThrownBy(() -> SERVICE.continueScore(PIECE.withParts(List.of(drums)),
                ContinuationRequest.of(2).withModel(model)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no pitched note")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aRunningServiceKeepsItsModelWhenTheFileIsReplacedByABrokenOne() throws Exception {
        Path file = folder.resolve("replaced.segue-model");
        java.nio.file.Files.copy(model, file);
        ContinuationRequest request = ContinuationRequest.of(2).withModel(file).withSeed(4);
        Score before = SERVICE.continueScore(PIECE, request).continuations().get(0).wholePiece();

        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // a copy cut short
        java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() + 60_000));

        assertThat(SERVICE.continueScore(PIECE, request).continuations().get(0).wholePiece()).isEqualTo(before);
        ContinuationComponent fresh = new ContinuationComponent();
        fresh.activate();
        try {
            assertThatThrownBy(() -> fresh.continueScore(PIECE, request)).isInstanceOf(ModelException.class)
                    .hasMessageStartingWith(file + ": ").hasMessageNotContaining("\n");
        } finally {
            fresh.deactivate();
        }
    }

    @Test
    void aMissingModelFileIsOneClearLine() {
        assertThatThrownBy(() -> SERVICE.continueScore(PIECE, ContinuationRequest.of(2)
                .withModel(folder.resolve("missing.segue-model"))))
                .isInstanceOf(ModelException.class).hasMessageContaining("missing.segue-model")
                .hasMessageNotContaining("\n");
    }
}
