package org.segue.model;

import java.util.List;
import java.util.Objects;

/** A piece: its title, composer and parts, all with the same number of measures in well-formed files. */
public record Score(String title, String composer, List<Part> parts) {

    public Score {
        title = title == null ? "" : title;
        composer = composer == null ? "" : composer;
        parts = List.copyOf(parts);
    }

    /** The number of measures of the longest part. */
    public int measureCount() {
        return parts.stream().mapToInt(p -> p.measures().size()).max().orElse(0);
    }

    /** The first metronome mark of the piece, or {@link Tempo#DEFAULT} where it has none. */
    public Tempo initialTempo() {
        return parts.stream().flatMap(p -> p.measures().stream()).map(Measure::tempo)
                .filter(Objects::nonNull).findFirst().orElse(Tempo.DEFAULT);
    }

    /**
     * The key in force at the start, as it sounds, taken from the first part; C major for a score without measures.
     */
    public KeySignature initialKey() {
        return parts.stream().filter(p -> !p.measures().isEmpty()).findFirst()
                .map(p -> p.measures().get(0)).map(m -> m.transposition().sounding(m.key()))
                .orElse(KeySignature.C_MAJOR);
    }

    /** The time signature in force at the start; 4/4 for a score without measures. */
    public TimeSignature initialTime() {
        return parts.stream().filter(p -> !p.measures().isEmpty()).findFirst()
                .map(p -> p.measures().get(0).time()).orElse(TimeSignature.COMMON);
    }

    /** The score at concert pitch: every part {@link Part#sounding() as it sounds}, none transposing. */
    public Score atConcertPitch() {
        return withParts(parts.stream().map(Part::sounding).toList());
    }

    public Score withParts(List<Part> newParts) {
        return new Score(title, composer, newParts);
    }
}
