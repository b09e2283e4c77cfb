package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The built bundles in a real Felix framework, started by the launcher's own code in the test JVM, with the
 * command line service called as {@code ./segue} calls it. One per test class: start it in {@code @BeforeAll},
 * close it in {@code @AfterAll}.
 */
final class RunningSegue implements AutoCloseable {

    private final LogFile log;
    private final SegueFramework framework;
    private final CommandLineClient commandLine;

    private RunningSegue(LogFile log, SegueFramework framework, CommandLineClient commandLine) {
        this.log = log;
        this.framework = framework;
        this.commandLine = commandLine;
    }

    /** Starts a clean framework whose home is {@code target/it-home/NAME}, and waits for the command line. */
    static RunningSegue start(String name) throws Exception {
        Path home = Path.of("target", "it-home", name).toAbsolutePath();
        FrameworkStorage.deleteTree(home);
        List<Path> bundles = SegueFramework.bundleFiles(SharedData.dist().resolve("bundle"));
        LogFile log = LogFile.open(home.resolve("segue.log"));
        log.captureSystemStreams(); // as the launcher does: the bundles' logging goes to the file
        try {
            SegueFramework framework = SegueFramework.start(home.resolve("felix"), true, bundles,
                    Map.of("segue.log.file", log.path().toString()));
            return new RunningSegue(log, framework, CommandLineClient.await(framework, Duration.ofSeconds(60)));
        } catch (Exception | Error e) {
            log.close();
            throw e;
        }
    }

    SegueFramework framework() {
        return framework;
    }

    /** Runs one command, like {@code ./segue ARGS}, and keeps what it printed. */
    Outcome run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = commandLine.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            assertThat(framework.stop()).as("the framework stops within 30 s").isTrue();
        } finally {
            log.close();
        }
    }
}
