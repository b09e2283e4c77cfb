package org.segue.model;

import java.util.List;
import java.util.Objects;

/** One instrument's music, measure by measure; a piano part has two staves. */
public record Part(String id, String name, List<Measure> measures) {

    public Part {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        measures = List.copyOf(measures);
    }

    /** The largest number of staves any measure has; 0 for a part without measures. */
    public int staffCount() {
        return measures.stream().mapToInt(Measure::staffCount).max().orElse(0);
    }

    public Part withMeasures(List<Measure> newMeasures) {
        return new Part(id, name, newMeasures);
    }
}
