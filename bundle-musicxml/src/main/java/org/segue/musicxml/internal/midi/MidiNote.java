package org.segue.musicxml.internal.midi;

/**
 * A note as a MIDI file plays it: from its NoteOn to its NoteOff, in ticks.
 *
 * @param track the index of its track in the file, 0 for the first
 * @param channel the MIDI channel, 0..15
 * @param pitch the MIDI note number, 0..127
 * @param startTick the tick of its NoteOn
 * @param endTick the tick of its NoteOff, never before {@code startTick}; equal for a note of no length
 */
record MidiNote(int track, int channel, int pitch, long startTick, long endTick) {

    MidiNote {
        if (pitch < 0 || pitch > 127) throw new IllegalArgumentException("MIDI pitch must be in 0..127, not " + pitch);
        if (startTick < 0 || endTick < startTick) {
            throw new IllegalArgumentException("a note needs 0 <= start <= end, not " + startTick + ".." + endTick);
        }
    }
}
