package org.segue.musicxml.internal.musicxml;

import java.math.BigDecimal;
import java.util.List;

import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.Backup;
import org.audiveris.proxymusic.Clef;
import org.audiveris.proxymusic.Forward;
import org.audiveris.proxymusic.Note;
import org.audiveris.proxymusic.ScorePartwise;

/** What the part reader needs to know before the first measure: how many staves, which voice numbers. */
final class PartScan {

    /** A part with more staves than this is refused: no score needs them, and each costs memory per measure. */
    static final int MAX_STAVES = 16;

    private PartScan() {
    }

    /** The number of staves the part uses: its largest {@code <staves>}, note {@code <staff>} or clef number. */
    static int staves(List<ScorePartwise.Part.Measure> measures) {
        int staves = 1;
        for (ScorePartwise.Part.Measure measure : measures) {
            for (Object element : measure.getNoteOrBackupOrForward()) {
                if (element instanceof Note note && note.getStaff() != null) {
                    staves = Math.max(staves, note.getStaff().intValue());
                } else if (element instanceof Attributes attributes) {
                    if (attributes.getStaves() != null) staves = Math.max(staves, attributes.getStaves().intValue());
                    for (Clef clef : attributes.getClef()) {
                        if (clef.getNumber() != null) staves = Math.max(staves, clef.getNumber().intValue());
                    }
                }
            }
        }
        if (staves > MAX_STAVES) {
            throw new IllegalArgumentException("the part uses " + staves + " staves; at most " + MAX_STAVES
                    + " are read");
        }
        return staves;
    }

    /**
     * The part's first positive {@code <divisions>} where a note, {@code <backup>} or {@code <forward>} with a
     * duration comes before it (so that the reader would otherwise count those in divisions of 1); null where the
     * divisions come first, or never.
     */
    static BigDecimal lateDivisions(List<ScorePartwise.Part.Measure> measures) {
        boolean timedBefore = false;
        for (ScorePartwise.Part.Measure measure : measures) {
            for (Object element : measure.getNoteOrBackupOrForward()) {
                if (element instanceof Attributes a && a.getDivisions() != null && a.getDivisions().signum() > 0) {
                    return timedBefore ? a.getDivisions() : null;
                }
                timedBefore |= element instanceof Note note && note.getDuration() != null
                        || element instanceof Backup || element instanceof Forward;
            }
        }
        return null;
    }

    /** The largest voice number that is a positive integer, or 0. */
    static int largestNumericVoice(List<ScorePartwise.Part.Measure> measures) {
        int largest = 0;
        for (ScorePartwise.Part.Measure measure : measures) {
            for (Object element : measure.getNoteOrBackupOrForward()) {
                if (element instanceof Note note) largest = Math.max(largest, VoiceNumbers.numeric(note.getVoice()));
            }
        }
        return largest;
    }
}
