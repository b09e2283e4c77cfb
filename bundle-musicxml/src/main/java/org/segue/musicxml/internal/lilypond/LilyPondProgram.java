package org.segue.musicxml.internal.lilypond;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.segue.musicxml.ScoreFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code lilypond} program, run as a separate process (LilyPond is GPL; Segue does not link it): which program
 * (the property {@value #PROGRAM_PROPERTY}, by default {@code lilypond} on the PATH) and how long one run may take
 * (the property {@value #TIMEOUT_PROPERTY}, {@value #DEFAULT_TIMEOUT_SECONDS} s by default; then it is killed).
 * Its messages go to a log file in the working folder and, where it fails, to the Segue log.
 *
 * @param command the program, a name on the PATH or a path
 */
public record LilyPondProgram(String command, Duration timeout) {

    /** Framework or system property: the LilyPond program to run. */
    public static final String PROGRAM_PROPERTY = "segue.lilypond";
    /** Framework or system property: seconds one LilyPond run may take. */
    public static final String TIMEOUT_PROPERTY = "segue.lilypond.timeoutSeconds";
    static final long DEFAULT_TIMEOUT_SECONDS = 300;

    private static final Logger LOG = LoggerFactory.getLogger(LilyPondProgram.class);
    static final String INSTALL_HINT = "install it (Debian or Ubuntu: apt-get install lilypond; macOS: brew install "
            + "lilypond) or give its path with -D" + PROGRAM_PROPERTY + "=PATH";

    public LilyPondProgram {
        if (command == null || command.isBlank()) throw new IllegalArgumentException("no LilyPond command given");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("LilyPond's timeout must be positive, not " + timeout);
        }
    }

    /** The program and timeout that {@code properties} name (null for a property not set), else the defaults. */
    public static LilyPondProgram from(Function<String, String> properties) {
        String command = properties.apply(PROGRAM_PROPERTY);
        String timeout = properties.apply(TIMEOUT_PROPERTY);
        long seconds = DEFAULT_TIMEOUT_SECONDS;
        if (timeout != null && !timeout.isBlank()) {
            try {
                seconds = Long.parseLong(timeout.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(TIMEOUT_PROPERTY + " must be a number of seconds, not '"
                        + timeout + "'", e);
            }
        }
        return new LilyPondProgram(command == null || command.isBlank() ? "lilypond" : command.trim(),
                Duration.ofSeconds(seconds));
    }

    /**
     * Engraves {@code input} (a {@code .ly} file) into its own folder, as {@code score.pdf} and the like.
     *
     * @param formatOptions LilyPond's options for the output, like {@code --pdf}
     * @param target the file the user asked for, for messages
     * @throws ScoreFileException when LilyPond is missing, fails or takes too long; one line for people
     */
    void engrave(Path input, List<String> formatOptions, String target) throws ScoreFileException {
        Path folder = input.toAbsolutePath().getParent();
        Path log = folder.resolve("lilypond.log");
        List<String> commandLine = new ArrayList<>(List.of(command, "--loglevel=WARNING", "-dno-point-and-click"));
        commandLine.addAll(formatOptions);
        commandLine.addAll(List.of("-o", folder.resolve(baseName(input)).toString(), input.toString()));
        Process process;
        try {
            process = new ProcessBuilder(commandLine).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            process.getOutputStream().close(); // LilyPond reads nothing from us
        } catch (IOException e) {
            // the cause says why without the temporary folder: "error=2, No such file or directory"
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new ScoreFileException(target, null, "LilyPond is needed to write sheet music, but the program '"
                    + command + "' cannot be started (" + why + "); " + INSTALL_HINT, e);
        }
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ScoreFileException(target, null, "LilyPond took longer than " + timeout.toSeconds()
                        + " s and was stopped; nothing was written (raise -D" + TIMEOUT_PROPERTY + " for a long "
                        + "score)");
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ScoreFileException(target, null, "interrupted while LilyPond was engraving; nothing was "
                    + "written", e);
        }
        String messages = read(log);
        if (process.exitValue() != 0) {
            LOG.warn("{}: LilyPond ({}) exited with status {}; its messages:\n{}\nits input:\n{}", target, command,
                    process.exitValue(), messages, read(input));
            throw new ScoreFileException(target, null, "LilyPond could not engrave the score (exit status "
                    + process.exitValue() + ": " + firstError(messages) + "); nothing was written; the log file "
                    + "has LilyPond's messages and input");
        }
        if (!messages.isBlank()) LOG.info("{}: LilyPond's warnings:\n{}", target, messages);
    }

    /** The first line that says "error", else the first line: what the user is told. */
    static String firstError(String messages) {
        List<String> lines = messages.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.stream().filter(l -> l.contains("error")).findFirst()
                .orElse(lines.isEmpty() ? "no message" : lines.get(0));
    }

    private static String baseName(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
