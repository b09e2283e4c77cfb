package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.segue.model.Duration;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.model.TimeSignature;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.internal.midi.SoundingNotes.SoundingNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a score as a type 1 Standard MIDI File:
 * <ul>
 * <li>resolution: 480 ticks per quarter note, where every position of the import grid (1/96 of a whole note) is a
 * whole number of ticks (20), and so are quintuplets; where the score has positions that 480 cannot express
 * (septuplets, for instance), the smallest multiple of 480 up to 32640 that expresses all of them; failing that,
 * 480 and each position rounded to the nearest tick;</li>
 * <li>track 1, the conductor track: the title as its name, and at each measure where they are marked or change, a
 * Set Tempo (every tempo mark, at its measure's start), a Time Signature and a Key Signature (minor for minor and
 * aeolian modes, major otherwise), all taken from the first part;</li>
 * <li>then one track per staff of each part, named after the part ({@code Piano right} and {@code Piano left} for
 * a two-staff part, {@code <part> staff n} for more staves), with every note of that staff: tied notes become one
 * note, velocity {@value #VELOCITY}; all staves of a part on one channel (the first part on channel 1, as
 * piano-midi.de files have both hands; further parts on the next channels, skipping the drum channel 10). Where a
 * note ends at the tick where the same pitch starts again, the NoteOff comes first.</li>
 * </ul>
 *
 * <p>Public for the audio writer of this bundle, which plays this sequence.
 */
public final class MidiWriter {

    private static final Logger LOG = LoggerFactory.getLogger(MidiWriter.class);

    static final int BASE_TICKS_PER_QUARTER = 480;
    static final int VELOCITY = 80;
    private static final int MAX_TICKS_PER_QUARTER = 0x7FFF;
    private static final int DRUM_CHANNEL = 9;

    private final String fileName;
    private int ticksPerQuarter;

    private MidiWriter(String fileName) {
        this.fileName = fileName;
    }

    /**
     * The score as a MIDI sequence, as written to a file; {@code fileName} names it in messages. MIDI plays what
     * sounds: transposing parts at concert pitch; unpitched notes are left out.
     */
    public static Sequence toSequence(Score score, String fileName) throws ScoreFileException {
        return new MidiWriter(fileName).sequence(score.atConcertPitch());
    }

    private Sequence sequence(Score score) throws ScoreFileException {
        List<List<SoundingNote>> notesByPart = score.parts().stream().map(SoundingNotes::of).toList();
        ticksPerQuarter = chooseTicksPerQuarter(score, notesByPart);
        Sequence sequence;
        try {
            sequence = new Sequence(Sequence.PPQ, ticksPerQuarter);
            writeConductor(sequence.createTrack(), score);
            for (int p = 0; p < score.parts().size(); p++) {
                Part part = score.parts().get(p);
                for (int staff = 1; staff <= part.staffCount(); staff++) {
                    writeStaff(sequence.createTrack(), part, p, staff, notesByPart.get(p));
                }
            }
        } catch (InvalidMidiDataException e) {
            throw new ScoreFileException(fileName, null, "cannot be written as MIDI: " + e.getMessage(), e);
        }
        return sequence;
    }

    private void writeConductor(Track track, Score score) throws InvalidMidiDataException, ScoreFileException {
        if (!score.title().isBlank()) add(track, 0, meta(0x03, MetaText.encode(score.title())));
        if (score.parts().isEmpty()) return;
        Duration start = Duration.ZERO;
        Measure previous = null;
        for (Measure m : score.parts().get(0).measures()) {
            long tick = tick(start);
            if (previous == null || !m.time().equals(previous.time())) add(track, tick, timeSignature(m));
            if (previous == null || !m.key().equals(previous.key())) add(track, tick, keySignature(m.key()));
            if (m.tempo() != null) add(track, tick, tempo(m.tempo()));
            previous = m;
            start = start.plus(m.length());
        }
    }

    private void writeStaff(Track track, Part part, int partIndex, int staff, List<SoundingNote> notes)
            throws InvalidMidiDataException {
        add(track, 0, meta(0x03, MetaText.encode(trackName(part, partIndex, staff))));
        int channel = channel(partIndex);
        record Key(long tick, boolean on, int pitch) {
        }
        List<Key> keys = new ArrayList<>();
        for (SoundingNote n : notes) {
            if (n.staff() != staff) continue;
            long on = tick(n.onset());
            long off = Math.max(on + 1, tick(n.end()));
            keys.add(new Key(on, true, n.pitch()));
            keys.add(new Key(off, false, n.pitch()));
        }
        keys.sort(Comparator.comparingLong(Key::tick).thenComparing(Key::on).thenComparingInt(Key::pitch));
        for (Key k : keys) {
            int command = k.on() ? ShortMessage.NOTE_ON : ShortMessage.NOTE_OFF;
            add(track, k.tick(), new ShortMessage(command, channel, k.pitch(), k.on() ? VELOCITY : 0));
        }
    }

