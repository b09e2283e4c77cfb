package org.segue.model;

/** A clef that takes over a staff in the middle of a measure, at {@code offset} from the measure's start. */
public record ClefChange(int staff, Duration offset, Clef clef) {

    public ClefChange {
        if (staff < 1) throw new IllegalArgumentException("staff number must be >= 1, not " + staff);
        if (offset == null || !offset.isPositive()) {
            throw new IllegalArgumentException("a clef change inside a measure needs an offset > 0, not " + offset);
        }
        if (clef == null) throw new IllegalArgumentException("clef must not be null");
    }
}
