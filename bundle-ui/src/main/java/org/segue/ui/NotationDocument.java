package org.segue.ui;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.segue.model.Score;

/**
 * One score open in a notation editor, as the editor shows it to plug-ins. The editor implements it; actions read
 * it and hand their changes back as one {@link ScoreEdit}, which the editor applies as one step of its undo history.
 */
@ConsumerType
public interface NotationDocument {

    /** The name the editor shows for the document, like the piece's title or its file name. */
    String title();

    /** The document's content now. */
    Score score();

    /**
     * Counts the document's changes: every applied edit, undo and redo gives a new value. An action's preview
     * records it, so that a preview made before a change is not applied after it.
     */
    long revision();

    /** The measures the composer has selected, if any; the insertion point of actions that add music. */
    Optional<MeasureRange> selection();

    /**
     * Applies an edit as one undoable step.
     *
     * @throws IllegalStateException when the edit was made for another revision of the document than the current
     *         one; nothing changes then
     */
    void apply(ScoreEdit edit);
}
