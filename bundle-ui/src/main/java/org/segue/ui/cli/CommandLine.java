package org.segue.ui.cli;

import java.io.PrintStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs one {@code segue} command, like {@code info piece.musicxml --json}. Only {@code java.*} types cross this
 * interface, so a launcher outside the framework can call it by reflection.
 */
@ProviderType
public interface CommandLine {

    /** The command succeeded. */
    int OK = 0;
    /** Something unexpected failed; one line on {@code err} says where the log with the stack trace is. */
    int FAILED = 1;
    /** The input or the usage was wrong; exactly one line on {@code err} says what, and where. */
    int BAD_INPUT = 2;

    /**
     * Runs the command that {@code args} names.
     *
     * @param args the command's name followed by its arguments, as typed
     * @param out where the command's results go (and nothing else)
     * @param err where problems and progress go
     * @return the exit status: {@link #OK}, {@link #BAD_INPUT} or {@link #FAILED}; never throws
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
