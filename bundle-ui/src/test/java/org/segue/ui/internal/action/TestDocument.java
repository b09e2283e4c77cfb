package org.segue.ui.internal.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.segue.model.Score;
import org.segue.ui.MeasureRange;
import org.segue.ui.NotationDocument;
import org.segue.ui.ScoreEdit;

/** A notation document as the simplest editor would keep one: a score, a selection and the edits applied. */
final class TestDocument implements NotationDocument {

    private Score score;
    private MeasureRange selection;
    private final List<ScoreEdit> applied = new ArrayList<>();

    TestDocument(Score score) {
        this.score = score;
    }

    @Override
    public String title() {
        return score.title();
    }

    @Override
    public Score score() {
        return score;
    }

    @Override
    public long revision() {
        return applied.size();
    }

    @Override
    public Optional<MeasureRange> selection() {
        return Optional.ofNullable(selection);
    }

    void select(MeasureRange range) {
        selection = range;
    }

    @Override
    public void apply(ScoreEdit edit) {
        if (edit.baseRevision() != revision()) throw new IllegalStateException("stale edit");
        applied.add(edit);
        score = edit.result();
    }

    List<ScoreEdit> applied() {
        return applied;
    }
}
