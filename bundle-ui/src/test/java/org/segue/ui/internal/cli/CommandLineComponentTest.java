package org.segue.ui.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.musicxml.internal.ScoreFilesComponent;
import org.segue.ui.cli.CommandLine;

/**
 * How the command line turns a command's outcome into an exit status and exactly one line on stderr, with a
 * scripted command that fails on demand next to the real {@code info} command and score file service.
 */
class CommandLineComponentTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /** A command that fails in the way its first argument says. */
    private static final class Scripted implements Command {
        @Override
        public String name() {
            return "try";
        }

        @Override
        public String usage() {
            return "OUTCOME";
        }

        @Override
        public String summary() {
            return "fails on purpose";
        }

        @Override
        public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
            switch (args.isEmpty() ? "" : args.get(0)) {
                case "ok" -> out.println("done");
                case "usage" -> throw new UsageException("missing OUTCOME");
                case "bad" -> throw new BadInputException("in.xml: part P1, measure 4: <alter> 7 is out of range",
                        new IllegalArgumentException("alter 7"));
                case "multiline" -> throw new BadInputException("in.xml: first line\n  second line");
                default -> throw new IllegalStateException("boom\nwith a second line");
            }
        }
    }

    private final CommandLineComponent commandLine = new CommandLineComponent(
            List.of(new Scripted(), new InfoCommand(new ScoreFilesComponent())),
            "/home/me/.segue/segue.log");

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void successIsStatusZeroWithOnlyTheCommandsOutput() {
        int status = commandLine.run(List.of("try", "ok"), out, err);

        assertThat(status).isEqualTo(CommandLine.OK);
        assertThat(out()).isEqualTo("done\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void aUsageErrorIsStatusTwoAndOneLineWithTheUsage() {
        int status = commandLine.run(List.of("try", "usage"), out, err);

        assertThat(status).isEqualTo(CommandLine.BAD_INPUT);
        assertThat(err()).isEqualTo("segue try: missing OUTCOME; usage: segue try OUTCOME\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void badInputIsStatusTwoAndExactlyItsOneLine() {
        int status = commandLine.run(List.of("try", "bad"), out, err);

        assertThat(status).isEqualTo(CommandLine.BAD_INPUT);
        assertThat(err()).isEqualTo("in.xml: part P1, measure 4: <alter> 7 is out of range\n");
    }

    @Test
    void aFileTheRealServiceRefusesIsStatusTwoAndItsOneLine() {
        Path missing = folder.resolve("missing.musicxml");

        int status = commandLine.run(List.of("info", missing.toString()), out, err);

        assertThat(status).isEqualTo(CommandLine.BAD_INPUT);
        assertThat(err()).isEqualTo(missing + ": no such file; check the path\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void aMessageWithLineBreaksIsJoinedIntoOneLine() {
        commandLine.run(List.of("try", "multiline"), out, err);

        assertThat(err()).isEqualTo("in.xml: first line second line\n");
    }

    @Test
    void anUnexpectedFailureIsStatusOneAndOneLineSayingWhereTheLogIs() {
        int status = commandLine.run(List.of("try", "crash"), out, err);

        assertThat(status).isEqualTo(CommandLine.FAILED);
        assertThat(err().lines()).hasSize(1);
        assertThat(err()).contains("unexpected failure (IllegalStateException: boom with a second line)",
                "the stack trace is in /home/me/.segue/segue.log");
        assertThat(err()).doesNotContain("\tat ");
    }

    @Test
    void noArgumentsIsAUsageErrorOfOneLine() {
        int status = commandLine.run(List.of(), out, err);

        assertThat(status).isEqualTo(CommandLine.BAD_INPUT);
        assertThat(err()).isEqualTo("usage: segue COMMAND [ARGUMENTS]; 'segue help' lists the commands\n");
    }

    @Test
    void anUnknownCommandIsNamedOnOneLine() {
        int status = commandLine.run(List.of("contiue", "x.mid"), out, err);

        assertThat(status).isEqualTo(CommandLine.BAD_INPUT);
        assertThat(err()).isEqualTo("segue: unknown command 'contiue'; 'segue help' lists the commands\n");
    }

    @Test
    void helpListsEveryCommandByNameWithItsUsage() {
        int status = commandLine.run(List.of("help"), out, err);

        assertThat(status).isEqualTo(CommandLine.OK);
        assertThat(out()).contains("info FILE [--json]", "try OUTCOME", "help [COMMAND]",
                "stack trace in /home/me/.segue/segue.log");
        assertThat(out().indexOf("info FILE")).isLessThan(out().indexOf("try OUTCOME"));
    }

    @Test
    void helpOnOneCommandAndDashDashHelpGiveItsUsage() {
        assertThat(commandLine.run(List.of("help", "info"), out, err)).isEqualTo(CommandLine.OK);
        assertThat(commandLine.run(List.of("info", "--help"), out, err)).isEqualTo(CommandLine.OK);

        assertThat(out().lines().filter(l -> l.equals("usage: segue info FILE [--json]"))).hasSize(2);
    }
}
