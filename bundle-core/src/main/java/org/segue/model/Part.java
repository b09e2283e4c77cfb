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

    /** This part at concert pitch: every measure {@link Measure#sounding() as it sounds}. */
    public Part sounding() {
        return withMeasures(measures.stream().map(Measure::sounding).toList());
    }

    /** Whether any note of the part has a pitch (is not a rest or an unpitched percussion note). */
    public boolean hasPitchedNotes() {
        for (Measure measure : measures) {
            for (Voice voice : measure.voices()) {
                for (Event event : voice.events()) {
                    if (event instanceof Note n && !n.unpitched()) return true;
                    if (event instanceof Chord c && c.notes().stream().anyMatch(n -> !n.unpitched())) return true;
                }
            }
        }
        return false;
    }

    public Part withMeasures(List<Measure> newMeasures) {
        return new Part(id, name, newMeasures);
    }
}
