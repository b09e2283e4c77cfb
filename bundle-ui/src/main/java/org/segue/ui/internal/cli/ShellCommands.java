package org.segue.ui.internal.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.ui.cli.CommandLine;

/**
 * {@code segue:info}, {@code segue:continue}, {@code segue:train}, {@code segue:evaluate}, {@code segue:calibrate}
 * and {@code segue:convert}
 * as standard OSGi shell (Gogo) commands, which Karaf's console and Felix's Gogo shell both run. Each passes its
 * arguments unchanged to the {@link CommandLine} service, so options, messages and results are those of
 * {@code ./segue}. Results go to {@code System.out}, which the shell gives to the session; problems and progress go
 * to {@code System.err} as well, which Felix's Gogo shell shows but Karaf's remote sessions ({@code bin/client},
 * ssh) do not. So a status other than 0 becomes a failed shell command whose message is the command's last line
 * on stderr: the one line that says what was wrong, shown by every shell.
 *
 * <p>Plain public methods taking {@code String...} are all Gogo needs, so nothing of the shell's API is imported.
 * {@code continue} is a Java keyword: Gogo calls {@code _continue} for it.
 */
@Component(service = ShellCommands.class, property = {
        "osgi.command.scope=segue",
        "osgi.command.function=info",
        "osgi.command.function=continue",
        "osgi.command.function=train",
        "osgi.command.function=evaluate",
        "osgi.command.function=calibrate",
        "osgi.command.function=convert"})
public class ShellCommands {

    @Reference
    private CommandLine commandLine;

    public ShellCommands() {
    }

    ShellCommands(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    public void info(String... args) {
        run("info", args);
    }

    public void _continue(String... args) {
        run("continue", args);
    }

    public void train(String... args) {
        run("train", args);
    }

    public void evaluate(String... args) {
        run("evaluate", args);
    }

    public void calibrate(String... args) {
        run("calibrate", args);
    }

    public void convert(String... args) {
        run("convert", args);
    }

    private void run(String command, String[] args) {
        List<String> line = new ArrayList<>();
        line.add(command);
        line.addAll(List.of(args));
        PrintStream out = System.out;
        ByteArrayOutputStream errLines = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new TeeOutputStream(System.err, errLines), true, StandardCharsets.UTF_8);
        int status;
        try {
            status = commandLine.run(line, out, err);
        } finally {
            // a remote session may end with the failure before unflushed lines reach it
            out.flush();
            err.flush();
        }
        if (status != CommandLine.OK) {
            throw new ShellCommandFailed(command, status, lastLine(errLines.toString(StandardCharsets.UTF_8)));
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? null : lines.get(lines.size() - 1).strip();
    }

    /** Writes to two streams: the shell's stderr as the command goes, and a copy for the failure's message. */
    private static final class TeeOutputStream extends OutputStream {

        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }

    /** A command that ended with a status other than 0; the message is its one line, else its status. */
    public static final class ShellCommandFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int status;

        ShellCommandFailed(String command, int status, String lastErrorLine) {
            super(lastErrorLine != null ? lastErrorLine + " (exit status " + status + ")"
                    : "segue " + command + " ended with exit status " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** The shell prints the message; a stack trace would add nothing to the command's own line. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
