package org.segue.training;

import java.util.Locale;

/**
 * The two streams a piano piece is split into, each with its own network: the upper (treble) staff and the lower
 * (bass) staff.
 */
public enum Staff {
    TREBLE, BASS;

    /** The lower-case name used in files, JSON and messages: {@code treble} or {@code bass}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code treble} or {@code bass}, in either case. */
    public static Staff parse(String text) {
        for (Staff s : values()) {
            if (s.label().equalsIgnoreCase(text == null ? "" : text.trim())) return s;
        }
        throw new IllegalArgumentException("not a staff: '" + text + "' (use treble or bass)");
    }
}
