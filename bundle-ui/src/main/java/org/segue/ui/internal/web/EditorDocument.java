package org.segue.ui.internal.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

import org.segue.model.Score;
import org.segue.ui.MeasureRange;
import org.segue.ui.NotationDocument;
import org.segue.ui.ScoreEdit;

/**
 * A score open in the reference editor, with its undo history: each applied edit is one step, kept as the score
 * before and after it, so undo and redo swap whole scores and never patch them. Thread-safe.
 */
public final class EditorDocument implements NotationDocument {

    /** Undo steps kept; the oldest are forgotten beyond this. */
    static final int HISTORY_LIMIT = 100;

    private record Step(String label, Score before, Score after) {
    }

    private final String id;
    private final String fileName;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private Score score;
    private long revision;
    private MeasureRange selection;

    public EditorDocument(String id, String fileName, Score score) {
        this.id = Objects.requireNonNull(id, "id");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.score = Objects.requireNonNull(score, "score");
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    @Override
    public synchronized String title() {
        return score.title().isBlank() ? fileName : score.title();
    }

    @Override
    public synchronized Score score() {
        return score;
    }

    @Override
    public synchronized long revision() {
        return revision;
    }

    @Override
    public synchronized Optional<MeasureRange> selection() {
        return Optional.ofNullable(selection);
    }

    /** Selects measures (indexes from 0), or nothing with null. */
    public synchronized void select(MeasureRange range) {
        if (range != null && range.last() >= score.measureCount()) {
            throw new IllegalArgumentException("the score has " + score.measureCount() + " measures; measure "
                    + (range.last() + 1) + " cannot be selected");
        }
        selection = range;
    }

    @Override
    public synchronized void apply(ScoreEdit edit) {
        if (edit.baseRevision() != revision) {
            throw new IllegalStateException("the document changed since this edit was made (revision "
                    + edit.baseRevision() + ", now " + revision + "); make it again");
        }
        push(undo, new Step(edit.label(), score, edit.result()));
        redo.clear();
        change(edit.result());
    }

    /** Takes back the last step; false when there is none. */
    public synchronized boolean undo() {
        Step step = undo.pollFirst();
        if (step == null) return false;
        redo.addFirst(step);
        change(step.before());
        return true;
    }

    /** Does again the step last taken back; false when there is none. */
    public synchronized boolean redo() {
        Step step = redo.pollFirst();
        if (step == null) return false;
        push(undo, step);
        change(step.after());
        return true;
    }

    /** The label of the step {@link #undo()} takes back, if any. */
    public synchronized Optional<String> undoLabel() {
        return Optional.ofNullable(undo.peekFirst()).map(Step::label);
    }

    /** The label of the step {@link #redo()} does again, if any. */
    public synchronized Optional<String> redoLabel() {
        return Optional.ofNullable(redo.peekFirst()).map(Step::label);
    }

    private void change(Score newScore) {
        score = newScore;
        revision++;
        selection = null; // measure indexes of the old score mean other measures now
    }

    private static void push(Deque<Step> history, Step step) {
        history.addFirst(step);
        while (history.size() > HISTORY_LIMIT) history.removeLast();
    }
}
