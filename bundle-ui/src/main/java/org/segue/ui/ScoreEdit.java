package org.segue.ui;

import java.util.Objects;

import org.segue.model.Score;

/**
 * One change to a document, as an action proposes it: the whole score after the change, which measures are new,
 * and the label of the step in the editor's undo history (like "Continue this piece (8 bars)").
 *
 * @param label how the editor names the step, e.g. in "Undo ..."
 * @param baseRevision the {@link NotationDocument#revision()} the edit was made from; it applies only there
 * @param result the document's whole content after the edit
 * @param inserted the measures of {@code result} that the edit added
 */
public record ScoreEdit(String label, long baseRevision, Score result, MeasureRange inserted) {

    public ScoreEdit {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(inserted, "inserted");
        if (inserted.last() >= result.measureCount()) {
            throw new IllegalArgumentException("inserted measures " + inserted + " lie beyond the result's "
                    + result.measureCount() + " measures");
        }
    }
}
