package org.segue.ui.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private final FakeScoreFiles files = FakeScoreFiles.returning(Scores.pianoPiece("Waltz"));

    @Test
    void readsTheInputAndWritesTheOutputThroughTheService() throws Exception {
        Path in = Files.writeString(folder.resolve("in.musicxml"), "<score-partwise/>");
        Path target = folder.resolve("out.mid");

        new ConvertCommand(files).run(List.of(in.toString(), target.toString()), out, err);

        assertThat(files.read).containsExactly(in);
        assertThat(files.written).containsExactly(target);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("wrote " + target + " (1 part, 2 measures)\n");
    }

    @Test
    void neverWritesOverItsInputEvenWhenThePathIsSpelledDifferently() throws Exception {
        Path in = Files.writeString(folder.resolve("in.musicxml"), "<score-partwise/>");
        String sameFile = folder.resolve(".").resolve("in.musicxml").toString();

        assertThatThrownBy(() -> new ConvertCommand(files).run(List.of(in.toString(), sameFile), out, err))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is the input file itself; convert never overwrites its input");
        assertThat(files.read).isEmpty();
        assertThat(files.written).isEmpty();
    }

    @Test
    void neverWritesOverItsInputThroughALink() throws Exception {
        Path in = Files.writeString(folder.resolve("in.musicxml"), "<score-partwise/>");
        Path link = Files.createSymbolicLink(folder.resolve("link.xml"), in);

        assertThatThrownBy(() -> new ConvertCommand(files).run(List.of(in.toString(), link.toString()), out, err))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is the input file itself");
        assertThat(files.written).isEmpty();
    }

    @Test
    void refusesAnUnknownOutputTypeBeforeReading() {
        Path target = folder.resolve("out.pdf");

        assertThatThrownBy(() -> new ConvertCommand(files).run(List.of("in.mid", target.toString()), out, err))
                .isInstanceOf(BadInputException.class)
                .hasMessage(target + ": unknown file type for the output; use one of .mid, .musicxml, .mxl, .xml");
        assertThat(files.read).isEmpty();
    }

    @Test
    void refusesAFolderAsTheOutput() throws Exception {
        Path target = Files.createDirectory(folder.resolve("scores.mid"));

        assertThatThrownBy(() -> new ConvertCommand(files).run(List.of("in.xml", target.toString()), out, err))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is a folder");
        assertThat(files.read).isEmpty();
    }

    @Test
    void needsBothFiles() {
        assertThatThrownBy(() -> new ConvertCommand(files).run(List.of("in.xml"), out, err))
                .isInstanceOf(UsageException.class).hasMessage("missing OUT");
    }
}
