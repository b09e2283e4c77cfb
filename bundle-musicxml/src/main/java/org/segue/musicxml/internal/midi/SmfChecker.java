package org.segue.musicxml.internal.midi;

import java.nio.charset.StandardCharsets;

import org.segue.musicxml.ScoreFileException;

/**
 * Checks the structure of a Standard MIDI File before javax.sound.midi parses it, so that a damaged or unsupported
 * file is refused with one line that says where it breaks ({@code track 3, tick 1920}) rather than with the
 * parser's bare "invalid MIDI file". It walks the header, every chunk and every event, and reads nothing else.
 */
final class SmfChecker {

    /** The header of a file that passed the check. */
    record Header(int format, int trackCount, int ticksPerQuarter) {
    }

    private static final String REEXPORT = "export it again from the program that made it";

    private final byte[] bytes;
    private final String name;

    private SmfChecker(byte[] bytes, String name) {
        this.bytes = bytes;
        this.name = name;
    }

    /**
     * @throws ScoreFileException when the bytes are not a type 0 or type 1 Standard MIDI File with musical time
     *         (ticks per quarter note), or when a track is cut short or holds an event that cannot be parsed
     */
    static Header check(byte[] bytes, String name) throws ScoreFileException {
        return new SmfChecker(bytes, name).check();
    }

    private Header check() throws ScoreFileException {
        if (bytes.length < 14 || !chunkIdAt(0, "MThd")) {
            String what = bytes.length >= 12 && chunkIdAt(0, "RIFF") && chunkIdAt(8, "RMID")
                    ? "is a RIFF MIDI file (.rmi), not a Standard MIDI File; save it as a .mid file"
                    : "is not a Standard MIDI File (it does not start with 'MThd'); choose a .mid file";
            throw refuse(null, what);
        }
        long headerLength = u32(4);
        if (headerLength < 6 || 8 + headerLength > bytes.length) {
            throw refuse("header", "the header length " + headerLength + " is not possible; " + REEXPORT);
        }
        int format = u16(8);
        int trackCount = u16(10);
        int division = u16(12);
        if (format == 2) {
            throw refuse(null, "is a type 2 MIDI file (independent sequences), which this reader does not support; "
                    + "save it as type 0 or 1");
        }
        if (format > 2) throw refuse("header", "unknown MIDI file type " + format + "; save it as type 0 or 1");
        if (trackCount == 0) throw refuse("header", "the file declares no tracks; " + REEXPORT);
        if ((division & 0x8000) != 0) {
            throw refuse("header", "it counts time in SMPTE frames, not in ticks per quarter note, so bars cannot "
                    + "be found; save it with musical (PPQ) timing");
        }
        if (division == 0) throw refuse("header", "0 ticks per quarter note is not possible; " + REEXPORT);
        checkTracks((int) (8 + headerLength), trackCount);
        return new Header(format, trackCount, division);
    }

    private void checkTracks(int start, int trackCount) throws ScoreFileException {
        int pos = start;
        for (int track = 1; track <= trackCount; track++) {
            while (true) {
                if (pos + 8 > bytes.length) {
                    throw refuse("track " + track + " of " + trackCount,
                            "the file ends before this track begins: it is truncated; " + REEXPORT);
                }
                long length = u32(pos + 4);
                long end = pos + 8 + length;
                if (chunkIdAt(pos, "MTrk")) {
                    checkEvents(track, pos + 8, (int) Math.min(end, bytes.length), end > bytes.length,
                            length);
                    pos = (int) end;
                    break;
                }
                if (end > bytes.length) {
                    throw refuse("track " + track + " of " + trackCount, "expected an 'MTrk' chunk but found '"
                            + printable(pos) + "'; the file is damaged; " + REEXPORT);
                }
                pos = (int) end; // a chunk of another kind: the standard says to skip it
            }
        }
    }

    private void checkEvents(int track, int from, int to, boolean cut, long declaredLength)
            throws ScoreFileException {
        EventWalker walker = new EventWalker(from, to);
        String problem = walker.walk();
        if (cut) {
            throw refuse("track " + track + ", tick " + walker.tick, "the file ends inside this track ("
                    + (to - from) + " of " + declaredLength + " bytes): it is truncated; " + REEXPORT);
        }
        if (problem != null) throw refuse("track " + track + ", tick " + walker.tick, problem + "; " + REEXPORT);
    }

    /** Steps over the events of one track; stops at the first event that cannot be read. */
    private final class EventWalker {
        private int pos;
        private final int end;
        private long tick;
        private int runningStatus;

        EventWalker(int from, int to) {
            this.pos = from;
            this.end = to;
        }

        /** Null when every event is whole, else what is wrong with the one at {@link #tick}. */
        String walk() {
            while (pos < end) {
                long delta = readVariableLength();
                if (delta < 0) return "a delta time runs past the end of the track";
                tick += delta;
                if (pos >= end) return "the track ends after a delta time, without its event";
                String problem = stepOverEvent();
                if (problem != null) return problem;
                if (pos > end) return "an event runs past the end of the track";
            }
            return null;
        }

        private String stepOverEvent() {
            int status = bytes[pos] & 0xFF;
            if (status >= 0x80) {
                pos++;
            } else if (runningStatus == 0) {
                return String.format("data byte 0x%02X comes without a status byte", status);
            } else {
                status = runningStatus;
            }
            if (status == 0xFF) {
                if (pos >= end) return "a meta event is cut short";
                pos++; // the meta type
                return skipLength("meta event");
            }
            if (status == 0xF0 || status == 0xF7) {
                runningStatus = 0;
                return skipLength("system exclusive event");
            }
            if (status > 0xF0) return String.format("status byte 0x%02X does not belong in a MIDI file", status);
            runningStatus = status;
            int command = status & 0xF0;
            int dataBytes = command == 0xC0 || command == 0xD0 ? 1 : 2;
            for (int i = 0; i < dataBytes && pos + i < end; i++) {
                int data = bytes[pos + i] & 0xFF;
                if (data >= 0x80) {
                    return String.format("a channel event's data byte is 0x%02X, but data bytes are below 0x80", data);
                }
            }
            pos += dataBytes;
            return null;
        }

        private String skipLength(String what) {
            long length = readVariableLength();
            if (length < 0) return "the length of a " + what + " runs past the end of the track";
            pos += (int) Math.min(length, Integer.MAX_VALUE - pos);
            return null;
        }

        /** Reads a variable-length quantity (at most 4 bytes); -1 when it runs past the end. */
        private long readVariableLength() {
            long value = 0;
            for (int i = 0; i < 4; i++) {
                if (pos >= end) return -1;
                int b = bytes[pos++] & 0xFF;
                value = (value << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) return value;
            }
            return value; // a fifth byte would be out of the standard; the parser will judge the rest
        }
    }

    private ScoreFileException refuse(String place, String problem) {
        return new ScoreFileException(name, place, problem);
    }

    private boolean chunkIdAt(int pos, String id) {
        return pos + 4 <= bytes.length
                && new String(bytes, pos, 4, StandardCharsets.ISO_8859_1).equals(id);
    }

    private String printable(int pos) {
        StringBuilder s = new StringBuilder();
        for (int i = pos; i < pos + 4 && i < bytes.length; i++) {
            char c = (char) (bytes[i] & 0xFF);
            s.append(c >= 32 && c < 127 ? c : '?');
        }
        return s.toString();
    }

    private int u16(int pos) {
        return ((bytes[pos] & 0xFF) << 8) | (bytes[pos + 1] & 0xFF);
    }

    private long u32(int pos) {
        return ((long) u16(pos) << 16) | u16(pos + 2);
    }
}
