package org.segue.ui.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.segue.core.internal.continuation.ContinuationComponent;
import org.segue.musicxml.internal.HostileFiles;
import org.segue.musicxml.internal.ScoreFilesComponent;
import org.segue.ui.cli.CommandLine;

/**
 * The hostile files through the command line service, as {@code ./segue} runs it: {@code info}, {@code convert}
 * and {@code continue} each end with exit status 2 and exactly one line on stderr (the file and what is wrong), no
 * stack trace, nothing on stdout, no output file, within seconds.
 */
class HostileInputCommandTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(30);
    private static final ScoreFilesComponent FILES = new ScoreFilesComponent();
    private static final ContinuationComponent CONTINUATIONS = new ContinuationComponent();

    @TempDir
    static Path folder;

    @BeforeAll
    static void start() {
        CONTINUATIONS.activate();
    }

    @AfterAll
    static void stop() {
        CONTINUATIONS.deactivate();
    }

    private final CommandLineComponent commandLine = new CommandLineComponent(List.of(new InfoCommand(FILES),
            new ConvertCommand(FILES), new ContinueCommand(FILES, CONTINUATIONS)), "/tmp/segue.log");

    private record Outcome(int status, String out, String err) {
    }

    private Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = commandLine.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandRefusesEachHostileFileWithStatusTwoAndOneLine() {
        return HostileFiles.cases("http://127.0.0.1:9/x.dtd", "file:///nonexistent/secret").stream()
                .filter(c -> c.expected() != null)
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Path file = Files.write(folder.resolve(c.name()), c.bytes());
                    Path out = folder.resolve("out-" + c.name() + ".musicxml");
                    for (String[] args : List.of(new String[] {"info", file.toString()},
                            new String[] {"convert", file.toString(), out.toString()},
                            new String[] {"continue", file.toString(), "--bars", "2", "--out", out.toString()})) {
                        Outcome outcome = assertTimeoutPreemptively(TIME_LIMIT, () -> run(args));
                        assertThat(outcome.status()).as("%s %s", args[0], c.name()).isEqualTo(CommandLine.BAD_INPUT);
                        assertThat(outcome.err()).as("%s %s", args[0], c.name()).startsWith(file + ": ")
                                .contains(c.expected()).endsWith("\n").doesNotContain("\tat ");
                        assertThat(outcome.err().lines()).hasSize(1);
                        assertThat(outcome.out()).isEmpty();
                        assertThat(out).doesNotExist();
                    }
                }));
    }

    @Test
    void continuingAScoreWithNothingPitchedIsRefusedWithOneLine() throws Exception {
        Path drums = folder.resolve("percussion-only.musicxml");
        try (InputStream in = getClass().getResourceAsStream("/org/segue/musicxml/fidelity/percussion-only.musicxml")) {
            Files.copy(in, drums);
        }
        Path out = folder.resolve("drums-continued.musicxml");

        Outcome outcome = run("continue", drums.toString(), "--bars", "2", "--out", out.toString());

        assertThat(outcome.status()).isEqualTo(CommandLine.BAD_INPUT);
        assertThat(outcome.err()).isEqualTo(drums + ": the score has no pitched note to continue (only rests or "
                + "unpitched percussion); give it a part with notes; nothing was written\n");
        assertThat(out).doesNotExist();
        Outcome converted = run("convert", drums.toString(), out.toString());
        assertThat(converted.status()).isEqualTo(CommandLine.OK);
        assertThat(Files.readString(out)).contains("<unpitched>");
    }
}
