package org.segue.musicxml.internal.midi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.segue.musicxml.ScoreFileException;

/** Files that are not type 0 or 1 Standard MIDI Files are refused with one line that says where and what. */
class MidiRefusalTest {

    private static final int Q = 480;

    private static byte[] twoTracks() {
        SmfBuilder midi = new SmfBuilder().tempo(0, 100).track();
        for (int i = 0; i < 40; i++) midi.note(60 + i % 12, i * Q, (i + 1) * Q);
        return midi.type1();
    }

    private static void read(byte[] bytes, String name) throws ScoreFileException {
        new MidiFormat().read(new ByteArrayInputStream(bytes), name);
    }

    @Test
    void aTruncatedFileIsRefusedNamingTheTrackAndTheTickWhereItEnds() {
        byte[] whole = twoTracks();
        byte[] cut = Arrays.copyOf(whole, whole.length - 100);
        assertThatThrownBy(() -> read(cut, "cut.mid")).isInstanceOf(ScoreFileException.class)
                .hasMessageMatching("cut\\.mid: track 2, tick \\d+: the file ends inside this track \\(\\d+ of \\d+ "
                        + "bytes\\): it is truncated; export it again from the program that made it")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFileCutBeforeItsSecondTrackIsRefused() {
        byte[] whole = twoTracks();
        int secondTrack = indexOf(whole, "MTrk", indexOf(whole, "MTrk", 0) + 4);
        byte[] cut = Arrays.copyOf(whole, secondTrack + 2);
        assertThatThrownBy(() -> read(cut, "cut.mid")).isInstanceOf(ScoreFileException.class)
                .hasMessageStartingWith("cut.mid: track 2 of 2: the file ends before this track begins");
    }

    @Test
    void aType2FileIsRefused() {
        byte[] type2 = twoTracks();
        type2[9] = 2;
        assertThatThrownBy(() -> read(type2, "t2.mid")).isInstanceOf(ScoreFileException.class)
                .hasMessage("t2.mid: is a type 2 MIDI file (independent sequences), which this reader does not "
                        + "support; save it as type 0 or 1");
    }

    @Test
    void aFileThatIsNotMidiIsRefused() {
        assertThatThrownBy(() -> read("<score-partwise/>".getBytes(), "x.mid")).isInstanceOf(ScoreFileException.class)
                .hasMessage("x.mid: is not a Standard MIDI File (it does not start with 'MThd'); choose a .mid file");
        assertThatThrownBy(() -> read(new byte[0], "empty.mid")).isInstanceOf(ScoreFileException.class)
                .hasMessageStartingWith("empty.mid: is not a Standard MIDI File");
    }

    @Test
    void aFileWithSmpteTimingIsRefused() {
        byte[] smpte = twoTracks();
        smpte[12] = (byte) 0xE7; // -25 frames per second
        smpte[13] = 40;
        assertThatThrownBy(() -> read(smpte, "smpte.mid")).isInstanceOf(ScoreFileException.class)
                .hasMessageStartingWith("smpte.mid: header: it counts time in SMPTE frames");
    }

    @Test
    void aDataByteWithoutStatusIsRefusedWithItsPlace() {
        byte[] bytes = twoTracks();
        int track2 = indexOf(bytes, "MTrk", indexOf(bytes, "MTrk", 0) + 4);
        bytes[track2 + 8 + 1] = 0x40; // the first event's status byte becomes a data byte
        assertThatThrownBy(() -> read(bytes, "bad.mid")).isInstanceOf(ScoreFileException.class)
                .hasMessageStartingWith("bad.mid: track 2, tick 0: data byte 0x40 comes without a status byte");
    }

    @Test
    void notesAbsurdlyFarAwayAreRefusedInsteadOfLayingOutMillionsOfMeasures() {
        byte[] bytes = new SmfBuilder().track().note(60, 0, Q).note(62, 100_000_000L, 100_000_000L + Q).type1();
        assertThatThrownBy(() -> read(bytes, "far.mid")).isInstanceOf(ScoreFileException.class)
                .hasMessageStartingWith("far.mid: measure 20001: the notes go on for more than the 20000 measures");
    }

    private static int indexOf(byte[] bytes, String id, int from) {
        for (int i = from; i + 4 <= bytes.length; i++) {
            if (new String(bytes, i, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals(id)) return i;
        }
        throw new AssertionError(id + " not found");
    }
}
