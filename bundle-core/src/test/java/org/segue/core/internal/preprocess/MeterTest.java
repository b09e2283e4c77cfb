package org.segue.core.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.Duration;
import org.segue.model.TimeSignature;

class MeterTest {

    private static final Duration THREE_FOUR = Duration.of(3, 4);

    private static final Meter.Bar PICKUP = new Meter.Bar(Duration.ZERO, Duration.QUARTER, Duration.QUARTER);

    /** {@code bars} bars of 3/4 from the start (replacing the pickup the meter is begun with). */
    private static Meter waltz(int bars) {
        return new Meter(List.of(PICKUP)).followedBy(Duration.ZERO, java.util.Collections.nCopies(bars, THREE_FOUR),
                new TimeSignature(3, 4));
    }

    @Test
    void placesOnsetsInTheirBars() {
        Meter meter = waltz(2);

        assertThat(meter.position(Duration.ZERO)).isEqualTo(new Meter.Position(0, true, true));
        Meter.Position second = meter.position(Duration.of(1, 4));
        assertThat(second.fraction()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(second.downbeat()).isFalse();
        assertThat(second.onBeat()).isTrue();
        assertThat(meter.position(Duration.of(7, 8))).isEqualTo(new Meter.Position(1 / 6.0, false, false));
        assertThat(meter.position(THREE_FOUR).downbeat()).isTrue();
    }

    @Test
    void theLastBarGoesOnAfterTheEnd() {
        Meter meter = waltz(2);

        assertThat(meter.position(Duration.of(9, 4)).downbeat()).isTrue(); // the start of a fourth bar
        assertThat(meter.position(Duration.of(10, 4)).fraction()).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void compoundTimeCountsDottedBeats() {
        Meter meter = new Meter(List.of(PICKUP)).followedBy(Duration.ZERO, List.of(Duration.of(6, 8)),
                new TimeSignature(6, 8));

        assertThat(meter.position(Duration.of(3, 8)).onBeat()).isTrue();
        assertThat(meter.position(Duration.of(1, 4)).onBeat()).isFalse();
    }

    @Test
    void aPickupBarKeepsItsLengthAndNewBarsReplaceWhatFollowsTheirStart() {
        Meter meter = new Meter(List.of(PICKUP, new Meter.Bar(Duration.QUARTER, THREE_FOUR, Duration.QUARTER)))
                .followedBy(Duration.QUARTER, List.of(Duration.WHOLE, Duration.WHOLE), TimeSignature.COMMON);

        assertThat(meter.bars()).hasSize(3);
        assertThat(meter.position(Duration.of(1, 8))).isEqualTo(new Meter.Position(0.5, false, false));
        assertThat(meter.position(Duration.QUARTER).downbeat()).isTrue();
        assertThat(meter.position(Duration.of(5, 4)).downbeat()).isTrue(); // a bar of 4/4 after the pickup
        assertThat(meter.position(Duration.of(3, 4)).fraction()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void scalingMovesBarsAndBeatsWithTheMusic() {
        Meter twiceAsSlow = waltz(2).scaled(Duration.of(2, 1));

        assertThat(twiceAsSlow.position(Duration.of(3, 2)).downbeat()).isTrue();
        assertThat(twiceAsSlow.position(Duration.of(1, 2)).onBeat()).isTrue();
        assertThat(twiceAsSlow.position(Duration.of(1, 4)).onBeat()).isFalse();
    }
}
