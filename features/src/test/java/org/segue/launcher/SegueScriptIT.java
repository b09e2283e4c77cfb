package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code ./segue} itself, as a person runs it: a new JVM, the built application, the exit status. */
class SegueScriptIT {

    private final Path home = Path.of("target", "it-home", "script").toAbsolutePath();

    private Outcome segue(String... args) throws IOException, InterruptedException {
        return segue(120, args);
    }

    private Outcome segue(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SharedData.root().resolve("segue").toString()));
        command.addAll(List.of(args));
        java.nio.file.Files.createDirectories(home);
        Path out = home.resolveSibling("script-out.txt");
        Path err = home.resolveSibling("script-err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("SEGUE_HOME", home.toString());
        builder.environment().put("SEGUE_SHARED", SharedData.file("chopin-midi/chpn-p1.mid").getParent().getParent()
                .getParent().toString());
        SharedData.dist(); // built already: the script must not start a build here
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./segue " + String.join(" ", args) + " did not finish within " + timeoutSeconds
                    + " s");
        }
        return new Outcome(process.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void infoJsonPrintsOnlyTheJsonObject() throws Exception {
        Path song = SharedData.file("openscore-chopin-songs/Chopin_Op74_1_Zyczenie_lc30707789.mxl");

        Outcome info = segue("info", song.toString(), "--json");

        assertThat(info.err()).isEmpty();
        assertThat(info.status()).isZero();
        assertThat(info.out().lines()).hasSize(1);
        assertThat(new ObjectMapper().readTree(info.out()).get("parts").asInt()).isEqualTo(2);
    }

    @Test
    void badInputExitsWithTwoAndOneLineOnStderr() throws Exception {
        Outcome info = segue("info", "no-such-piece.mid");

        assertThat(info.status()).isEqualTo(2);
        assertThat(info.out()).isEmpty();
        assertThat(info.errLines()).containsExactly("no-such-piece.mid: no such file; check the path");
    }

    @Test
    void noCommandExitsWithTwoAndAUsageLine() throws Exception {
        Outcome none = segue();

        assertThat(none.status()).isEqualTo(2);
        assertThat(none.errLines()).containsExactly("usage: segue COMMAND [ARGUMENTS]; 'segue help' lists the commands");
    }

    /** The benchmark of record runs end to end with one repetition of everything and names every figure. */
    @Test
    void benchJsonPrintsEveryFigureOfRecord() throws Exception {
        Outcome bench = segue(600, "bench", "--json", "--runs", "1", "--warmup", "0", "--cold-runs", "1");

        assertThat(bench.status()).as(bench.err()).isZero();
        assertThat(bench.out().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(bench.out());
        for (String name : List.of("trainMsPerBatch", "stepMsBatch1", "stepMsBatch4", "continue16Ms",
                "continue16x4Ms", "coldStartMs", "peakRssMb", "importMBps", "importRealMBps")) {
            assertThat(json.get(name).asDouble()).as(name).isPositive();
            if (!name.startsWith("import")) {
                assertThat(json.get(name + "Min").asDouble()).as(name).isLessThanOrEqualTo(json.get(name).asDouble());
            }
        }
        JsonNode shape = json.get("shape");
        assertThat(shape.get("events").asInt()).isEqualTo(5576);
        assertThat(shape.get("batch").asInt()).isEqualTo(32);
        assertThat(shape.get("steps").asInt()).isEqualTo(100);
    }

    @Test
    void hostileFilesExitWithTwoAndOneLineAndWriteNothing() throws Exception {
        java.nio.file.Files.createDirectories(home);
        Path secret = java.nio.file.Files.writeString(home.resolve("secret.txt"), "TOP-SECRET");
        Path entity = java.nio.file.Files.writeString(home.resolve("entity.musicxml"), "<?xml version=\"1.0\"?>"
                + "<!DOCTYPE score-partwise [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><score-partwise "
                + "version=\"4.0\"><work><work-title>&x;</work-title></work></score-partwise>");
        Path bomb = home.resolve("bomb.mxl");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
                java.nio.file.Files.newOutputStream(bomb))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("score.xml"));
            zip.write(new byte[80 * 1024 * 1024]);
            zip.closeEntry();
        }
        byte[] noise = new byte[2048];
        new java.util.Random(5).nextBytes(noise);
        Path midi = java.nio.file.Files.write(home.resolve("noise.mid"), noise);
        Path out = home.resolve("out.musicxml");
        java.nio.file.Files.deleteIfExists(out);

        for (Path file : List.of(entity, bomb, midi)) {
            Outcome convert = segue("convert", file.toString(), out.toString());
            assertThat(convert.status()).as(file.toString()).isEqualTo(2);
            assertThat(convert.out()).isEmpty();
            assertThat(convert.errLines()).hasSize(1);
            assertThat(convert.err()).startsWith(file + ": ").doesNotContain("TOP-SECRET");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void serveAnswersUntilItIsStoppedAndThenLeavesNothingRunning() throws Exception {
        List<String> command = List.of(SharedData.root().resolve("segue").toString(), "serve", "--port", "0");
        Path out = home.resolveSibling("serve-out.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("SEGUE_HOME", home.resolveSibling("script-serve").toString());
        Process serve = builder.start();
        try {
            String first = firstLine(out, serve);
            assertThat(first).matches("Segue editor: http://127\\.0\\.0\\.1:[0-9]+/");
            java.net.URI health = java.net.URI.create(first.substring("Segue editor: ".length()) + "api/v1/health");
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(health).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);

            serve.destroy(); // SIGTERM, handled as Ctrl-C's SIGINT: the framework stops in order

            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve ends within 30 s of SIGTERM").isTrue();
            assertThat(java.nio.file.Files.readAllLines(out)).as("nothing but the address and the hint")
                    .containsExactly(first, "(Ctrl-C stops it)");
        } finally {
            serve.destroyForcibly();
        }
    }

    /** The first line the process writes to {@code out}, within 120 s. */
    private static String firstLine(Path out, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            List<String> lines = java.nio.file.Files.exists(out) ? java.nio.file.Files.readAllLines(out) : List.of();
            if (!lines.isEmpty() && java.nio.file.Files.readString(out).contains("\n")) return lines.get(0);
            if (!process.isAlive()) throw new AssertionError("serve ended early: " + lines);
            Thread.sleep(100);
        }
        throw new AssertionError("serve printed no address within 120 s");
    }

    @Test
    void serveOnAPortInUseIsOneLineAndStatusTwo() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Outcome serve = segue("serve", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(serve.status()).isEqualTo(2);
            assertThat(serve.errLines()).hasSize(1);
            assertThat(serve.errLines().get(0)).startsWith("segue serve: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()).endsWith("choose another --port or --host");
        }
    }
}
