package org.segue.ui.internal.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segue.core.internal.continuation.ContinuationComponent;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.musicxml.internal.ScoreFilesComponent;
import org.segue.ui.ActionException;
import org.segue.ui.ActionPreview;
import org.segue.ui.Availability;
import org.segue.ui.MeasureRange;
import org.segue.ui.Proposal;
import org.segue.ui.ScoreEdit;

/** The "Continue this piece" action on a test document, with the real continuation service and shipped model. */
class ContinueActionTest {

    private static final ContinuationComponent SERVICE = new ContinuationComponent();
    private static Score waltz;

    @BeforeAll
    static void readTheExample() throws Exception {
        SERVICE.activate();
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("examples")) ? here : here.getParent();
        waltz = new ScoreFilesComponent().read(root.resolve("examples/little-waltz.musicxml"));
    }

    @AfterAll
    static void stopTheService() {
        SERVICE.deactivate();
    }

    @Test
    void isDisabledWithAReasonWhileTheServiceIsMissing() {
        Availability availability = new ContinueAction(null).availability(new TestDocument(waltz));

        assertThat(availability.enabled()).isFalse();
        assertThat(availability.reason()).contains("continuation service is not running");
        assertThatThrownBy(() -> new ContinueAction(null).preview(new TestDocument(waltz), Map.of()))
                .isInstanceOf(ActionException.class)
                .extracting(e -> ((ActionException) e).reason()).isEqualTo(ActionException.Reason.UNAVAILABLE);
    }

    @Test
    void isEnabledWithTheServiceAndDisabledForAnEmptyScore() {
        ContinueAction action = new ContinueAction(SERVICE);

        assertThat(action.availability(new TestDocument(waltz))).isEqualTo(Availability.ENABLED);
        assertThat(action.availability(new TestDocument(new Score("empty", "", List.of()))).enabled()).isFalse();
    }

    @Test
    void previewProposesEveryVariationAndLeavesTheDocumentAlone() throws Exception {
        TestDocument document = new TestDocument(waltz);

        ActionPreview preview = new ContinueAction(SERVICE).preview(document,
                Map.of("bars", "3", "variations", "2", "seed", "4"));

        assertThat(document.score()).isSameAs(waltz);
        assertThat(document.applied()).isEmpty();
        assertThat(preview.proposals()).extracting(Proposal::title).containsExactly("Variation 1", "Variation 2");
        for (Proposal proposal : preview.proposals()) {
            ScoreEdit edit = proposal.edit();
            assertThat(edit.result().measureCount()).isEqualTo(8 + 3);
            assertThat(edit.inserted()).isEqualTo(new MeasureRange(8, 10));
            assertThat(edit.baseRevision()).isZero();
            assertThat(edit.label()).isEqualTo("Continue this piece (3 bars)");
            assertThat(firstPart(edit.result()).subList(0, 8)).isEqualTo(firstPart(waltz));
            assertThat(proposal.figures()).containsKeys("notesInScale", "consonantStrongBeats", "repeatedBars");
            assertThat(proposal.summary()).startsWith("3 bars in E-flat major:");
        }
        assertThat(preview.proposals().get(0).edit().result())
                .isNotEqualTo(preview.proposals().get(1).edit().result());
    }

    @Test
    void theSameSeedProposesTheSameBars() throws Exception {
        Map<String, String> options = Map.of("bars", "2", "seed", "11");

        Score first = new ContinueAction(SERVICE).preview(new TestDocument(waltz), options).proposals().get(0)
                .edit().result();
        Score second = new ContinueAction(SERVICE).preview(new TestDocument(waltz), options).proposals().get(0)
                .edit().result();

        assertThat(first).isEqualTo(second);
    }

    @Test
    void applyingAProposalIsOneEdit() throws Exception {
        TestDocument document = new TestDocument(waltz);
        Proposal chosen = new ContinueAction(SERVICE).preview(document, Map.of("bars", "2")).proposals().get(0);

        document.apply(chosen.edit());

        assertThat(document.applied()).hasSize(1);
        assertThat(document.score().measureCount()).isEqualTo(10);
    }

    @Test
    void withASelectionTheNewBarsFollowItAndTheMeasuresAfterItMoveBack() throws Exception {
        TestDocument document = new TestDocument(waltz);
        document.select(new MeasureRange(1, 2)); // measures 2 and 3

        ScoreEdit edit = new ContinueAction(SERVICE).preview(document, Map.of("bars", "4")).proposals().get(0).edit();

        List<Measure> before = firstPart(waltz);
        List<Measure> after = firstPart(edit.result());
        assertThat(after).hasSize(12);
        assertThat(edit.inserted()).isEqualTo(new MeasureRange(3, 6));
        assertThat(after.subList(0, 3)).isEqualTo(before.subList(0, 3));
        for (int i = 3; i < 8; i++) {
            Measure original = before.get(i);
            Measure moved = after.get(i + 4);
            assertThat(moved.voices()).as("measure %d keeps its music", i + 1).isEqualTo(original.voices());
            assertThat(moved.number()).isEqualTo(Integer.toString(Integer.parseInt(original.number()) + 4));
        }
        assertThat(after.subList(3, 7)).allSatisfy(m -> assertThat(m.isFull()).isTrue());
    }

    @Test
    void creativityPresetsSetTheSamplingAndRawValuesOverrideThem() throws Exception {
        var faithful = ContinueOptions.request(Map.of("creativity", "faithful"));
        var adventurousButCool = ContinueOptions.request(Map.of("creativity", "Adventurous", "temperature", "0.5"));

        assertThat(faithful.temperature()).isEqualTo(0.8);
        assertThat(faithful.topKEvents()).isEqualTo(5);
        assertThat(faithful.topKDurations()).isEqualTo(3);
        assertThat(adventurousButCool.temperature()).isEqualTo(0.5);
        assertThat(adventurousButCool.topKEvents()).isEqualTo(20);
        assertThat(ContinueOptions.request(Map.of()).bars()).isEqualTo(ContinueOptions.DEFAULT_BARS);
    }

    @Test
    void badOptionsAreOneLineSayingWhatIsAllowed() {
        assertThatThrownBy(() -> ContinueOptions.request(Map.of("bars", "0")))
                .hasMessage("bars must be in 1..512, not 0");
        assertThatThrownBy(() -> ContinueOptions.request(Map.of("creativity", "wild")))
                .hasMessage("creativity must be one of faithful, balanced, adventurous, not 'wild'");
        assertThatThrownBy(() -> ContinueOptions.request(Map.of("harmony", "2")))
                .hasMessage("harmony must be in 0..1, not 2");
        assertThatThrownBy(() -> ContinueOptions.request(Map.of("key", "H major")))
                .hasMessageStartingWith("key: ");
        assertThatThrownBy(() -> ContinueOptions.request(Map.of("colour", "red")))
                .hasMessageStartingWith("unknown option 'colour'");
    }

    private static List<Measure> firstPart(Score score) {
        Part part = score.parts().get(0);
        return part.measures();
    }
}
