package org.segue.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationTest {

    @Test
    void fractionsAreKeptInLowestTerms() {
        assertThat(Duration.of(2, 8)).isEqualTo(Duration.QUARTER);
        assertThat(Duration.of(3, -6)).isEqualTo(Duration.of(-1, 2));
    }

    @Test
    void arithmeticIsExact() {
        Duration tripletEighth = Duration.of(1, 12);
        assertThat(tripletEighth.times(3)).isEqualTo(Duration.QUARTER);
        assertThat(Duration.QUARTER.plus(Duration.EIGHTH).minus(Duration.of(1, 16))).isEqualTo(Duration.of(5, 16));
        assertThat(Duration.HALF.dividedBy(Duration.EIGHTH)).isEqualTo(Duration.of(4, 1));
    }

    @Test
    void divisionsAreCountedInQuarters() {
        assertThat(Duration.ofDivisions(3, 2)).isEqualTo(Duration.of(3, 8));
    }

    @Test
    void comparesByValue() {
        assertThat(Duration.of(1, 3)).isGreaterThan(Duration.of(1, 4));
        assertThat(Duration.of(1, 3).min(Duration.of(1, 4))).isEqualTo(Duration.QUARTER);
    }

    @Test
    void parsesWhatItPrints() {
        assertThat(Duration.parse(Duration.of(3, 8).toString())).isEqualTo(Duration.of(3, 8));
        assertThatThrownBy(() -> Duration.parse("x/4")).hasMessageContaining("x/4");
    }

    @Test
    void refusesZeroDenominator() {
        assertThatThrownBy(() -> Duration.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
