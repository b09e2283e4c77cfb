package org.segue.ui.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times a whole {@code segue} process as a user starts it, end to end, and follows its peak resident memory
 * ({@code VmHWM} in {@code /proc/PID/status}, read while it runs: the script {@code exec}s Java, so the process
 * keeps its id).
 */
final class ColdStart {

    /** One run: wall time, and the peak resident set in MiB (-1 where {@code /proc} cannot tell). */
    record Run(double millis, double peakMb, int exitStatus) {
    }

    private static final long TIMEOUT_SECONDS = 300;

    private ColdStart() {
    }

    /**
     * Runs {@code command} in {@code workingFolder} with {@code SEGUE_HOME} at {@code home}: the framework cache of
     * the running process cannot be shared, so the child keeps its own (warm after its first run).
     */
    static Run run(List<String> command, Path workingFolder, Path home) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SEGUE_HOME", home.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peakKb = -1;
        long deadline = start + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
            peakKb = Math.max(peakKb, peakKb(status));
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        return new Run(millis, peakKb < 0 ? -1 : peakKb / 1024.0, process.exitValue());
    }

    private static long peakKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException | java.io.UncheckedIOException e) {
            // the process ended between two reads, or this system has no /proc: the peak so far stands
        }
        return -1;
    }
}
