package org.segue.launcher;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The log file, and the place where {@code System.out} and {@code System.err} point while the framework runs: the
 * SLF4J binding (slf4j-simple writes to {@code System.err}), Felix, SCR and native libraries' Java side all print
 * there, so the terminal shows only what the command writes. Lines are appended; a file over 10 MB is moved to
 * {@code segue.log.1} first.
 */
final class LogFile implements AutoCloseable {

    static final long ROTATE_BYTES = 10L * 1024 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Path path;
    private final PrintStream stream;
    private PrintStream originalOut;
    private PrintStream originalErr;

    private LogFile(Path path, PrintStream stream) {
        this.path = path;
        this.stream = stream;
    }

    static LogFile open(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        if (Files.exists(path) && Files.size(path) > ROTATE_BYTES) {
            Files.move(path, path.resolveSibling(path.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        return new LogFile(path, new PrintStream(new FileOutputStream(path.toFile(), true), true,
                StandardCharsets.UTF_8));
    }

    Path path() {
        return path;
    }

    /** Points {@code System.out} and {@code System.err} at the log until {@link #close()}. */
    void captureSystemStreams() {
        if (originalOut != null) return;
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(stream);
        System.setErr(stream);
    }

    void info(String message) {
        line("INFO", message);
    }

    void error(String message, Throwable cause) {
        synchronized (stream) {
            line("ERROR", message);
            if (cause != null) cause.printStackTrace(stream);
        }
    }

    private void line(String level, String message) {
        stream.println(LocalDateTime.now().format(TIME) + " [" + Thread.currentThread().getName() + "] " + level
                + " org.segue.launcher - " + message);
    }

    @Override
    public void close() {
        if (originalOut != null) {
            System.setOut(originalOut);
            System.setErr(originalErr);
            originalOut = null;
        }
        stream.flush();
        stream.close();
    }
}
