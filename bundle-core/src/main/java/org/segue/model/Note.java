package org.segue.model;

/**
 * A single pitch for a duration, maybe tied to its neighbours. An unpitched note (a drum, a cymbal) has no pitch
 * that sounds: its {@code pitch} is only the position where it is drawn on the staff (MusicXML's display step and
 * octave), so it is kept and written back but never played as that pitch, transposed or fed to the networks.
 *
 * @param pitch the written pitch, or for an unpitched note its display position
 * @param unpitched whether this is a percussion note without a definite pitch
 */
public record Note(Pitch pitch, Duration duration, Tie tie, boolean unpitched) implements Event {

    public Note {
        if (pitch == null) throw new IllegalArgumentException("pitch must not be null");
        if (duration == null || !duration.isPositive()) {
            throw new IllegalArgumentException("a note's duration must be > 0, not " + duration);
        }
        if (tie == null) tie = Tie.NONE;
    }

    public Note(Pitch pitch, Duration duration, Tie tie) {
        this(pitch, duration, tie, false);
    }

    public Note(Pitch pitch, Duration duration) {
        this(pitch, duration, Tie.NONE, false);
    }

    /** A percussion note drawn at {@code displayPosition}. */
    public static Note unpitched(Pitch displayPosition, Duration duration, Tie tie) {
        return new Note(displayPosition, duration, tie, true);
    }

    @Override
    public Note withDuration(Duration newDuration) {
        return new Note(pitch, newDuration, tie, unpitched);
    }

    public Note withTie(Tie newTie) {
        return new Note(pitch, duration, newTie, unpitched);
    }

    /** The same note at another pitch; an unpitched note keeps its display position. */
    public Note withPitch(Pitch newPitch) {
        return unpitched ? this : new Note(newPitch, duration, tie, false);
    }
}
