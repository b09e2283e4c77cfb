package org.segue.core.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.core.internal.preprocess.SequenceWindows.Window;

class SequenceWindowsTest {

    @Test
    void windowsOfFullLengthStartEveryStrideAndTheLastEndsAtTheLastStep() {
        List<Window> windows = SequenceWindows.of(261, 100, 50); // 260 steps
        assertThat(windows).extracting(Window::start).containsExactly(0, 50, 100, 150, 160);
        assertThat(windows).allSatisfy(w -> assertThat(w.length()).isEqualTo(100));
        Window last = windows.get(windows.size() - 1);
        assertThat(last.start() + last.length()).isEqualTo(260);
    }

    @Test
    void everyStepIsScoredExactlyOnce() {
        for (int tokens : new int[] {2, 3, 50, 101, 102, 151, 250, 261, 1000}) {
            int[] scored = new int[tokens - 1];
            for (Window w : SequenceWindows.of(tokens, 100, 50)) {
                for (int t = w.scoredFrom(); t < w.length(); t++) scored[w.start() + t]++;
            }
            for (int step = 0; step < scored.length; step++) {
                assertThat(scored[step]).as(tokens + " tokens, step " + step).isEqualTo(1);
            }
        }
    }

    @Test
    void aShortStreamGivesOneShorterWindowAndOneTokenNone() {
        assertThat(SequenceWindows.of(40, 100, 50)).containsExactly(new Window(0, 39, 0));
        assertThat(SequenceWindows.of(1, 100, 50)).isEmpty();
    }

    @Test
    void everyScoredStepHasAtLeastLengthMinusStrideStepsOfContextAfterTheFirstWindow() {
        for (Window w : SequenceWindows.of(1000, 100, 50)) {
            if (w.start() > 0) assertThat(w.scoredFrom()).isGreaterThanOrEqualTo(50);
        }
    }
}
