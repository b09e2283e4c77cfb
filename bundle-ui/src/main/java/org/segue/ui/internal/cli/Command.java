package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code segue} subcommand. Each is its own DS component providing this service, with its own references, so
 * a new command is one new class: {@link CommandLineComponent} picks up whatever commands are registered.
 */
public interface Command {

    /** The word that selects the command, like {@code info}. */
    String name();

    /** Its arguments as the help shows them, like {@code FILE [--json]}. */
    String usage();

    /** What it does, in one line, for the help listing. */
    String summary();

    /**
     * Runs the command. Results go to {@code out}; progress may go to {@code err}. Problems are thrown, not
     * printed: {@link CommandLineComponent} turns them into one line and an exit status.
     *
     * @param args the arguments after the command's name
     * @throws UsageException when the arguments do not fit {@link #usage()}
     * @throws BadInputException when an input (a file, a value) is wrong; its message is the one line to show
     */
    void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException;
}
