package org.segue.musicxml.internal.musicxml;

import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the reader accepted or changed in a file without refusing it, counted by kind and logged once per kind
 * and file, with the first place where it happened, so that nothing is changed silently and the log stays short.
 */
final class ReadNotices {

    /** The kinds of notice, each with what the reader did. */
    enum Kind {
        ENCODING_CORRECTED(true, "the declared encoding contradicts the bytes; read in the encoding the bytes are in"),
        GRACE_DROPPED(false, "grace notes dropped (they take no time)"),
        CUE_SILENCED(false, "cue notes read as silence (they are not played)"),
        DURATION_MISMATCH(true, "<duration> contradicts <type>, <dot> and <time-modification>; used <duration>"),
        DURATION_REPAIRED(true, "<duration> that cannot be right (too long, or no usable <divisions>); used <type>"),
        DURATION_FROM_TYPE(true, "notes without <duration>; used <type>, <dot> and <time-modification>"),
        MICROTONE(false, "microtonal <alter> rounded to the nearest semitone"),
        ALTER_RESPELLED(false, "<alter> beyond a double sharp or flat; pitch respelled"),
        UNPITCHED(false, "unpitched notes kept at their display position; they are never continued"),
        TRANSPOSED(false, "transposing part kept at written pitch with its <transpose>"),
        BACKUP_BEFORE_START(true, "<backup> went before the measure's start; stopped at the start"),
        LATE_DIVISIONS(true, "notes before the part's first <divisions>; read with that value"),
        DIVISIONS_IGNORED(true, "<divisions> not > 0 ignored; kept the previous value (durations from <type> where "
                + "there was none)"),
        KEY_IGNORED(false, "non-traditional key signature ignored; kept the previous key"),
        KEY_FOLDED(false, "key with more than 7 sharps or flats read as its enharmonic equivalent"),
        STAFF_KEYS_DIFFER(false, "staves with different keys; the key of staff 1 is used"),
        TIME_IGNORED(false, "time signature the model cannot hold ignored; measures keep their real length"),
        REST_DROPPED(false, "rests that overlap notes of their own voice dropped"),
        EXTRA_VOICE(false, "notes that overlap others of their voice moved to an extra voice");

        final boolean warning;
        final String text;

        Kind(boolean warning, String text) {
            this.warning = warning;
            this.text = text;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReadNotices.class);

    private record Tally(int count, String first) {
    }

    private final String file;
    private final Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);

    ReadNotices(String file) {
        this.file = file;
    }

    /** Counts one occurrence; {@code where} (place and detail) is kept for the first. */
    void add(Kind kind, String where) {
        add(kind, where, 1);
    }

    void add(Kind kind, String where, int count) {
        if (count <= 0) return;
        tallies.merge(kind, new Tally(count, where), (old, more) -> new Tally(old.count + more.count, old.first));
    }

    int count(Kind kind) {
        Tally tally = tallies.get(kind);
        return tally == null ? 0 : tally.count;
    }

    /** One log line per kind: warnings for doubtful input, information for documented simplifications. */
    void log() {
        tallies.forEach((kind, tally) -> {
            String format = "{}: {} ({}x, first at {})";
            if (kind.warning) {
                LOG.warn(format, file, kind.text, tally.count, tally.first);
            } else {
                LOG.info(format, file, kind.text, tally.count, tally.first);
            }
        });
    }
}
