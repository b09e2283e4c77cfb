package org.segue.model;

import java.util.Locale;

/** MusicXML's modes; {@link #NONE} when a file gives no mode. */
public enum Mode {
    MAJOR, MINOR, DORIAN, PHRYGIAN, LYDIAN, MIXOLYDIAN, AEOLIAN, IONIAN, LOCRIAN, NONE;

    /** The MusicXML spelling, lower case. */
    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a MusicXML mode; unknown or missing values are {@link #NONE}. */
    public static Mode fromXml(String text) {
        if (text == null || text.isBlank()) return NONE;
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}
