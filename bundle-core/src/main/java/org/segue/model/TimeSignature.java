package org.segue.model;

/** A time signature like 3/4 or 6/8: {@code beats} of {@code beatType} notes fill a measure. */
public record TimeSignature(int beats, int beatType) {

    public static final TimeSignature COMMON = new TimeSignature(4, 4);

    public TimeSignature {
        if (beats < 1) throw new IllegalArgumentException("beats must be >= 1, not " + beats);
        if (beatType < 1 || Integer.bitCount(beatType) != 1) {
            throw new IllegalArgumentException("beat type must be a power of two, not " + beatType);
        }
    }

    /** How long a full measure lasts. */
    public Duration measureLength() {
        return Duration.of(beats, beatType);
    }

    /** True for 6/8, 9/8, 12/16 and the like, whose beat is a dotted note. */
    public boolean isCompound() {
        return beatType >= 8 && beats % 3 == 0 && beats > 3;
    }

    /** The offsets of the strong beats in a measure: every beat, or every dotted beat in compound time. */
    public java.util.List<Duration> strongBeats() {
        Duration beat = isCompound() ? Duration.of(3, beatType) : Duration.of(1, beatType);
        java.util.List<Duration> beatsList = new java.util.ArrayList<>();
        for (Duration t = Duration.ZERO; t.compareTo(measureLength()) < 0; t = t.plus(beat)) beatsList.add(t);
        return beatsList;
    }

    @Override
    public String toString() {
        return beats + "/" + beatType;
    }

    /** Reads {@code "3/4"}. */
    public static TimeSignature parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) return new TimeSignature(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a time signature like 3/4: '" + text + "'", e);
        }
        throw new IllegalArgumentException("not a time signature like 3/4: '" + text + "'");
    }
}
