package org.segue.musicxml.internal.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.segue.musicxml.ScoreFileException;

/**
 * Plays a MIDI sequence through Java Sound's software synthesizer (Gervill) into audio samples, without a sound
 * card and faster than real time: the synthesizer is opened as an audio stream ({@code AudioSynthesizer.openStream},
 * which Java does not export: the JVM needs {@value #JVM_OPTION}, which {@code ./segue} and the build give it),
 * every event is sent with its time in microseconds (from the sequence's tempo map), and as many samples are read as
 * the piece lasts plus the release. Rendering is serialized: one synthesizer at a time.
 */
final class OfflineSynthesizer {

    static final String JVM_OPTION = "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED";
    static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);
    private static final int TEMPO = 0x51;
    private static final Object ONE_AT_A_TIME = new Object();

    private OfflineSynthesizer() {
    }

    /**
     * Writes the sequence as a WAV file of {@code seconds} (the piece, with its release) to {@code out}.
     *
     * @param soundFont a SoundFont 2 file to play with, or null for Java's built-in sounds
     * @param target the output's name, for messages
     */
    static void renderWav(Sequence sequence, double seconds, Path soundFont, OutputStream out, String target)
            throws ScoreFileException {
        synchronized (ONE_AT_A_TIME) {
            Synthesizer synthesizer = null;
            try {
                synthesizer = MidiSystem.getSynthesizer();
                AudioInputStream stream = openStream(synthesizer, target);
                if (soundFont != null) loadSoundFont(synthesizer, soundFont, target);
                Receiver receiver = synthesizer.getReceiver();
                for (Timed timed : timedEvents(sequence)) receiver.send(timed.message(), timed.micros());
                long frames = (long) Math.ceil(seconds * FORMAT.getFrameRate());
                AudioSystem.write(new AudioInputStream(stream, FORMAT, frames), AudioFileFormat.Type.WAVE, out);
            } catch (MidiUnavailableException e) {
                throw new ScoreFileException(target, null, "Java's synthesizer is not available: " + e.getMessage(),
                        e);
            } catch (IOException e) {
                throw new ScoreFileException(target, null, "cannot be written: " + e.getMessage(), e);
            } finally {
                if (synthesizer != null) synthesizer.close();
            }
        }
    }

    /** {@code AudioSynthesizer.openStream(format, null)}, called through the synthesizer's class. */
    private static AudioInputStream openStream(Synthesizer synthesizer, String target) throws ScoreFileException {
        try {
            Method openStream = synthesizer.getClass().getMethod("openStream", AudioFormat.class, Map.class);
            return (AudioInputStream) openStream.invoke(synthesizer, FORMAT, null);
        } catch (NoSuchMethodException e) {
            throw new ScoreFileException(target, null, "this Java's synthesizer ("
                    + synthesizer.getClass().getName() + ") cannot render audio offline; use OpenJDK's (Gervill)", e);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new ScoreFileException(target, null, "audio needs Java's synthesizer, which this JVM does not "
                    + "open to Segue; start Java with " + JVM_OPTION + " (./segue does)", e);
        } catch (InvocationTargetException e) {
            throw new ScoreFileException(target, null, "Java's synthesizer cannot render audio: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void loadSoundFont(Synthesizer synthesizer, Path file, String target) throws ScoreFileException {
        if (!Files.isRegularFile(file)) {
            throw new ScoreFileException(file.toString(), null, "no such SoundFont file; check the path given to "
                    + "--soundfont (nothing was written to " + target + ")");
        }
        Soundbank bank;
        try {
            bank = MidiSystem.getSoundbank(file.toFile());
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new ScoreFileException(file.toString(), null, "is not a SoundFont that Java can read ("
                    + e.getMessage() + "); give a SoundFont 2 (.sf2) file", e);
        }
        Soundbank builtIn = synthesizer.getDefaultSoundbank();
        if (builtIn != null) synthesizer.unloadAllInstruments(builtIn);
        if (!synthesizer.loadAllInstruments(bank)) {
            throw new ScoreFileException(file.toString(), null, "Java's synthesizer cannot use this SoundFont; give "
                    + "a SoundFont 2 (.sf2) file");
        }
    }

    record Timed(ShortMessage message, long micros) {
    }

    /** The sequence's channel messages, in time order, with their times from the tempo map. */
    static List<Timed> timedEvents(Sequence sequence) {
        List<MidiEvent> events = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) events.add(track.get(i));
        }
        // a stable sort keeps each track's order (NoteOff before NoteOn of the same pitch at the same tick)
        events.sort(Comparator.comparingLong(MidiEvent::getTick));
        double ticksPerQuarter = sequence.getResolution();
        double microsPerQuarter = 500_000; // 120 quarter notes per minute until a tempo event
        long lastTick = 0;
        double micros = 0;
        List<Timed> timed = new ArrayList<>();
        for (MidiEvent event : events) {
            micros += (event.getTick() - lastTick) * microsPerQuarter / ticksPerQuarter;
            lastTick = event.getTick();
            if (event.getMessage() instanceof MetaMessage meta && meta.getType() == TEMPO) {
                byte[] d = meta.getData();
                microsPerQuarter = ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
            } else if (event.getMessage() instanceof ShortMessage message) {
                timed.add(new Timed(message, Math.round(micros)));
            }
        }
        return timed;
    }
}
