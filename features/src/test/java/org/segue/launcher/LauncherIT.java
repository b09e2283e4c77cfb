package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The whole launch, as {@code ./segue} does it: log file, framework cache, the command, the exit status. */
class LauncherIT {

    private final Path home = Path.of("target", "it-home", "launcher").toAbsolutePath();

    @TempDir
    Path folder;

    @BeforeEach
    void emptyHome() throws Exception {
        FrameworkStorage.deleteTree(home);
    }

    private Outcome launch(LauncherSettings settings, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Launcher(settings).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private LauncherSettings settings() {
        return new LauncherSettings(home, SharedData.dist().resolve("bundle"), Duration.ofSeconds(60));
    }

    private String log() throws Exception {
        return Files.readString(home.resolve("segue.log"), StandardCharsets.UTF_8);
    }

    @Test
    void onlyTheCommandsOutputReachesTheStreamsAndTheRestGoesToTheLog() throws Exception {
        PrintStream systemErr = System.err;
        String file = SharedData.file("musicxml-testsuite/01a-Pitches-Pitches.xml").toString();

        Outcome info = launch(settings(), "info", file, "--json");

        assertThat(info.err()).isEmpty();
        assertThat(info.status()).isZero();
        assertThat(new ObjectMapper().readTree(info.out()).get("measures").asInt()).isEqualTo(27);
        assertThat(log()).contains("segue info " + file, "bundles started", "exit status 0");
        assertThat(System.err).as("System.err is given back").isSameAs(systemErr);
    }

    @Test
    void theSecondRunReusesTheFrameworkCacheOfTheFirst() throws Exception {
        launch(settings(), "help");
        Outcome second = launch(settings(), "help");

        assertThat(second.status()).isZero();
        assertThat(second.out()).contains("info FILE [--json]", "convert IN OUT");
        assertThat(log()).contains(home.resolve("felix/cache") + " (fresh)", home.resolve("felix/cache") + " (reused)");
    }

    @Test
    void badInputIsOneLineOnStderrAndItsCauseIsInTheLog() throws Exception {
        Path missing = folder.resolve("gone.musicxml");

        Outcome info = launch(settings(), "info", missing.toString());

        assertThat(info.status()).isEqualTo(2);
        assertThat(info.errLines()).containsExactly(missing + ": no such file; check the path");
        assertThat(log()).contains("segue info refused its input", "NoSuchFileException");
    }

    @Test
    void aMissingCommandLineServiceIsReportedAfterABoundedWait() throws Exception {
        Path bundles = Files.createDirectory(folder.resolve("bundles"));
        for (Path bundle : SegueFramework.bundleFiles(SharedData.dist().resolve("bundle"))) {
            if (bundle.getFileName().toString().startsWith("org.osgi.util.function")) {
                Files.copy(bundle, bundles.resolve(bundle.getFileName()));
            }
        }
        long start = System.nanoTime();

        Outcome outcome = launch(new LauncherSettings(home, bundles, Duration.ofSeconds(1)), "help");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.errLines()).containsExactly("segue: the service org.segue.ui.cli.CommandLine did not "
                + "appear within 1 s; details in " + home.resolve("segue.log"));
        assertThat(log()).contains("org.osgi.util.function");
    }

    @Test
    void aFolderWithoutBundlesIsReportedOnOneLine() throws Exception {
        Path empty = Files.createDirectory(folder.resolve("empty"));

        Outcome outcome = launch(new LauncherSettings(home, empty, Duration.ofSeconds(1)), "help");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.errLines()).hasSize(1);
        assertThat(outcome.err()).startsWith("segue: no bundles in " + empty);
    }

    @Test
    void theSettingsOfSegueHomeEtcReachTheContinuationServiceAndGoWithTheirFile() throws Exception {
        Path example = SharedData.root().resolve("examples/little-waltz.musicxml");
        Path config = Files.createDirectories(home.resolve("etc")).resolve("org.segue.continuation.cfg");
        Files.writeString(config, "# as Karaf keeps it in its etc/\nbars = 3\ntopKEvents = 4\n");

        Outcome configured = launch(settings(), "continue", example.toString(), "--out",
                folder.resolve("a.musicxml").toString(), "--json");
        Files.delete(config);
        Outcome unconfigured = launch(settings(), "continue", example.toString(), "--out",
                folder.resolve("b.musicxml").toString(), "--json");

        assertThat(configured.err()).isEmpty();
        assertThat(new ObjectMapper().readTree(configured.out()).get("addedMeasures").asInt()).isEqualTo(3);
        assertThat(log()).contains("configurations from " + home.resolve("etc") + ": [org.segue.continuation]");
        assertThat(new ObjectMapper().readTree(unconfigured.out()).get("addedMeasures").asInt())
                .as("the built-in default once the file is gone, though the framework cache is reused").isEqualTo(8);
    }
}
