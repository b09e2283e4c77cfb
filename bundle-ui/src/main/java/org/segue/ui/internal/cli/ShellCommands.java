package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.ui.cli.CommandLine;

/**
 * {@code segue:info}, {@code segue:continue}, {@code segue:train}, {@code segue:evaluate} and {@code segue:convert}
 * as standard OSGi shell (Gogo) commands, which Karaf's console and Felix's Gogo shell both run. Each passes its
 * arguments unchanged to the {@link CommandLine} service, so options, messages and results are those of
 * {@code ./segue}. The shell shows what the command prints (its {@code System.out} and {@code System.err} are the
 * session's); a status other than 0 becomes a failed shell command that names the status.
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

    public void convert(String... args) {
        run("convert", args);
    }

    private void run(String command, String[] args) {
        List<String> line = new ArrayList<>();
        line.add(command);
        line.addAll(List.of(args));
        PrintStream out = System.out;
        PrintStream err = System.err;
        int status;
        try {
            status = commandLine.run(line, out, err);
        } finally {
            // a remote session (Karaf's bin/client, ssh) may end with the failure before unflushed lines reach it
            out.flush();
            err.flush();
        }
        if (status != CommandLine.OK) throw new ShellCommandFailed(command, status);
    }

    /** A command that ended with a status other than 0; what went wrong is already on the session's stderr. */
    public static final class ShellCommandFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int status;

        ShellCommandFailed(String command, int status) {
            super("segue " + command + " ended with exit status " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** The shell prints the message; a stack trace would add nothing to the line the command printed. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
