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
import org.segue.musicxml.ScoreFiles;
import org.segue.musicxml.internal.ScoreFilesComponent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code segue info} with the real score file service: one JSON object for a score written from the model, the
 * table for the example piece with its real counts, and the service's one line for a file it refuses.
 */
class InfoCommandTest {

    private static final ScoreFiles FILES = new ScoreFilesComponent();
    /** A note with neither a {@code <duration>} nor a {@code <type>}: the reader cannot tell how long it lasts. */
    private static final String NOTE_WITHOUT_LENGTH = """
            <score-partwise version="4.0">
              <part-list><score-part id="P1"><part-name>Piano</part-name></score-part></part-list>
              <part id="P1">
                <measure number="1">
                  <attributes><divisions>1</divisions></attributes>
                  <note><pitch><step>C</step><octave>4</octave></pitch><voice>1</voice></note>
                </measure>
              </part>
            </score-partwise>
            """;

    @TempDir
    Path folder;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void jsonIsOneObjectOnOneLineWithTheDocumentedFields() throws Exception {
        Path song = folder.resolve("song.musicxml");
        FILES.write(Scores.pianoPiece("Wiosna \"Spring\""), song);

        new InfoCommand(FILES).run(List.of(song.toString(), "--json"), out, err);

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("file").asText()).isEqualTo(song.toString());
        assertThat(json.get("title").asText()).isEqualTo("Wiosna \"Spring\"");
        assertThat(json.get("parts").asInt()).isEqualTo(1);
        assertThat(json.get("measures").asInt()).isEqualTo(2);
        assertThat(json.get("key").get("fifths").asInt()).isEqualTo(2);
        assertThat(json.get("key").get("mode").asText()).isEqualTo("major");
        assertThat(json.get("time").asText()).isEqualTo("3/4");
        assertThat(json.get("tempo").asDouble()).isEqualTo(120.0);
        JsonNode bass = json.get("staves").get(1);
        assertThat(bass.get("part").asText()).isEqualTo("P1");
        assertThat(bass.get("staff").asInt()).isEqualTo(2);
        assertThat(bass.get("clef").asText()).isEqualTo("bass");
        assertThat(bass.get("notes").asInt()).isZero();
        assertThat(bass.get("chords").asInt()).isEqualTo(2);
        assertThat(bass.get("rests").asInt()).isEqualTo(3);
    }

    @Test
    void tableShowsTheHeaderAndOneRowPerStaffOfTheExample() throws Exception {
        Path example = SharedFolder.repositoryRoot().resolve("examples/little-waltz.musicxml");

        new InfoCommand(FILES).run(List.of(example.toString()), out, err);

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("File      " + example, "Title     Little Waltz in E-flat",
                "Key       3 flats (E-flat major)", "Time      3/4", "Tempo     108 quarter notes per minute");
        assertThat(text.lines().filter(l -> l.startsWith("P1 "))).containsExactly(
                "P1        1  treble      18       2       1",
                "P1        2  bass         7      15       1");
    }

    @Test
    void aRefusedFileBecomesBadInputWithTheServicesLine() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.musicxml"), NOTE_WITHOUT_LENGTH);

        assertThatThrownBy(() -> new InfoCommand(FILES).run(List.of(broken.toString()), out, err))
                .isInstanceOf(BadInputException.class)
                .hasMessage(broken + ": part P1, measure 1: a note has neither a <duration> nor a <type>; add a "
                        + "<duration>; correct this measure in a score editor and export the file again");
    }

    @Test
    void withoutAFileItIsAUsageError() {
        assertThatThrownBy(() -> new InfoCommand(FILES).run(List.of("--json"), out, err))
                .isInstanceOf(UsageException.class).hasMessage("missing FILE");
    }
}
