package org.segue.ui;

import java.util.List;

/**
 * What running an action proposes, computed without changing the document.
 *
 * @param revision the document's revision the proposals were made from
 * @param proposals at least one; the editor applies at most one of them
 */
public record ActionPreview(long revision, List<Proposal> proposals) {

    public ActionPreview {
        proposals = List.copyOf(proposals);
        if (proposals.isEmpty()) throw new IllegalArgumentException("a preview needs at least one proposal");
    }
}
