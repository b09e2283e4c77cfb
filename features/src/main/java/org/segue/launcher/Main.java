package org.segue.launcher;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code java -jar segue-launcher.jar COMMAND ARGS...}: runs one command in an embedded Felix and exits. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale, so titles like "Życzenie" survive in JSON and tables
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        LauncherSettings settings;
        try {
            settings = LauncherSettings.fromEnvironment();
        } catch (RuntimeException e) {
            err.println("segue: cannot start: " + Launcher.oneLine(e.getMessage()));
            System.exit(Launcher.FAILED);
            return;
        }
        int status = new Launcher(settings).run(List.of(args), out, err);
        out.flush();
        err.flush();
        keepLibrariesOffTheTerminal(settings.logFile());
        // exit rather than return: libraries may leave non-daemon threads behind
        System.exit(status);
    }

    /** Shutdown hooks of the bundles' libraries print to the log, never after the command's output. */
    private static void keepLibrariesOffTheTerminal(Path log) {
        PrintStream stream;
        try {
            stream = new PrintStream(new FileOutputStream(log.toFile(), true), true, StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            stream = new PrintStream(OutputStream.nullOutputStream()); // the launcher already said the log failed
        }
        System.setOut(stream);
        System.setErr(stream);
    }
}
