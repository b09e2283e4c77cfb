package org.segue.core.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segue.core.internal.preprocess.DurationCategory.*;

import org.junit.jupiter.api.Test;
import org.segue.model.Duration;

class DurationCategoryTest {

    @Test
    void everyCategoryMapsItsOwnLengthToItself() {
        for (DurationCategory c : values()) {
            if (c == OTHER) continue;
            assertThat(of(c.length().orElseThrow())).isEqualTo(c);
            assertThat(parse(c.label())).isEqualTo(c);
        }
    }

    @Test
    void theTableHoldsThePlainDottedAndTripletLengths() {
        assertThat(of(Duration.of(1, 4))).isEqualTo(QUARTER);
        assertThat(of(Duration.of(3, 8))).isEqualTo(DOTTED_QUARTER);
        assertThat(of(Duration.of(3, 16))).isEqualTo(DOTTED_EIGHTH);
        assertThat(of(Duration.of(1, 12))).isEqualTo(EIGHTH_TRIPLET);
        assertThat(of(Duration.of(1, 6))).isEqualTo(QUARTER_TRIPLET);
        assertThat(of(Duration.of(1, 24))).isEqualTo(SIXTEENTH_TRIPLET);
        assertThat(of(Duration.of(1, 32))).isEqualTo(THIRTY_SECOND);
        assertThat(of(Duration.of(3, 2))).isEqualTo(DOTTED_WHOLE);
    }

    @Test
    void anInexactLengthGoesToTheNearestCategoryByRatio() {
        assertThat(of(Duration.of(5, 16))).isEqualTo(DOTTED_QUARTER); // 1.2 from 3/8, 1.25 from 1/4
        assertThat(of(Duration.of(7, 8))).isEqualTo(WHOLE);
        assertThat(of(Duration.of(5, 8))).isEqualTo(DOTTED_HALF);
        assertThat(of(Duration.of(7, 32))).isEqualTo(QUARTER);
        assertThat(of(Duration.of(7, 24))).isEqualTo(HALF_TRIPLET); // a triplet-grid length may go anywhere
    }

    @Test
    void aLengthOnTheBinaryGridIsNeverRoundedToATriplet() {
        assertThat(of(Duration.of(5, 16))).isNotEqualTo(HALF_TRIPLET); // 1/3 would be nearer by ratio
        assertThat(of(Duration.of(5, 32))).isEqualTo(DOTTED_EIGHTH);   // 1/6 would be nearer by ratio
    }

    @Test
    void aLengthFarFromEveryCategoryIsOther() {
        assertThat(of(Duration.of(2, 1))).isEqualTo(OTHER);
        assertThat(of(Duration.of(5, 1))).isEqualTo(OTHER);
        assertThat(of(Duration.of(1, 48))).isEqualTo(OTHER);
        assertThat(OTHER.length()).isEmpty();
    }
}
