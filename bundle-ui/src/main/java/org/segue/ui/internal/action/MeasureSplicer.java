package org.segue.ui.internal.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.model.Tempo;

/**
 * Puts a continuation of the first measures of a piece back into the whole piece: the continued beginning (its
 * measures, then the new ones) followed by the measures that came after it, moved back and renumbered. Nothing of
 * the original is dropped or overwritten.
 */
final class MeasureSplicer {

    private MeasureSplicer() {
    }

    /** The first {@code count} measures of every part of {@code score}. */
    static Score beginning(Score score, int count) {
        return score.withParts(score.parts().stream()
                .map(p -> p.withMeasures(p.measures().subList(0, Math.min(count, p.measures().size()))))
                .toList());
    }

    /**
     * The piece with {@code continued} in place of its first {@code promptMeasures} measures.
     *
     * @param original the whole piece
     * @param promptMeasures how many of its first measures were continued
     * @param continued those measures (perhaps with the last one completed) and the new ones after them
     * @param added how many measures {@code continued} added
     */
    static Score splice(Score original, int promptMeasures, Score continued, int added) {
        Map<String, Part> continuedParts = continued.parts().stream()
                .collect(Collectors.toMap(Part::id, Function.identity()));
        List<Part> parts = new ArrayList<>();
        for (Part part : original.parts()) {
            Part head = continuedParts.get(part.id());
            if (head == null) {
                throw new IllegalStateException("the continuation lost part " + part.id());
            }
            List<Measure> measures = new ArrayList<>(head.measures());
            List<Measure> rest = part.measures().subList(Math.min(promptMeasures, part.measures().size()),
                    part.measures().size());
            Tempo resumed = tempoInForce(part.measures(), promptMeasures);
            boolean tempoChanged = head.measures().subList(promptMeasures, head.measures().size()).stream()
                    .anyMatch(m -> m.tempo() != null);
            for (int i = 0; i < rest.size(); i++) {
                Measure moved = renumbered(rest.get(i), added);
                if (i == 0 && tempoChanged && moved.tempo() == null && resumed != null) {
                    moved = moved.withTempo(resumed); // the new bars had their own tempo: the old one comes back
                }
                measures.add(moved);
            }
            parts.add(part.withMeasures(measures));
        }
        return original.withParts(parts);
    }

    /** The tempo marked last at or before measure {@code index}, or null where none is. */
    private static Tempo tempoInForce(List<Measure> measures, int index) {
        for (int i = Math.min(index, measures.size() - 1); i >= 0; i--) {
            if (measures.get(i).tempo() != null) return measures.get(i).tempo();
        }
        return null;
    }

    /** A measure numbered like {@code "12"} becomes {@code "20"} after 8 new ones; "12a" and the like stay. */
    private static Measure renumbered(Measure measure, int added) {
        try {
            return measure.withNumber(Integer.toString(Integer.parseInt(measure.number()) + added));
        } catch (NumberFormatException e) {
            return measure;
        }
    }
}
