package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.segue.training.EpochSummary;
import org.segue.training.TrainingListener;
import org.segue.training.TrainingProgress;

/**
 * Shows a training run on stderr: staff, epoch, minibatch, loss and time left. On a terminal it is one line
 * rewritten in place with a carriage return; otherwise (a log, a pipe) plain lines: one per epoch, and one for
 * minibatches at most every {@value #PLAIN_INTERVAL_MILLIS} ms, so a log stays readable.
 */
final class ProgressBar implements TrainingListener {

    static final long PLAIN_INTERVAL_MILLIS = 10_000;
    private static final int BAR_WIDTH = 20;

    private final PrintStream err;
    private final boolean terminal;
    private long lastPlainLine = Long.MIN_VALUE;
    private int lastLength;

    ProgressBar(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Whether this process writes to a terminal (Java can only tell for the console as a whole). */
    static boolean onTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && (term == null || !term.equals("dumb"));
    }

    @Override
    public void onBatch(TrainingProgress p) {
        String line = line(p);
        if (terminal) {
            String padding = " ".repeat(Math.max(0, lastLength - line.length()));
            err.print("\r" + line + padding);
            err.flush();
            lastLength = line.length();
        } else if (p.elapsedMillis() - lastPlainLine >= PLAIN_INTERVAL_MILLIS || p.batch() == 1) {
            err.println(line);
            lastPlainLine = p.elapsedMillis();
        }
    }

    @Override
    public void onEpoch(EpochSummary e, TrainingProgress p) {
        endLine();
        err.println(String.format(Locale.ROOT, "%s epoch %d/%d: training loss %.4f, validation loss %.4f "
                        + "(events %.4f, durations %.4f)%s (%s)", e.staff().label(), e.epoch(), p.epochs(),
                e.trainingLoss(), e.validationLoss(), e.validationEventLoss(), e.validationDurationLoss(),
                e.improved() ? ", best so far" : "", time(e.millis())));
    }

    @Override
    public void onMessage(String line) {
        endLine();
        err.println(line);
    }

    /** Ends an in-place line so that the next output starts on a fresh one. */
    void endLine() {
        if (terminal && lastLength > 0) {
            err.println();
            lastLength = 0;
        }
    }

    static String line(TrainingProgress p) {
        int filled = (int) Math.round(BAR_WIDTH * p.epochFraction());
        String validation = Double.isNaN(p.validationLoss()) ? "" : String.format(Locale.ROOT, " val %.3f",
                p.validationLoss());
        return String.format(Locale.ROOT, "%-6s epoch %d/%d [%s%s] batch %d/%d loss %.3f%s | %s elapsed, %s left",
                p.staff().label(), p.epoch(), p.epochs(), "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
                p.batch(), p.batchesPerEpoch(), p.loss(), validation, time(p.elapsedMillis()),
                p.millisLeft() == 0 && p.batch() < 2 ? "?" : time(p.millisLeft()));
    }

    static String time(long millis) {
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 60) return seconds + "s";
        long minutes = seconds / 60;
        if (minutes < 60) return minutes + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        return minutes / 60 + "h" + String.format(Locale.ROOT, "%02d", minutes % 60) + "m";
    }
}