    static String trackName(Part part, int partIndex, int staff) {
        String name = part.name().isBlank() ? "Part " + (partIndex + 1) : part.name();
        return switch (part.staffCount()) {
            case 1 -> name;
            case 2 -> name + (staff == 1 ? " right" : " left");
            default -> name + " staff " + staff;
        };
    }

    /** Part 1 on channel 1 (index 0), the next parts on the next channels, never on the drum channel. */
    static int channel(int partIndex) {
        int c = partIndex % 15;
        return c >= DRUM_CHANNEL ? c + 1 : c;
    }

    private MetaMessage timeSignature(Measure m) throws InvalidMidiDataException, ScoreFileException {
        TimeSignature t = m.time();
        if (t.beats() > 255) {
            throw new ScoreFileException(fileName, "measure " + m.number(), "time signature " + t
                    + " has more than the 255 beats a MIDI file can hold; change the time signature");
        }
        int clocksPerClick = 96 / t.beatType() * (t.isCompound() ? 3 : 1); // 24 MIDI clocks per quarter note
        byte[] data = {(byte) t.beats(), (byte) Integer.numberOfTrailingZeros(t.beatType()),
                (byte) Math.max(1, Math.min(255, clocksPerClick)), 8};
        return meta(0x58, data);
    }

    private static MetaMessage keySignature(KeySignature key) throws InvalidMidiDataException {
        return meta(0x59, new byte[] {(byte) key.fifths(), (byte) (key.isMinor() ? 1 : 0)});
    }

    private static MetaMessage tempo(Tempo tempo) throws InvalidMidiDataException {
        long micros = Math.round(60_000_000 / tempo.quarterNotesPerMinute());
        int m = (int) Math.max(1, Math.min(0xFFFFFF, micros));
        return meta(0x51, new byte[] {(byte) (m >> 16), (byte) (m >> 8), (byte) m});
    }

    private static MetaMessage meta(int type, byte[] data) throws InvalidMidiDataException {
        return new MetaMessage(type, data, data.length);
    }

    private static void add(Track track, long tick, MidiMessage message) {
        track.add(new MidiEvent(message, tick));
    }

    /** A position as ticks, rounded to the nearest tick where it falls between two (halves round up). */
    long tick(Duration position) {
        long scale = 4L * ticksPerQuarter;
        return Math.floorDiv(2 * Math.multiplyExact(position.num(), scale) + position.den(), 2 * position.den());
    }

    /** The smallest multiple of 480 that puts every position of the score on a whole tick; 480 when none can. */
    private int chooseTicksPerQuarter(Score score, List<List<SoundingNote>> notesByPart) {
        long needed = 1; // the least common multiple of the positions' denominators
        for (List<SoundingNote> notes : notesByPart) {
            for (SoundingNote n : notes) needed = lcmCapped(lcmCapped(needed, n.onset().den()), n.end().den());
        }
        for (Part part : score.parts()) {
            Duration start = Duration.ZERO;
            for (Measure m : part.measures()) {
                start = start.plus(m.length());
                needed = lcmCapped(needed, start.den());
            }
        }
        for (int k = 1; k * BASE_TICKS_PER_QUARTER <= MAX_TICKS_PER_QUARTER; k++) {
            if (4L * k * BASE_TICKS_PER_QUARTER % needed == 0) return k * BASE_TICKS_PER_QUARTER;
        }
        LOG.info("{}: some positions need 1/{} of a whole note, which no resolution up to {} ticks per quarter "
                + "holds; they are rounded to the nearest of {} ticks per quarter", fileName, needed,
                MAX_TICKS_PER_QUARTER, BASE_TICKS_PER_QUARTER);
        return BASE_TICKS_PER_QUARTER;
    }

    /** The lcm, or a value no resolution can meet once it grows past what a MIDI file can hold. */
    private static long lcmCapped(long a, long b) {
        long g = gcd(a, b);
        long lcm = a / g * b;
        return lcm > 4L * MAX_TICKS_PER_QUARTER * 64 || lcm < 0 ? Long.MAX_VALUE / 4 : lcm;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
