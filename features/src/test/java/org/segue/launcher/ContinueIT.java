package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * "Continue this piece" inside Felix, through the command line service and the continuation service of the core
 * bundle, with the default model that the core bundle carries. The thorough checks of the new bars (XSD, original
 * measures, full measures) are {@code ContinuationAcceptanceTest} in bundle-ui; these check that the same runs
 * inside the framework.
 */
class ContinueIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = SharedData.root().resolve("examples/little-waltz.musicxml");

    @RegisterExtension
    static final RunningSegue SEGUE = new RunningSegue("continue");

    @TempDir
    Path folder;

    @Test
    void theSummaryLineGivesEachStaffsShareOfBeatsAndOnsetsABeatAgainstThePiece() throws Exception {
        Path xml = folder.resolve("summary.musicxml");

        Outcome run = SEGUE.run("continue", EXAMPLE.toString(), "--bars", "4", "--out", xml.toString());

        assertThat(run.status()).as(run.err()).isZero();
        String staves = "treble sounds on \\d+% of beats \\(piece 96%\\), \\d\\.\\d\\d onsets a beat "
                + "\\(piece 0\\.83\\); bass on \\d+% \\(piece 96%\\), \\d\\.\\d\\d onsets a beat \\(piece 0\\.92\\); ";
        assertThat(run.out().lines().findFirst().orElseThrow()).matches("wrote " + java.util.regex.Pattern.quote(
                xml.toString()) + ": 8 \\+ 4 measures; \\d+% of notes in the key, \\d+% consonant strong beats "
                + "\\(\\d+% with a staff silent\\), \\d+% repeated bars; " + staves
                + "whole-bar rests: treble \\d+ \\(piece 0\\), bass \\d+ \\(piece 0\\)");
    }

    @Test
    void theMainJobWritesSixteenBarsAsMusicXmlAndMidi() throws Exception {
        Path xml = folder.resolve("waltz.musicxml");
        Path midi = folder.resolve("waltz.mid");

        Outcome run = SEGUE.run("continue", EXAMPLE.toString(), "--bars", "16", "--out", xml.toString(),
                "--out", midi.toString(), "--json");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("inputMeasures").asInt()).isEqualTo(8);
        assertThat(json.get("addedMeasures").asInt()).isEqualTo(16);
        assertThat(json.get("variations")).hasSize(1);
        assertThat(json.get("millis").asLong()).isPositive();
        JsonNode report = json.get("variations").get(0).get("report");
        assertThat(report.get("notesInScale").asDouble()).isBetween(0.0, 1.0);
        assertThat(report.get("consonantStrongBeats").asDouble()).isBetween(0.0, 1.0);

        JsonNode original = SEGUE.info(EXAMPLE);
        for (Path written : List.of(xml, midi)) {
            JsonNode continued = SEGUE.info(written);
            assertThat(continued.get("measures").asInt()).as(written.getFileName().toString()).isEqualTo(24);
            assertThat(continued.get("key")).isEqualTo(original.get("key"));
            assertThat(continued.get("time")).isEqualTo(original.get("time"));
            assertThat(continued.get("staves")).hasSize(2);
        }
        JsonNode staves = SEGUE.info(xml).get("staves");
        assertThat(staves.get(0).get("clef").asText()).isEqualTo("treble");
        assertThat(staves.get(1).get("clef").asText()).isEqualTo("bass");
        for (int s = 0; s < 2; s++) {
            int before = original.get("staves").get(s).get("notes").asInt()
                    + original.get("staves").get(s).get("chords").asInt();
            int after = staves.get(s).get("notes").asInt() + staves.get(s).get("chords").asInt();
            assertThat(after).as("notes and chords of staff " + (s + 1)).isGreaterThan(before);
        }
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws Exception {
        Path first = folder.resolve("first.musicxml");
        Path second = folder.resolve("second.musicxml");

        SEGUE.run("continue", EXAMPLE.toString(), "--bars", "4", "--seed", "7", "--out", first.toString());
        SEGUE.run("continue", EXAMPLE.toString(), "--bars", "4", "--seed", "7", "--out", second.toString());

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void variationsAreNumberedAndEachHasItsReport() throws Exception {
        Path out = folder.resolve("piece.mid");

        Outcome run = SEGUE.run("continue", EXAMPLE.toString(), "--bars", "2", "--variations", "3", "--out",
                out.toString(), "--json");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("variations")).hasSize(3);
        assertThat(folder.resolve("piece-1.mid")).isRegularFile();
        assertThat(folder.resolve("piece-3.mid")).isRegularFile();
        assertThat(out).doesNotExist();
    }

    @Test
    void aTargetKeyAndTempoAreWrittenWhereTheNewBarsStart() throws Exception {
        Path out = folder.resolve("in-e-minor.musicxml");

        Outcome run = SEGUE.run("continue", EXAMPLE.toString(), "--bars", "2", "--key", "e", "--tempo", "120",
                "--out", out.toString());

        assertThat(run.status()).as(run.err()).isZero();
        String xml = Files.readString(out);
        String newBars = xml.substring(xml.indexOf("<measure number=\"9\""));
        assertThat(newBars).contains("<fifths>1</fifths>", "<mode>minor</mode>", "<per-minute>120</per-minute>",
                "<sound tempo=\"120\"/>");
        assertThat(SEGUE.info(out).get("key").get("fifths").asInt()).as("the piece still starts in E-flat")
                .isEqualTo(-3);
    }

    @Test
    void theInputIsNeverOverwritten() throws Exception {
        Path copy = Files.copy(EXAMPLE, folder.resolve("mine.musicxml"));
        byte[] before = Files.readAllBytes(copy);

        Outcome run = SEGUE.run("continue", copy.toString(), "--bars", "2", "--out", copy.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(copy.toString(), "never overwrites its input");
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
    }
}
