package org.segue.musicxml.internal.midi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;

/** Builds small Standard MIDI Files with javax.sound.midi for the tests: tracks of notes and meta events. */
final class SmfBuilder {

    private final int ticksPerQuarter;
    private final List<List<MidiEvent>> tracks = new ArrayList<>();

    SmfBuilder(int ticksPerQuarter) {
        this.ticksPerQuarter = ticksPerQuarter;
        tracks.add(new ArrayList<>());
    }

    SmfBuilder() {
        this(480);
    }

    /** Starts a new track; the following calls add to it. */
    SmfBuilder track() {
        tracks.add(new ArrayList<>());
        return this;
    }

    SmfBuilder name(String name) {
        return meta(0, 0x03, name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    SmfBuilder text(String text) {
        return meta(0, 0x01, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A note on channel 0 with a NoteOff message. */
    SmfBuilder note(int pitch, long start, long end) {
        return note(0, pitch, start, end);
    }

    SmfBuilder note(int channel, int pitch, long start, long end) {
        shortMessage(start, ShortMessage.NOTE_ON, channel, pitch, 90);
        return shortMessage(end, ShortMessage.NOTE_OFF, channel, pitch, 0);
    }

    /** A note ended by a NoteOn with velocity 0, as many sequencers write it. */
    SmfBuilder noteEndedByVelocityZero(int pitch, long start, long end) {
        shortMessage(start, ShortMessage.NOTE_ON, 0, pitch, 90);
        return shortMessage(end, ShortMessage.NOTE_ON, 0, pitch, 0);
    }

    SmfBuilder shortMessage(long tick, int command, int channel, int data1, int data2) {
        try {
            return add(tick, new ShortMessage(command, channel, data1, data2));
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e);
        }
    }

    SmfBuilder tempo(long tick, double quarterNotesPerMinute) {
        int micros = (int) Math.round(60_000_000 / quarterNotesPerMinute);
        return meta(tick, 0x51, new byte[] {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros});
    }

    SmfBuilder time(long tick, int beats, int beatType) {
        return meta(tick, 0x58, new byte[] {(byte) beats, (byte) Integer.numberOfTrailingZeros(beatType), 24, 8});
    }

    SmfBuilder key(long tick, int fifths, boolean minor) {
        return meta(tick, 0x59, new byte[] {(byte) fifths, (byte) (minor ? 1 : 0)});
    }

    SmfBuilder meta(long tick, int type, byte[] data) {
        try {
            return add(tick, new MetaMessage(type, data, data.length));
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private SmfBuilder add(long tick, MidiMessage message) {
        tracks.get(tracks.size() - 1).add(new MidiEvent(message, tick));
        return this;
    }

    /** A type 1 file with the tracks as built (the first one may be empty). */
    byte[] type1() {
        return write(1, false);
    }

    /** A type 0 file: all tracks merged into one. */
    byte[] type0() {
        return write(0, true);
    }

    Score readType1(String name) throws ScoreFileException {
        return new MidiFormat().read(new ByteArrayInputStream(type1()), name);
    }

    Score readType1() throws ScoreFileException {
        return readType1("test.mid");
    }

    private byte[] write(int type, boolean merge) {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, ticksPerQuarter);
            Track merged = merge ? sequence.createTrack() : null;
            for (List<MidiEvent> events : tracks) {
                Track track = merge ? merged : sequence.createTrack();
                for (MidiEvent e : events) track.add(new MidiEvent(e.getMessage(), e.getTick()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(sequence, type, out);
            return out.toByteArray();
        } catch (InvalidMidiDataException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
