package org.segue.model;

/**
 * A clef: its sign, the staff line it sits on (1 is the bottom line) and an octave shift (-1 for a treble clef
 * with an 8 below, as for tenor voices).
 */
public record Clef(Sign sign, int line, int octaveChange) {

    /** MusicXML's clef signs. */
    public enum Sign { G, F, C, PERCUSSION, TAB, JIANPU, NONE }

    public static final Clef TREBLE = new Clef(Sign.G, 2, 0);
    public static final Clef BASS = new Clef(Sign.F, 4, 0);

    public Clef {
        if (sign == null) throw new IllegalArgumentException("clef sign must not be null");
        if (line < 0 || line > 5) throw new IllegalArgumentException("clef line must be in 0..5, not " + line);
    }

    /** True for clefs that a piano's lower staff uses (F clefs), false for G and C clefs and the others. */
    public boolean isBass() {
        return sign == Sign.F;
    }

    /** A short name for people and JSON: {@code treble}, {@code bass}, {@code alto}, or like {@code G2-8}. */
    public String displayName() {
        if (equals(TREBLE)) return "treble";
        if (equals(BASS)) return "bass";
        if (sign == Sign.C && line == 3 && octaveChange == 0) return "alto";
        if (sign == Sign.C && line == 4 && octaveChange == 0) return "tenor";
        if (sign == Sign.PERCUSSION || sign == Sign.TAB || sign == Sign.JIANPU || sign == Sign.NONE) {
            return sign.name().toLowerCase(java.util.Locale.ROOT);
        }
        String shift = octaveChange == 0 ? "" : (octaveChange > 0 ? "+" : "") + (8 * octaveChange);
        return sign.name() + line + shift;
    }
}
