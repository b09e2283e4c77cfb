package org.segue.musicxml.internal.midi;

import java.util.List;

import org.segue.model.TimeSignature;

/**
 * What the importer takes from a MIDI file: its notes and the meta events that shape the score, all in ticks of
 * {@code ticksPerQuarter}.
 *
 * @param title the name of the first track (or its first text), or null where it has none
 * @param trackNames the name of every track by index; empty where a track has none
 */
record MidiContent(int ticksPerQuarter, List<MidiNote> notes, List<TempoChange> tempoChanges,
                   List<TimeChange> timeChanges, List<KeyChange> keyChanges, String title,
                   List<String> trackNames) {

    MidiContent {
        if (ticksPerQuarter < 1) {
            throw new IllegalArgumentException("ticks per quarter must be >= 1, not " + ticksPerQuarter);
        }
        notes = List.copyOf(notes);
        tempoChanges = List.copyOf(tempoChanges);
        timeChanges = List.copyOf(timeChanges);
        keyChanges = List.copyOf(keyChanges);
        trackNames = List.copyOf(trackNames);
    }

    /** A Set Tempo meta event: from {@code tick} on, a quarter note lasts {@code microsPerQuarter} microseconds. */
    record TempoChange(long tick, int microsPerQuarter) {
        TempoChange {
            if (microsPerQuarter < 1) throw new IllegalArgumentException("tempo must be >= 1 us per quarter");
        }
    }

    /** A Time Signature meta event. */
    record TimeChange(long tick, TimeSignature time) {
    }

    /** A Key Signature meta event: {@code fifths} sharps (negative: flats), and whether it says minor. */
    record KeyChange(long tick, int fifths, boolean minor) {
    }

    /** The name of a track for messages, like {@code track 2 'Piano right'} (numbered from 1, as people count). */
    String describeTrack(int index) {
        String name = index < trackNames.size() ? trackNames.get(index) : "";
        return "track " + (index + 1) + (name.isEmpty() ? "" : " '" + name + "'");
    }
}
