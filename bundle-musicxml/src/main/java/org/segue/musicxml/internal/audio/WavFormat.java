package org.segue.musicxml.internal.audio;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;

import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.WriteOptions;
import org.segue.musicxml.internal.ScoreFormat;
import org.segue.musicxml.internal.midi.MidiWriter;

/**
 * Audio ({@code .wav}: 44.1 kHz, 16 bits, stereo): the score's MIDI sequence, as the MIDI writer makes it (every part
 * on the piano, at the score's tempo marks and their changes), played by {@link OfflineSynthesizer} with Java's
 * built-in sounds or the SoundFont of {@link WriteOptions#soundFont()}. The file lasts as long as the score, to the
 * end of its last measure, plus {@value #RELEASE_SECONDS} s for the last notes to fade. Written only.
 */
public class WavFormat implements ScoreFormat {

    static final double RELEASE_SECONDS = 1.0;

    @Override
    public Set<String> extensions() {
        return Set.of("wav");
    }

    @Override
    public boolean readable() {
        return false;
    }

    @Override
    public Score read(InputStream in, String name) throws ScoreFileException {
        throw new ScoreFileException(name, null, "audio cannot be read back; read the MusicXML or MIDI file it was "
                + "made from");
    }

    @Override
    public void write(Score score, OutputStream out, String name) throws ScoreFileException {
        write(score, out, name, WriteOptions.DEFAULT);
    }

    @Override
    public void write(Score score, OutputStream out, String name, WriteOptions options) throws ScoreFileException {
        if (score.parts().isEmpty()) throw new ScoreFileException(name, null, "the score has no parts to play");
        double seconds = ScoreClock.seconds(score) + RELEASE_SECONDS;
        OfflineSynthesizer.renderWav(MidiWriter.toSequence(score, name), seconds, options.soundFont(), out, name);
    }
}
