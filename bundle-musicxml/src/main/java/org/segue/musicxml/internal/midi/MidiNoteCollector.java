package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.segue.model.TimeSignature;
import org.segue.musicxml.internal.midi.MidiContent.KeyChange;
import org.segue.musicxml.internal.midi.MidiContent.TempoChange;
import org.segue.musicxml.internal.midi.MidiContent.TimeChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs every NoteOn with its NoteOff, track by track, and gathers the meta events (tempo, time and key
 * signatures, names). Rules, because MIDI files disagree on them:
 * <ul>
 * <li>a NoteOn with velocity 0 is a NoteOff;</li>
 * <li>notes are matched by track, channel and pitch; a NoteOn for a pitch that is still sounding ends the sounding
 * note there (a piano re-strikes the key); a NoteOff at the very tick of such a re-strike belongs to the old note,
 * so files that write "on, off" instead of "off, on" at one tick keep both notes;</li>
 * <li>a note still sounding at the end of its track ends there; a NoteOff with no sounding note is ignored;</li>
 * <li>controllers (the sustain pedal among them), program changes, pitch bends and system exclusive events are
 * ignored: a score has no place for them.</li>
 * </ul>
 */
final class MidiNoteCollector {

    private static final Logger LOG = LoggerFactory.getLogger(MidiNoteCollector.class);

    private static final int META_TEXT = 0x01;
    private static final int META_TRACK_NAME = 0x03;
    private static final int META_TEMPO = 0x51;
    private static final int META_TIME_SIGNATURE = 0x58;
    private static final int META_KEY_SIGNATURE = 0x59;

    private final String fileName;
    private final List<MidiNote> notes = new ArrayList<>();
    private final List<TempoChange> tempos = new ArrayList<>();
    private final List<TimeChange> times = new ArrayList<>();
    private final List<KeyChange> keys = new ArrayList<>();
    private final List<String> trackNames = new ArrayList<>();
    private String firstText;
    private int unmatchedOffs;
    private int unfinished;

    private MidiNoteCollector(String fileName) {
        this.fileName = fileName;
    }

    static MidiContent collect(Sequence sequence, String fileName) {
        MidiNoteCollector collector = new MidiNoteCollector(fileName);
        Track[] tracks = sequence.getTracks();
        for (int t = 0; t < tracks.length; t++) collector.readTrack(t, tracks[t]);
        return collector.content(sequence.getResolution());
    }

    private MidiContent content(int ticksPerQuarter) {
        if (unmatchedOffs > 0) {
            LOG.debug("{}: {} NoteOff events had no sounding note; ignored", fileName, unmatchedOffs);
        }
        if (unfinished > 0) {
            LOG.warn("{}: {} notes had no NoteOff; each ends where its track ends", fileName, unfinished);
        }
        notes.sort(Comparator.comparingLong(MidiNote::startTick).thenComparingInt(MidiNote::pitch));
        tempos.sort(Comparator.comparingLong(TempoChange::tick));
        times.sort(Comparator.comparingLong(TimeChange::tick));
        keys.sort(Comparator.comparingLong(KeyChange::tick));
        String firstName = trackNames.isEmpty() ? "" : trackNames.get(0);
        String title = !firstName.isBlank() ? firstName : firstText;
        return new MidiContent(ticksPerQuarter, notes, tempos, times, keys, title, trackNames);
    }

    private void readTrack(int index, Track track) {
        trackNames.add("");
        Map<Integer, Sounding> sounding = new HashMap<>();
        long lastTick = 0;
        for (int i = 0; i < track.size(); i++) {
            MidiEvent event = track.get(i);
            lastTick = Math.max(lastTick, event.getTick());
            if (event.getMessage() instanceof ShortMessage message) {
                readShort(index, event.getTick(), message, sounding);
            } else if (event.getMessage() instanceof MetaMessage meta) {
                readMeta(index, event.getTick(), meta);
            }
        }
        for (Sounding s : sounding.values()) {
            notes.add(new MidiNote(index, s.channel, s.pitch, s.start, lastTick));
            unfinished++;
        }
    }

    /** A note whose NoteOn was seen; {@code restruckAt} is the tick where it cut short an earlier note, or -1. */
    private record Sounding(int channel, int pitch, long start, long restruckAt) {
    }

    private void readShort(int track, long tick, ShortMessage message, Map<Integer, Sounding> sounding) {
        int command = message.getCommand();
        if (command != ShortMessage.NOTE_ON && command != ShortMessage.NOTE_OFF) return;
        int channel = message.getChannel();
        int pitch = message.getData1();
        int key = channel * 128 + pitch;
        boolean on = command == ShortMessage.NOTE_ON && message.getData2() > 0;
        Sounding current = sounding.get(key);
        if (on) {
            if (current != null) notes.add(new MidiNote(track, channel, pitch, current.start, tick));
            sounding.put(key, new Sounding(channel, pitch, tick, current == null ? -1 : tick));
        } else if (current == null) {
            unmatchedOffs++;
        } else if (current.restruckAt == tick) {
            // "on, off" at one tick: the off ends the note that the on already cut short
            sounding.put(key, new Sounding(channel, pitch, current.start, -1));
        } else {
            notes.add(new MidiNote(track, channel, pitch, current.start, tick));
            sounding.remove(key);
        }
    }

    private void readMeta(int track, long tick, MetaMessage meta) {
        byte[] data = meta.getData();
        switch (meta.getType()) {
            case META_TRACK_NAME -> {
                if (trackNames.get(track).isEmpty()) trackNames.set(track, MetaText.decode(data));
            }
            case META_TEXT -> {
                if (track == 0 && firstText == null && !MetaText.decode(data).isBlank()) {
                    firstText = MetaText.decode(data);
                }
            }
            case META_TEMPO -> readTempo(track, tick, data);
            case META_TIME_SIGNATURE -> readTime(track, tick, data);
            case META_KEY_SIGNATURE -> readKey(track, tick, data);
            default -> {
                // lyrics, markers, copyright and the rest have no place in the model
            }
        }
    }

    private void readTempo(int track, long tick, byte[] data) {
        int micros = data.length < 3 ? 0 : ((data[0] & 0xFF) << 16) | ((data[1] & 0xFF) << 8) | (data[2] & 0xFF);
        if (micros == 0) {
            LOG.warn("{}: track {}, tick {}: a tempo event without a valid tempo; ignored", fileName, track + 1, tick);
            return;
        }
        tempos.add(new TempoChange(tick, micros));
    }

    private void readTime(int track, long tick, byte[] data) {
        int beats = data.length < 2 ? 0 : data[0] & 0xFF;
        int power = data.length < 2 ? 99 : data[1] & 0xFF;
        if (beats < 1 || power > 6) {
            LOG.warn("{}: track {}, tick {}: time signature event with {} beats of 2^{}: not a time signature; "
                    + "ignored", fileName, track + 1, tick, beats, power);
            return;
        }
        times.add(new TimeChange(tick, new TimeSignature(beats, 1 << power)));
    }

    private void readKey(int track, long tick, byte[] data) {
        int fifths = data.length < 2 ? 99 : data[0]; // a signed byte: flats are negative
        if (fifths < -7 || fifths > 7) {
            LOG.warn("{}: track {}, tick {}: key signature event with {} sharps or flats; ignored", fileName,
                    track + 1, tick, fifths);
            return;
        }
        keys.add(new KeyChange(tick, fifths, data[1] == 1));
    }
}
