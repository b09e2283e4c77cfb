package org.segue.ui.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFiles;
import org.segue.musicxml.internal.ScoreFilesComponent;

/**
 * {@code segue convert} with the real score file service: the example piece becomes a MIDI file with the same
 * notes; the input is never written over, however the output is spelled; an output that cannot be written is
 * refused before the input is read (the inputs of those tests do not exist, so reading them would fail first).
 */
class ConvertCommandTest {

    private static final ScoreFiles FILES = new ScoreFilesComponent();

    @TempDir
    Path folder;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private Path in;
    private byte[] inBytes;

    @BeforeEach
    void writeAnInputScore() throws Exception {
        in = folder.resolve("in.musicxml");
        FILES.write(Scores.pianoPiece("Waltz"), in);
        inBytes = Files.readAllBytes(in);
    }

    @Test
    void convertsTheExampleToMidiWithTheSameNotes() throws Exception {
        Path example = SharedFolder.repositoryRoot().resolve("examples/little-waltz.musicxml");
        Path target = folder.resolve("waltz.mid");

        new ConvertCommand(FILES).run(List.of(example.toString(), target.toString()), out, err);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("wrote " + target + " (1 part, 8 measures)\n");
        Score original = FILES.read(example);
        Score written = FILES.read(target);
        assertThat(written.measureCount()).isEqualTo(original.measureCount());
        assertThat(SoundingNotes.of(written.parts().get(0))).isEqualTo(SoundingNotes.of(original.parts().get(0)));
    }

    @Test
    void neverWritesOverItsInputEvenWhenThePathIsSpelledDifferently() {
        String sameFile = folder.resolve(".").resolve("in.musicxml").toString();

        assertThatThrownBy(() -> new ConvertCommand(FILES).run(List.of(in.toString(), sameFile), out, err))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is the input file itself; convert never overwrites its input");
        assertThat(in).hasBinaryContent(inBytes);
    }

    @Test
    void neverWritesOverItsInputThroughALink() throws Exception {
        Path link = Files.createSymbolicLink(folder.resolve("link.xml"), in);

        assertThatThrownBy(() -> new ConvertCommand(FILES).run(List.of(in.toString(), link.toString()), out, err))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is the input file itself");
        assertThat(in).hasBinaryContent(inBytes);
    }

    @Test
    void refusesAnUnknownOutputTypeBeforeReading() {
        Path missing = folder.resolve("missing.mid");
        Path target = folder.resolve("out.docx");

        assertThatThrownBy(() -> new ConvertCommand(FILES).run(List.of(missing.toString(), target.toString()), out,
                err)).isInstanceOf(BadInputException.class)
                .hasMessage(target + ": unknown file type for the output; use one of .mid, .midi, .musicxml, .mxl, "
                        + ".pdf, .png, .svg, .wav, .xml");
    }

    @Test
    void refusesAFolderAsTheOutputBeforeReading() throws Exception {
        Path missing = folder.resolve("missing.xml");
        Path target = Files.createDirectory(folder.resolve("scores.mid"));

        assertThatThrownBy(() -> new ConvertCommand(FILES).run(List.of(missing.toString(), target.toString()), out,
                err)).isInstanceOf(BadInputException.class).hasMessageContaining("is a folder");
    }

    @Test
    void needsBothFiles() {
        assertThatThrownBy(() -> new ConvertCommand(FILES).run(List.of(in.toString()), out, err))
                .isInstanceOf(UsageException.class).hasMessage("missing OUT");
    }
}
