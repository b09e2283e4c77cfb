package org.segue.musicxml;

import java.nio.file.Path;

/**
 * What a written score shows or sounds like beyond what its format decides: which measures engraved sheet music
 * marks as new, and which SoundFont audio is played with. Formats ignore what does not concern them (MusicXML and
 * MIDI ignore both).
 *
 * @param markFrom the index (0 for the first measure) of the first measure that engraved output marks as new,
 *        with a rehearsal mark and coloured notes up to the end; {@link #NO_MARK} for none
 * @param soundFont a SoundFont 2 ({@code .sf2}) file that audio output plays with, or null for Java's built-in
 *        sounds
 */
public record WriteOptions(int markFrom, Path soundFont) {

    /** {@link #markFrom} when nothing is marked. */
    public static final int NO_MARK = -1;

    /** Nothing marked, built-in sounds. */
    public static final WriteOptions DEFAULT = new WriteOptions(NO_MARK, null);

    public WriteOptions {
        if (markFrom < NO_MARK) {
            throw new IllegalArgumentException("markFrom must be a measure index >= 0 or NO_MARK, not " + markFrom);
        }
    }

    /** The same options, marking the measures from index {@code measureIndex} on as new. */
    public WriteOptions markingFrom(int measureIndex) {
        return new WriteOptions(measureIndex, soundFont);
    }

    /** The same options, with audio played through {@code file} (null: the built-in sounds). */
    public WriteOptions withSoundFont(Path file) {
        return new WriteOptions(markFrom, file);
    }

    /** True when some measures are to be marked as new. */
    public boolean marks() {
        return markFrom != NO_MARK;
    }
}
