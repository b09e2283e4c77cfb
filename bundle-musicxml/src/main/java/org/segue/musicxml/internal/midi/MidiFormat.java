package org.segue.musicxml.internal.midi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.function.Function;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;

import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.internal.ScoreFormat;

/**
 * Standard MIDI Files ({@code .mid}, {@code .midi}) through javax.sound.midi.
 *
 * <p>Reading accepts types 0 and 1 with musical timing (ticks per quarter note) and refuses type 2, SMPTE timing,
 * files that are not MIDI and damaged or truncated files, with one line that names the track and tick where known
 * ({@link SmfChecker}). It builds one part, "Piano", with a treble and a bass staff: staves from tracks, else from
 * channels, else split at middle C ({@link StaffAssigner}); gaps of up to a 16th between a note and the next
 * onset of its staff closed, the note lengthened, since they are articulation and not rests ({@link LegatoGaps});
 * onsets and ends on a grid of sixteenths, eighth
 * triplets, thirty-seconds or sixteenth triplets chosen per beat ({@link Quantizer}); voices ({@link VoiceBuilder});
 * measures from the time signature events, measure 1 at tick 0 ({@link MeasureLayout}); one tempo mark per measure
 * at most ({@link TempoMap}); keys from key signature events or estimated ({@link KeyPlan}); the title from the
 * first track's name or text, else the file name. The sustain pedal and other controllers, program changes, pitch
 * bends, velocities and system exclusive events are not read: the score model has no place for them. Notes on the
 * drum channel (10) are read as pitches like the others.
 *
 * <p>Writing produces a type 1 file at 480 ticks per quarter note with a conductor track and a track per staff
 * ({@link MidiWriter}).
 */
public class MidiFormat implements ScoreFormat {

    private final LegatoGaps legato;
    /** Why the legato property could not be used, or null; then every read is refused with it. */
    private final String badLegato;

    /** Reads with the default legato rule ({@link LegatoGaps#DEFAULT}). */
    public MidiFormat() {
        this(LegatoGaps.DEFAULT);
    }

    /** Reads closing the articulation gaps that {@code legato} calls legato. */
    public MidiFormat(LegatoGaps legato) {
        this(legato, null);
    }

    private MidiFormat(LegatoGaps legato, String badLegato) {
        this.legato = legato;
        this.badLegato = badLegato;
    }

    /**
     * Reads with the legato rule that {@code properties} name ({@link LegatoGaps#from}); a bad value does not stop
     * the service but refuses every MIDI file with one line that names the property.
     */
    public static MidiFormat from(Function<String, String> properties) {
        try {
            return new MidiFormat(LegatoGaps.from(properties));
        } catch (IllegalArgumentException e) {
            return new MidiFormat(LegatoGaps.DEFAULT, e.getMessage());
        }
    }

    /** Larger than any score-sized MIDI file; a bound so that a wrong file cannot exhaust memory. */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    @Override
    public Set<String> extensions() {
        return Set.of("mid", "midi");
    }

    @Override
    public Score read(InputStream in, String name) throws ScoreFileException {
        if (badLegato != null) {
            throw new ScoreFileException(name, null, "cannot be read as MIDI: " + badLegato + "; fix or remove -D"
                    + LegatoGaps.PROPERTY);
        }
        byte[] bytes = readBounded(in, name);
        SmfChecker.check(bytes, name);
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        } catch (InvalidMidiDataException | IOException e) {
            throw new ScoreFileException(name, null, "javax.sound.midi cannot parse it (" + e.getMessage()
                    + "); export it again from the program that made it", e);
        }
        return MidiScoreBuilder.build(MidiNoteCollector.collect(sequence, name), name, legato);
    }

    @Override
    public void write(Score score, OutputStream out, String name) throws ScoreFileException {
        Sequence sequence = MidiWriter.toSequence(score, name);
        try {
            MidiSystem.write(sequence, 1, out);
        } catch (IOException e) {
            throw new ScoreFileException(name, null, "cannot be written: " + e.getMessage(), e);
        }
    }

    private static byte[] readBounded(InputStream in, String name) throws ScoreFileException {
        try {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new ScoreFileException(name, null, "is larger than " + MAX_FILE_BYTES / (1024 * 1024)
                        + " MB, far more than a score's MIDI file; choose the right file");
            }
            return bytes;
        } catch (IOException e) {
            throw new ScoreFileException(name, null, "cannot be read: " + e.getMessage(), e);
        }
    }
}
