package org.segue.core.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.Duration;
import org.segue.training.Staff;

class OnsetContextTest {

    private static final int W = OnsetContext.WIDTH;
    private static final Meter FOUR_FOUR = new Meter(List.of(new Meter.Bar(Duration.ZERO, Duration.WHOLE,
            Duration.QUARTER)));

    /** Treble: C5 quarter, E5 quarter, rest half. Bass: C3-G3 half, then F2 half. */
    private static final StaffStream TREBLE = new StaffStream(Staff.TREBLE, List.of(
            new StreamEvent(EventLabel.of(72), Duration.ZERO, Duration.QUARTER),
            new StreamEvent(EventLabel.of(76), Duration.QUARTER, Duration.QUARTER),
            new StreamEvent(EventLabel.REST, Duration.HALF, Duration.HALF)));
    private static final StaffStream BASS = new StaffStream(Staff.BASS, List.of(
            new StreamEvent(EventLabel.of(48, 55), Duration.ZERO, Duration.HALF),
            new StreamEvent(EventLabel.of(41), Duration.HALF, Duration.HALF)));

    private static float[] at(float[] contexts, int step) {
        return Arrays.copyOfRange(contexts, step * W, (step + 1) * W);
    }

    @Test
    void theBassHearsTheTrebleThatStartsWithIt() {
        float[] bass = OnsetContext.of(BASS, TREBLE, FOUR_FOUR);

        float[] first = at(bass, 0);
        assertThat(first[0]).as("C").isEqualTo(1f);
        assertThat(first[12]).as("silent").isZero();
        assertThat(first[13]).as("lowest").isEqualTo(0.5f); // C5 = 72: (72 - 60) / 24
        assertThat(first[15]).as("starts here").isEqualTo(1f);
        assertThat(first[17]).as("downbeat").isEqualTo(1f);
        float[] second = at(bass, 1); // at the half: the treble's rest starts there
        assertThat(second[12]).isEqualTo(1f);
        assertThat(second[15]).isEqualTo(1f);
        assertThat(second[16]).as("half way through the bar").isEqualTo(0.5f);
    }

    @Test
    void theTrebleHearsTheBassOnlyUpToJustBeforeItsOnset() {
        float[] treble = OnsetContext.of(TREBLE, BASS, FOUR_FOUR);

        assertThat(at(treble, 0)[12]).as("nothing known before the start").isEqualTo(1f);
        float[] second = at(treble, 1); // the quarter: the bass's C3-G3 started before it
        assertThat(second[0]).isEqualTo(1f);
        assertThat(second[7]).as("G").isEqualTo(1f);
        assertThat(second[13]).isEqualTo(-0.5f); // C3 = 48
        assertThat(second[14]).isEqualTo(-5 / 24f); // G3 = 55
        assertThat(second[15]).isZero();
        assertThat(second[18]).as("on a beat").isEqualTo(1f);
        float[] third = at(treble, 2); // the half: the F2 starting there is not known yet
        assertThat(third[0]).isEqualTo(1f);
        assertThat(third[5]).isZero();
    }

    @Test
    void aStaffAloneHearsSilence() {
        float[] treble = OnsetContext.of(TREBLE, null, FOUR_FOUR);

        for (int step = 0; step < TREBLE.size(); step++) assertThat(at(treble, step)[12]).isEqualTo(1f);
    }

    @Test
    void aScaledFormHearsTheOtherStaffScaledWithIt() {
        PieceStreams piece = new PieceStreams(new PieceKey(org.segue.model.KeySignature.C_MAJOR, "test"),
                Transposition.toCanonical(org.segue.model.KeySignature.C_MAJOR),
                java.util.Map.of(Staff.TREBLE, TREBLE, Staff.BASS, BASS),
                new Meter(List.of(new Meter.Bar(Duration.ZERO, Duration.WHOLE, Duration.QUARTER))));
        StaffStream twiceAsSlow = Augmentation.scaled(TREBLE, Duration.of(2, 1));

        assertThat(piece.contextOf(Staff.TREBLE, twiceAsSlow))
                .containsExactly(OnsetContext.of(twiceAsSlow, Augmentation.scaled(BASS, Duration.of(2, 1)),
                        FOUR_FOUR.scaled(Duration.of(2, 1))));
        assertThat(at(piece.contextOf(Staff.TREBLE, twiceAsSlow), 1)[16]).as("a half into a bar of two wholes")
                .isEqualTo(0.25f);
    }
}
