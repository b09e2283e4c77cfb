package org.segue.core.internal.preprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a stream into the sequences the networks learn from and are scored on. A stream of {@code n} tokens has
 * {@code n - 1} steps: at step {@code i} the input is token {@code i} and the targets are the event and the
 * duration of token {@code i + 1}, so every step has a target.
 *
 * <p>Windows of {@code length} steps start every {@code stride} steps; one more window, ending at the last step,
 * is added when the others do not reach it; a stream shorter than {@code length} steps gives one shorter window.
 * For scoring, each step counts once: in the first window that holds it ({@link Window#scoredFrom()}), so after the
 * first window every scored step has at least {@code length - stride} steps of context.
 */
public final class SequenceWindows {

    /**
     * Steps {@code start .. start + length - 1} of a stream.
     *
     * @param scoredFrom the first step, counted from {@code start}, that no earlier window held
     */
    public record Window(int start, int length, int scoredFrom) {
        public Window {
            if (start < 0 || length < 1 || scoredFrom < 0 || scoredFrom > length) {
                throw new IllegalArgumentException("bad window: start " + start + ", length " + length
                        + ", scored from " + scoredFrom);
            }
        }
    }

    private SequenceWindows() {
    }

    /** The windows of a stream of {@code tokens} tokens; none for fewer than 2 tokens. */
    public static List<Window> of(int tokens, int length, int stride) {
        if (length < 1 || stride < 1 || stride > length) {
            throw new IllegalArgumentException("window length " + length + " and stride " + stride
                    + " must be >= 1 with stride <= length");
        }
        int steps = tokens - 1;
        List<Window> windows = new ArrayList<>();
        if (steps < 1) return windows;
        if (steps <= length) {
            windows.add(new Window(0, steps, 0));
            return windows;
        }
        int coveredUntil = 0;
        int start = 0;
        for (; start + length < steps; start += stride) {
            windows.add(new Window(start, length, Math.max(0, coveredUntil - start)));
            coveredUntil = start + length;
        }
        int last = steps - length;
        windows.add(new Window(last, length, Math.max(0, coveredUntil - last)));
        return windows;
    }
}
