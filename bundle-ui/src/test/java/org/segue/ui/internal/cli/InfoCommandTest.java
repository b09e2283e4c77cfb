package org.segue.ui.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class InfoCommandTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void jsonIsOneObjectOnOneLineWithTheDocumentedFields() throws Exception {
        FakeScoreFiles files = FakeScoreFiles.returning(Scores.pianoPiece("Wiosna \"Spring\""));

        new InfoCommand(files).run(List.of("song.musicxml", "--json"), out, err);

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(text);
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
    void tableShowsTheHeaderAndOneRowPerStaff() throws Exception {
        FakeScoreFiles files = FakeScoreFiles.returning(Scores.pianoPiece("Waltz"));

        new InfoCommand(files).run(List.of("waltz.mid"), out, err);

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Title     Waltz", "Key       2 sharps (D major)", "Time      3/4",
                "Tempo     120 quarter notes per minute");
        assertThat(text.lines().filter(l -> l.startsWith("P1 "))).containsExactly(
                "P1        1  treble       5       0       1",
                "P1        2  bass         0       2       3");
    }

    @Test
    void aRefusedFileBecomesBadInputWithTheServicesLine() {
        FakeScoreFiles files = FakeScoreFiles.refusing("<duration> -2 is negative");

        assertThatThrownBy(() -> new InfoCommand(files).run(List.of("broken.xml"), out, err))
                .isInstanceOf(BadInputException.class)
                .hasMessage("broken.xml: part P1, measure 3: <duration> -2 is negative");
    }

    @Test
    void withoutAFileItIsAUsageError() {
        FakeScoreFiles files = FakeScoreFiles.returning(Scores.pianoPiece("x"));

        assertThatThrownBy(() -> new InfoCommand(files).run(List.of("--json"), out, err))
                .isInstanceOf(UsageException.class).hasMessage("missing FILE");
        assertThat(files.read).isEmpty();
    }
}
