package org.segue.musicxml.internal.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.WriteOptions;
import org.segue.musicxml.internal.ScoreFilesComponent;

/** Audio through Java's software synthesizer, offline: as long as the score at its tempo, and not silent. */
class WavFormatTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "little-waltz.musicxml");

    private final ScoreFilesComponent files = new ScoreFilesComponent();

    @TempDir
    Path folder;

    @Test
    void theExampleLastsItsEightBarsAtItsTempoPlusTheRelease() throws Exception {
        Path wav = folder.resolve("waltz.wav");

        files.write(files.read(EXAMPLE), wav);

        double expected = 8 * 3 * 60.0 / 108; // 8 bars of 3/4 at 108 quarter notes per minute
        double seconds = seconds(wav);
        assertThat(seconds).isBetween(expected * 0.98, expected * 1.02 + 1.0);
        AudioFormat format = AudioSystem.getAudioFileFormat(wav.toFile()).getFormat();
        assertThat(format.getSampleRate()).isEqualTo(44_100f);
        assertThat(format.getChannels()).isEqualTo(2);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(loudness(wav, 0, 1)).as("the first second sounds").isGreaterThan(100);
    }

    @Test
    void aTempoChangeIsPlayed() throws Exception {
        Score waltz = files.read(EXAMPLE);
        Part piano = waltz.parts().get(0);
        List<Measure> measures = new ArrayList<>(piano.measures());
        measures.set(4, measures.get(4).withTempo(Tempo.quarterNotesPerMinute(54)));
        Path wav = folder.resolve("slower.wav");

        files.write(waltz.withParts(List.of(piano.withMeasures(measures))), wav);

        double expected = 4 * 3 * 60.0 / 108 + 4 * 3 * 60.0 / 54; // 6.67 s, then twice as slow: 13.33 s
        assertThat(seconds(wav)).isBetween(expected * 0.98, expected * 1.02 + 1.0);
        assertThat(loudness(wav, 15, 19)).as("the slow bars still sound after 15 s").isGreaterThan(100);
    }

    @Test
    void aSoundFontCanBeGiven() throws Exception {
        Path soundFont = folder.resolve("java.sf2");
        saveJavasBuiltInSounds(soundFont);
        Path wav = folder.resolve("waltz.wav");

        files.write(files.read(EXAMPLE), wav, WriteOptions.DEFAULT.withSoundFont(soundFont));

        assertThat(seconds(wav)).isBetween(8 * 3 * 60.0 / 108, 8 * 3 * 60.0 / 108 * 1.02 + 1);
        assertThat(loudness(wav, 0, 1)).isGreaterThan(100);
    }

    @Test
    void aFileThatIsNoSoundFontIsRefusedAndNothingIsWritten() throws Exception {
        Path notOne = Files.writeString(folder.resolve("notes.sf2"), "not a SoundFont");
        Path wav = folder.resolve("waltz.wav");
        Score waltz = files.read(EXAMPLE);

        assertThatThrownBy(() -> files.write(waltz, wav, WriteOptions.DEFAULT.withSoundFont(notOne)))
                .isInstanceOf(ScoreFileException.class).hasMessageStartingWith(notOne + ": is not a SoundFont");
        assertThatThrownBy(() -> files.write(waltz, wav, WriteOptions.DEFAULT.withSoundFont(folder.resolve("no.sf2"))))
                .isInstanceOf(ScoreFileException.class).hasMessageContaining("no such SoundFont file");
        assertThat(wav).doesNotExist();
    }

    /** Java's own sounds as a SoundFont file (Gervill's sound bank can save itself). */
    private static void saveJavasBuiltInSounds(Path file) throws Exception {
        Synthesizer synthesizer = MidiSystem.getSynthesizer();
        Soundbank builtIn = synthesizer.getDefaultSoundbank();
        builtIn.getClass().getMethod("save", File.class).invoke(builtIn, file.toFile());
        assertThat(file).isNotEmptyFile();
    }

    private static double seconds(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return in.getFrameLength() / in.getFormat().getFrameRate();
        }
    }

    /** The root mean square of the 16-bit samples between two times, in sample units (0 is silence). */
    private static double loudness(Path wav, double fromSeconds, double toSeconds) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            int frameSize = f.getFrameSize();
            in.skipNBytes((long) (fromSeconds * f.getFrameRate()) * frameSize);
            byte[] bytes = in.readNBytes((int) ((toSeconds - fromSeconds) * f.getFrameRate()) * frameSize);
            double sum = 0;
            int n = bytes.length / 2;
            for (int i = 0; i + 1 < bytes.length; i += 2) {
                double sample = (short) ((bytes[i] & 0xFF) | (bytes[i + 1] << 8));
                sum += sample * sample;
            }
            return n == 0 ? 0 : Math.sqrt(sum / n);
        }
    }
}
