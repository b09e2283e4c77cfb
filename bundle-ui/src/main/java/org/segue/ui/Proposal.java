package org.segue.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One result an action proposes, to be looked at (and listened to) before it is applied.
 *
 * @param title how the editor names it, like "Variation 2"
 * @param summary one line on what it is, like "8 bars, 96% of notes in E-flat major"
 * @param figures named measurements of it, in the order to show them (shares in [0, 1], counts)
 * @param edit the change applying it makes
 */
public record Proposal(String title, String summary, Map<String, Number> figures, ScoreEdit edit) {

    public Proposal {
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary;
        figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        Objects.requireNonNull(edit, "edit");
    }
}
