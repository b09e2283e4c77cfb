package org.segue.model;

import java.util.Locale;

/**
 * A traditional key signature: {@code fifths} sharps (positive) or flats (negative), -7..7, and a mode.
 */
public record KeySignature(int fifths, Mode mode) {

    public static final KeySignature C_MAJOR = new KeySignature(0, Mode.MAJOR);
    public static final KeySignature A_MINOR = new KeySignature(0, Mode.MINOR);

    private static final String STEPS_BY_FIFTHS = "FCGDAEB";

    public KeySignature {
        if (fifths < -7 || fifths > 7) throw new IllegalArgumentException("fifths must be in -7..7, not " + fifths);
        if (mode == null) mode = Mode.NONE;
    }

    /** True for minor and aeolian keys. */
    public boolean isMinor() {
        return mode == Mode.MINOR || mode == Mode.AEOLIAN;
    }

    /** The tonic as a pitch in octave 4: the major tonic, or the minor one for minor keys. */
    public Pitch tonic() {
        int f = fifths + (isMinor() ? 3 : 0) + 1;
        Step step = Step.parse(String.valueOf(STEPS_BY_FIFTHS.charAt(Math.floorMod(f, 7))));
        return new Pitch(step, Math.floorDiv(f, 7), 4);
    }

    /** Whether black keys are better spelled with flats in this key. */
    public boolean prefersFlats() {
        return fifths < 0;
    }

    /** The pitch classes of the key's scale: major, or natural minor for minor keys. */
    public boolean inScale(int pitchClass) {
        int fromTonic = Math.floorMod(pitchClass - tonic().pitchClass(), 12);
        int[] scale = isMinor() ? new int[] {0, 2, 3, 5, 7, 8, 10} : new int[] {0, 2, 4, 5, 7, 9, 11};
        for (int s : scale) if (s == fromTonic) return true;
        return false;
    }

    /** Like {@code E-flat major}, {@code f-sharp minor}. */
    public String displayName() {
        Pitch t = tonic();
        String name = t.step().name() + switch (t.alter()) {
            case -1 -> "-flat";
            case 1 -> "-sharp";
            default -> "";
        };
        return isMinor() ? name.toLowerCase(Locale.ROOT) + " minor" : name + " major";
    }

    /**
     * Reads a key as a composer writes it: an upper-case letter for major, lower case for minor, and an optional
     * {@code -flat}, {@code -sharp}, {@code b} or {@code #}: {@code C}, {@code a}, {@code E-flat}, {@code f-sharp},
     * {@code Bb}, {@code c#}. A trailing {@code major} or {@code minor} is also understood.
     *
     * @throws IllegalArgumentException naming the accepted forms when the text is not a key with at most 7 sharps
     *         or flats
     */
    public static KeySignature parse(String text) {
        String t = text == null ? "" : text.trim();
        String usage = "not a key: '" + text + "' (write C, a, E-flat, f-sharp, Bb or c#; upper case is major, "
                + "lower case minor)";
        if (t.isEmpty() || "ABCDEFGabcdefg".indexOf(t.charAt(0)) < 0) throw new IllegalArgumentException(usage);
        boolean minor = Character.isLowerCase(t.charAt(0));
        String rest = t.substring(1).trim().toLowerCase(Locale.ROOT);
        if (rest.endsWith("minor")) {
            minor = true;
            rest = rest.substring(0, rest.length() - 5).trim();
        } else if (rest.endsWith("major")) {
            minor = false;
            rest = rest.substring(0, rest.length() - 5).trim();
        }
        int alter = switch (rest) {
            case "" -> 0;
            case "-flat", "flat", "b", " flat" -> -1;
            case "-sharp", "sharp", "#", " sharp" -> 1;
            default -> throw new IllegalArgumentException(usage);
        };
        Step step = Step.parse(t.substring(0, 1));
        int tonicFifths = STEPS_BY_FIFTHS.indexOf(step.name()) - 1 + 7 * alter;
        int fifths = minor ? tonicFifths - 3 : tonicFifths;
        if (fifths < -7 || fifths > 7) {
            throw new IllegalArgumentException("the key '" + text + "' needs " + Math.abs(fifths)
                    + (fifths < 0 ? " flats" : " sharps") + "; at most 7 are possible");
        }
        return new KeySignature(fifths, minor ? Mode.MINOR : Mode.MAJOR);
    }
}
