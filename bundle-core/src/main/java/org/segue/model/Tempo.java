package org.segue.model;

/**
 * A metronome mark: {@code perMinute} beats of {@code beatUnit} (a quarter for "quarter = 90", 3/8 for a dotted
 * quarter).
 */
public record Tempo(Duration beatUnit, double perMinute) {

    public static final Tempo DEFAULT = new Tempo(Duration.QUARTER, 120);

    public Tempo {
        if (beatUnit == null || !beatUnit.isPositive()) throw new IllegalArgumentException("beat unit must be > 0");
        if (!(perMinute > 0) || perMinute > 10_000) {
            throw new IllegalArgumentException("tempo must be in (0, 10000] per minute, not " + perMinute);
        }
    }

    public static Tempo quarterNotesPerMinute(double bpm) {
        return new Tempo(Duration.QUARTER, bpm);
    }

    /** The same speed counted in quarter notes per minute. */
    public double quarterNotesPerMinute() {
        return perMinute * beatUnit.toQuarters();
    }
}
