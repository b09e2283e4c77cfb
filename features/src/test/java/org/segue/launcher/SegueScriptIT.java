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
        assertThat(shape.get("events").asInt()).isEqualTo(1740);
        assertThat(shape.get("batch").asInt()).isEqualTo(32);
        assertThat(shape.get("steps").asInt()).isEqualTo(100);
    }
}
