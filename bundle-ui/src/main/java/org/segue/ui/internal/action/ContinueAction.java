package org.segue.ui.internal.action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.segue.continuation.Continuation;
import org.segue.continuation.ContinuationReport;
import org.segue.continuation.ContinuationRequest;
import org.segue.continuation.ContinuationResult;
import org.segue.continuation.ContinuationService;
import org.segue.model.Score;
import org.segue.training.ModelException;
import org.segue.ui.ActionException;
import org.segue.ui.ActionOption;
import org.segue.ui.ActionPreview;
import org.segue.ui.Availability;
import org.segue.ui.EditorAction;
import org.segue.ui.MeasureRange;
import org.segue.ui.NotationDocument;
import org.segue.ui.Proposal;
import org.segue.ui.ScoreEdit;

/**
 * "Continue this piece…": writes the next bars after the end of the piece, or after the last selected measure
 * (the measures after it move back), as one proposal per variation. It follows the continuation service as it
 * comes and goes: without it the action says it is unavailable, and works again once the service returns.
 */
@Component(service = EditorAction.class, property = "segue.action.id=" + ContinueAction.ID)
public class ContinueAction implements EditorAction {

    public static final String ID = "org.segue.continue";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ContinuationService continuations;

    public ContinueAction() {
    }

    ContinueAction(ContinuationService continuations) {
        this.continuations = continuations;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Continue this piece…";
    }

    @Override
    public String menuPath() {
        return "Compose";
    }

    @Override
    public List<ActionOption> options() {
        ContinuationService service = continuations;
        return ContinueOptions.descriptions(service == null ? ContinuationRequest.of(ContinueOptions.DEFAULT_BARS)
                : service.defaults());
    }

    @Override
    public Availability availability(NotationDocument document) {
        if (continuations == null) {
            return Availability.disabled("Segue's continuation service is not running; it is back as soon as its "
                    + "bundle is started again");
        }
        if (document.score().measureCount() == 0) return Availability.disabled("the score has no measures to continue");
        return Availability.ENABLED;
    }

    @Override
    public ActionPreview preview(NotationDocument document, Map<String, String> options) throws ActionException {
        ContinuationService service = continuations; // one read: the service may leave meanwhile
        if (service == null) throw new ActionException(ActionException.Reason.UNAVAILABLE, availability(document).reason());
        ContinuationRequest request = ContinueOptions.request(options, service.defaults());
        long revision = document.revision();
        Score piece = document.score();
        if (piece.measureCount() == 0) {
            throw new ActionException(ActionException.Reason.BAD_INPUT, "the score has no measures to continue");
        }
        int promptMeasures = document.selection().map(s -> Math.min(s.last() + 1, piece.measureCount()))
                .orElse(piece.measureCount());
        Score prompt = promptMeasures == piece.measureCount() ? piece : MeasureSplicer.beginning(piece, promptMeasures);
        ContinuationResult result = continueScore(service, prompt, request);
        List<Proposal> proposals = new ArrayList<>();
        for (int v = 0; v < result.continuations().size(); v++) {
            Continuation continuation = result.continuations().get(v);
            Score whole = prompt == piece ? continuation.wholePiece()
                    : MeasureSplicer.splice(piece, promptMeasures, continuation.wholePiece(), result.addedMeasures());
            MeasureRange inserted = new MeasureRange(promptMeasures, promptMeasures + result.addedMeasures() - 1);
            ScoreEdit edit = new ScoreEdit(editLabel(result.addedMeasures()), revision, whole, inserted);
            proposals.add(new Proposal("Variation " + (v + 1), summary(continuation, result.addedMeasures()),
                    figures(continuation), edit));
        }
        return new ActionPreview(revision, proposals);
    }

    private static ContinuationResult continueScore(ContinuationService service, Score prompt,
                                                    ContinuationRequest request) throws ActionException {
        try {
            return service.continueScore(prompt, request);
        } catch (ModelException e) {
            throw new ActionException(ActionException.Reason.UNAVAILABLE, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ActionException(ActionException.Reason.BAD_INPUT, e.getMessage(), e);
        }
    }

    private static String editLabel(int bars) {
        return "Continue this piece (" + bars + (bars == 1 ? " bar)" : " bars)");
    }

    private static String summary(Continuation c, int bars) {
        ContinuationReport r = c.report();
        return String.format(Locale.ROOT, "%d %s in %s: %.0f%% of notes in the key, %.0f%% consonant strong beats, "
                        + "%.0f%% repeated bars; the bass sounds on %.0f%% of beats (%.0f%% in the piece)", bars,
                bars == 1 ? "bar" : "bars", c.newBars().initialKey().displayName(), 100 * r.notesInScale(),
                100 * r.consonantStrongBeats(), 100 * r.repeatedBars(), 100 * r.bass().soundingNew(),
                100 * r.bass().soundingPiece());
    }

    private static Map<String, Number> figures(Continuation c) {
        ContinuationReport r = c.report();
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("seed", c.seed());
        figures.put("notesInScale", r.notesInScale());
        figures.put("consonantStrongBeats", r.consonantStrongBeats());
        figures.put("repeatedBars", r.repeatedBars());
        figures.put("pitchClassDivergence", r.pitchClassDivergence());
        figures.put("durationDivergence", r.durationDivergence());
        figures.put("silentStrongBeats", r.silentStrongBeats());
        figures.put("generatedNotes", r.generatedNotes());
        figures.put("strongBeats", r.strongBeats());
        figures.put("trebleSoundingNew", r.treble().soundingNew());
        figures.put("trebleSoundingPiece", r.treble().soundingPiece());
        figures.put("bassSoundingNew", r.bass().soundingNew());
        figures.put("bassSoundingPiece", r.bass().soundingPiece());
        figures.put("trebleDensityNew", r.treble().densityNew());
        figures.put("trebleDensityPiece", r.treble().densityPiece());
        figures.put("bassDensityNew", r.bass().densityNew());
        figures.put("bassDensityPiece", r.bass().densityPiece());
        figures.put("trebleSilentBarsNew", r.treble().silentBarsNew());
        figures.put("bassSilentBarsNew", r.bass().silentBarsNew());
        return figures;
    }
}
