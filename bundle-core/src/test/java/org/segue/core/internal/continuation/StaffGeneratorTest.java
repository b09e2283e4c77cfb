package org.segue.core.internal.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.segue.model.Duration;

class StaffGeneratorTest {

    @Test
    void theGridHoldsSixteenthsAndEighthTripletsOnly() {
        assertThat(StaffGenerator.onGrid(Duration.of(3, 16))).isTrue();
        assertThat(StaffGenerator.onGrid(Duration.of(5, 12))).isTrue();
        assertThat(StaffGenerator.onGrid(Duration.of(7, 4))).isTrue();
        assertThat(StaffGenerator.onGrid(Duration.of(1, 32))).isFalse();
        assertThat(StaffGenerator.onGrid(Duration.of(1, 12).plus(Duration.of(1, 16)))).isFalse();
        assertThat(StaffGenerator.onGrid(Duration.of(1, 24))).isFalse();
    }
}
