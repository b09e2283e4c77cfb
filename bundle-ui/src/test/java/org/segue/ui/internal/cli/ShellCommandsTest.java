package org.segue.ui.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.segue.ui.cli.CommandLine;

/** The shell functions hand their arguments to the command line unchanged and turn its status into the outcome. */
class ShellCommandsTest {

    private final PrintStream systemOut = System.out;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<List<String>> calls = new ArrayList<>();

    @BeforeEach
    void captureOut() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOut() {
        System.setOut(systemOut);
    }

    /** A command line that records its calls and answers with the status {@code answer} gives. */
    private ShellCommands shell(Function<List<String>, Integer> answer) {
        return new ShellCommands((args, o, e) -> {
            calls.add(args);
            o.println("ran " + String.join(" ", args));
            int status = answer.apply(args);
            if (status != CommandLine.OK) {
                e.println("reading...");
                e.println(args.get(1) + ": no such file; check the path");
            }
            return status;
        });
    }

    @Test
    void eachFunctionRunsTheCommandOfItsNameWithTheSameArguments() {
        ShellCommands shell = shell(args -> CommandLine.OK);

        shell.info("piece.mid", "--json");
        shell._continue("in.musicxml", "--bars", "4", "--out", "out.mid");
        shell.train();
        shell.evaluate("--json");
        shell.calibrate("--out", "c.segue-model");
        shell.convert("a.mid", "b.musicxml");

        assertThat(calls).containsExactly(List.of("info", "piece.mid", "--json"),
                List.of("continue", "in.musicxml", "--bars", "4", "--out", "out.mid"), List.of("train"),
                List.of("evaluate", "--json"), List.of("calibrate", "--out", "c.segue-model"),
                List.of("convert", "a.mid", "b.musicxml"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ran info piece.mid --json");
    }

    @Test
    void aStatusOtherThanZeroFailsTheShellCommandWithTheCommandsLastErrorLine() {
        ShellCommands shell = shell(args -> CommandLine.BAD_INPUT);

        assertThatThrownBy(() -> shell.info("missing.mid"))
                .isInstanceOf(ShellCommands.ShellCommandFailed.class)
                .hasMessage("missing.mid: no such file; check the path (exit status 2)")
                .satisfies(e -> assertThat(((ShellCommands.ShellCommandFailed) e).status()).isEqualTo(2));
    }

    @Test
    void aFailureWithoutAnErrorLineNamesTheCommandAndTheStatus() {
        ShellCommands shell = new ShellCommands((args, o, e) -> CommandLine.FAILED);

        assertThatThrownBy(shell::train).hasMessage("segue train ended with exit status 1");
    }
}
