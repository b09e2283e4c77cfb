package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The built bundles in a real Felix framework, started by the launcher's own code from this JVM, and the command
 * line service called as {@code ./segue} calls it.
 */
class CommandLineIT {

    @RegisterExtension
    static final RunningSegue SEGUE = new RunningSegue("command-line");

    @TempDir
    Path folder;

    @Test
    void everyBundleIsActiveAndEveryFragmentResolved() {
        List<Bundle> bundles = SEGUE.framework().bundles();

        assertThat(bundles).extracting(Bundle::getSymbolicName).contains("org.segue.core", "org.segue.musicxml",
                "org.segue.ui", "org.apache.felix.scr", "slf4j.api", "slf4j.simple");
        for (Bundle bundle : bundles) {
            int expected = SegueFramework.isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE;
            assertThat(SegueFramework.stateName(bundle.getState())).as(bundle.getSymbolicName())
                    .isEqualTo(SegueFramework.stateName(expected));
        }
    }

    @Test
    void infoReadsAMusicXmlFileThroughTheService() throws Exception {
        JsonNode json = SEGUE.info(SharedData.file("musicxml-testsuite/01a-Pitches-Pitches.xml"));

        assertThat(json.get("parts").asInt()).isEqualTo(1);
        assertThat(json.get("measures").asInt()).isEqualTo(27);
        assertThat(json.get("key").get("fifths").asInt()).isZero();
        assertThat(json.get("key").get("mode").asText()).isEqualTo("major");
        assertThat(json.get("time").asText()).isEqualTo("4/4");
        assertThat(json.get("tempo").asDouble()).isEqualTo(120.0);
        assertThat(json.get("tempoMarked").asBoolean()).isFalse();
        JsonNode staff = json.get("staves").get(0);
        assertThat(json.get("staves")).hasSize(1);
        assertThat(staff.get("part").asText()).isEqualTo("P1");
        assertThat(staff.get("clef").asText()).isEqualTo("treble");
        assertThat(staff.get("notes").asInt()).isEqualTo(108);
        assertThat(staff.get("chords").asInt()).isZero();
        assertThat(staff.get("rests").asInt()).isZero();
    }

    @Test
    void infoReadsACompressedSongWithAVoiceAndAPianoPart() throws Exception {
        JsonNode json = SEGUE.info(SharedData.file("openscore-chopin-songs/Chopin_Op74_2_Wiosna_lc30888260.mxl"));

        assertThat(json.get("parts").asInt()).isEqualTo(2);
        assertThat(json.get("measures").asInt()).isEqualTo(56);
        assertThat(json.get("key").get("fifths").asInt()).isEqualTo(-2);
        assertThat(json.get("time").asText()).isEqualTo("6/8");
        assertThat(json.get("tempo").asDouble()).isEqualTo(103.5);
        assertThat(json.get("staves")).hasSize(3);
        // the piano's lower staff opens in the treble clef in this song
        assertThat(json.get("staves")).extracting(staff -> staff.get("part").asText() + "/"
                + staff.get("staff").asInt() + "/" + staff.get("clef").asText())
                .containsExactly("P1/1/treble", "P2/1/treble", "P2/2/treble");
    }

    @Test
    void infoReadsAChopinMidiFileIntoTrebleAndBassStaves() throws Exception {
        JsonNode json = SEGUE.info(SharedData.file("chopin-midi/chpn-p7.mid"));

        assertThat(json.get("parts").asInt()).isEqualTo(1);
        assertThat(json.get("time").asText()).isEqualTo("3/4");
        assertThat(json.get("key").get("fifths").asInt()).isEqualTo(3);
        assertThat(json.get("measures").asInt()).isBetween(16, 18);
        assertThat(json.get("staves")).hasSize(2);
        assertThat(json.get("staves").get(0).get("clef").asText()).isEqualTo("treble");
        assertThat(json.get("staves").get(1).get("clef").asText()).isEqualTo("bass");
        for (JsonNode staff : json.get("staves")) {
            assertThat(staff.get("notes").asInt() + staff.get("chords").asInt()).isPositive();
        }
    }

    @Test
    void infoWithoutJsonPrintsATable() throws Exception {
        Outcome info = SEGUE.run("info", SharedData.file("musicxml-testsuite/01a-Pitches-Pitches.xml").toString());

        assertThat(info.status()).isZero();
        assertThat(info.out()).contains("Time      4/4", "P1        1  treble     108       0       0");
    }

    @Test
    void convertWritesMidiAndMusicXmlThatReadBackWithTheSameCounts() throws Exception {
        Path song = SharedData.file("musicxml-testsuite/01a-Pitches-Pitches.xml");
        Path midi = folder.resolve("pitches.mid");
        Path musicxml = folder.resolve("pitches.musicxml");

        Outcome toMidi = SEGUE.run("convert", song.toString(), midi.toString());
        Outcome toMusicXml = SEGUE.run("convert", song.toString(), musicxml.toString());

        assertThat(toMidi.err()).isEmpty();
        assertThat(toMusicXml.err()).isEmpty();
        assertThat(toMidi.out()).isEqualTo("wrote " + midi + " (1 part, 27 measures)\n");
        assertThat(SEGUE.info(musicxml).get("staves").get(0).get("notes").asInt()).isEqualTo(108);
        JsonNode fromMidi = SEGUE.info(midi);
        JsonNode staves = fromMidi.get("staves");
        int sounding = 0;
        for (JsonNode staff : staves) sounding += staff.get("notes").asInt();
        assertThat(sounding).as("single notes after a round trip through MIDI").isEqualTo(108);
    }

    @Test
    void convertNeverOverwritesItsInput() throws Exception {
        Path input = Files.copy(SharedData.file("musicxml-testsuite/01a-Pitches-Pitches.xml"),
                folder.resolve("mine.xml"));
        byte[] before = Files.readAllBytes(input);

        Outcome same = SEGUE.run("convert", input.toString(), folder.resolve(".").resolve("mine.xml").toString());

        assertThat(same.status()).isEqualTo(2);
        assertThat(same.errLines()).hasSize(1);
        assertThat(same.err()).contains("is the input file itself");
        assertThat(Files.readAllBytes(input)).isEqualTo(before);
    }

    @Test
    void aBrokenFileIsBadInputOnOneLineNamingTheFile() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.musicxml"), "<score-partwise><part id=\"P1\">");

        Outcome info = SEGUE.run("info", broken.toString(), "--json");

        assertThat(info.status()).isEqualTo(2);
        assertThat(info.out()).isEmpty();
        assertThat(info.errLines()).hasSize(1);
        assertThat(info.err()).startsWith(broken.toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aFileWhoseTypeIsUnknownIsBadInput() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.txt"), "C D E");

        Outcome info = SEGUE.run("info", text.toString());

        assertThat(info.status()).isEqualTo(2);
        assertThat(info.errLines()).containsExactly(
                text + ": unknown file type; use one of .mid, .midi, .musicxml, .mxl, .xml");
    }

    @Test
    void aMissingFileIsBadInput() throws Exception {
        Path missing = folder.resolve("nowhere.mid");

        Outcome info = SEGUE.run("info", missing.toString());

        assertThat(info.status()).isEqualTo(2);
        assertThat(info.errLines()).containsExactly(missing + ": no such file; check the path");
    }

    @Test
    void aMisspelledOptionIsAUsageError() throws Exception {
        Outcome info = SEGUE.run("info", "x.xml", "--jsn");

        assertThat(info.status()).isEqualTo(2);
        assertThat(info.errLines()).containsExactly(
                "segue info: unknown option --jsn; usage: segue info FILE [--json]");
    }
}
