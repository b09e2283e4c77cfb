package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The MuseScore plug-in ({@code musescore/SegueContinue.qml}) inside MuseScore 3, headless: {@code ./segue serve} as
 * a child process, {@code mscore3 -p} running the plug-in in job mode on a piece, and the score MuseScore saves
 * checked against the piece and against the API's answer for the same seed. mscore3's exit status says nothing
 * (a QML error exits 0 too), so only the saved file counts.
 */
class MuseScorePluginIT {

    private static final Path WORK = Path.of("target", "it-home", "musescore").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path mscore3;
    private static SegueServer segue;

    @BeforeAll
    static void startSegue() throws Exception {
        mscore3 = findMscore3();
        deleteTree(WORK);
        Files.createDirectories(WORK);
        segue = SegueServer.start(WORK.resolve("segue-home"));
    }

    @AfterAll
    static void stopSegue() throws InterruptedException {
        if (segue != null) segue.close();
    }

    @Test
    void continuesTheExampleWithTiesAndExportsAPicture() throws Exception {
        Path piece = SharedData.root().resolve("examples/little-waltz.musicxml");

        assertThat(WrittenScore.readMusicXml(piece).barStyle(8)).as("the example ends with a final bar line")
                .isEqualTo("light-heavy");

        JsonNode answer = continueInMuseScore(piece, 8, 2, "waltz");

        assertThat(count(answer, "tieStart")).as("the seed gives ties across bar lines").isPositive();
        WrittenScore continued = WrittenScore.readMusicXml(WORK.resolve("waltz/continued.musicxml"));
        assertThat(continued.barStyle(8)).as("the example's final bar line gives way").isEqualTo("regular");
        assertThat(continued.barStyle(16)).isEqualTo("light-heavy");
        Path picture = WORK.resolve("waltz/continued-1.png");
        assertThat(picture).as("the job's \"png\": MuseScore's picture of page 1").isRegularFile();
        byte[] start = Arrays.copyOf(Files.readAllBytes(picture), 8);
        assertThat(start).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void continuesAChopinPreludeInTripletsConvertedFromMidi() throws Exception {
        Path piece = WORK.resolve("chpn-p19.musicxml");
        Outcome converted = segueCommand("convert", SharedData.file("chopin-midi/chpn-p19.mid").toString(),
                piece.toString());
        assertThat(converted.status()).as(converted.err()).isZero();

        JsonNode answer = continueInMuseScore(piece, 8, 6, "prelude");

        assertThat(count(answer, "tuplet")).as("the prelude's triplets go on, which the plug-in must write")
                .isPositive();
        assertThat(count(answer, "tieStart")).as("the seed gives ties").isPositive();
    }

    /**
     * Runs the plug-in in job mode on a copy of itself, checks what MuseScore saved, and returns the API's answer
     * for the same piece, bars and seed.
     */
    private JsonNode continueInMuseScore(Path piece, int bars, long seed, String name) throws Exception {
        Path dir = WORK.resolve(name);
        Path plugin = dir.resolve("plugin/SegueContinue.qml");
        Files.createDirectories(plugin.getParent());
        Files.copy(SharedData.root().resolve("musescore/SegueContinue.qml"), plugin);
        Path out = dir.resolve("continued.musicxml");
        ObjectNode job = JSON.createObjectNode().put("url", segue.address().toString()).put("bars", bars)
                .put("seed", seed).put("out", out.toString()).put("png", dir.resolve("continued.png").toString());
        Files.writeString(plugin.resolveSibling("segue-job.json"), job.toString());

        String log = runMuseScore(plugin, piece, dir);

        assertThat(out).as("MuseScore saved no continued score; its output:%n%s", log).isRegularFile();
        JsonNode answer = continueWithApi(piece, bars, seed);
        WrittenScore before = WrittenScore.readMusicXml(piece);
        WrittenScore after = WrittenScore.readMusicXml(out);
        int original = before.measureCount();
        assertThat(answer.path("inputMeasures").asInt()).isEqualTo(original);
        assertThat(after.measureCount()).as("measures after %d new ones; MuseScore's output:%n%s", bars, log)
                .isEqualTo(original + bars);
        for (int staff = 1; staff <= 2; staff++) {
            assertThat(after.staff(staff, 1, original)).as("staff %d of the original measures", staff)
                    .containsExactlyElementsOf(before.staff(staff, 1, original));
        }
        for (int measure = original + 1; measure <= original + bars; measure++) {
            WrittenScore.MeasureFill fill = after.measures().get(measure - 1);
            for (int staff = 1; staff <= 2; staff++) {
                assertThat(fill.filled(staff)).as("staff %d of new measure %d is filled: %s", staff, measure,
                        fill.voiceEnds()).isTrue();
            }
        }
        List<List<WrittenScore.Sounding>> expected = WrittenScore.newBars(answer.at("/variations/0/newBars"));
        for (int staff = 1; staff <= 2; staff++) {
            assertThat(after.staff(staff, original + 1, original + bars))
                    .as("staff %d of the new measures, against the API's answer for seed %d", staff, seed)
                    .containsExactlyElementsOf(expected.get(staff - 1));
        }
        assertThat(log).contains("Segue: wrote " + bars + " measures");
        return answer;
    }

    /** mscore3 -p with the plug-in's absolute path, offscreen, in a home and runtime folder of its own. */
    private static String runMuseScore(Path plugin, Path piece, Path dir) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Path log = dir.resolve("mscore3.log");
        ProcessBuilder builder = new ProcessBuilder(mscore3.toString(), "-p", plugin.toAbsolutePath().toString(),
                piece.toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        builder.environment().put("QT_QPA_PLATFORM", "offscreen");
        builder.environment().put("QML_DISABLE_DISK_CACHE", "1");
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("mscore3 ran the plug-in for over 300 s; its output: " + Files.readString(log));
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static JsonNode continueWithApi(Path piece, int bars, long seed) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(segue.address().resolve(
                        "/api/v1/continue?bars=" + bars + "&seed=" + seed + "&variations=1&creativity=balanced"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/vnd.recordare.musicxml+xml")
                .POST(HttpRequest.BodyPublishers.ofFile(piece)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** How many events (for "tuplet") or pitches (for "tieStart") of the new bars have it. */
    private static long count(JsonNode answer, String field) {
        return answer.at("/variations/0/newBars/measures").findValues(field).stream()
                .filter(value -> value.isObject() || value.asBoolean()).count();
    }

    private static Outcome segueCommand(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SharedData.root().resolve("segue").toString()));
        command.addAll(List.of(args));
        Path out = WORK.resolve("segue-out.txt");
        Path err = WORK.resolve("segue-err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("SEGUE_HOME", WORK.resolve("convert-home").toString()); // not the server's
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./segue " + String.join(" ", args) + " did not finish within 120 s");
        }
        return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path findMscore3() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "mscore3");
            if (Files.isExecutable(candidate)) return candidate;
        }
        throw new AssertionError("mscore3 (MuseScore 3) is not installed, and this test runs the plug-in in it: "
                + "install it with 'apt-get install -y --no-install-recommends musescore3' (as root; .ci/run does)");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }
}
