package org.segue.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.segue.model.KeySignature;
import org.segue.model.Mode;

class KeyEstimatorTest {

    @Test
    void findsEveryMajorAndMinorKeyFromItsScale() {
        int[] major = {0, 2, 4, 5, 7, 9, 11};
        int[] minor = {0, 2, 3, 5, 7, 8, 11}; // harmonic minor: the leading tone tells minor from relative major
        for (int tonic = 0; tonic < 12; tonic++) {
            assertThat(KeyEstimator.estimate(scale(tonic, major)).tonic().pitchClass()).isEqualTo(tonic);
            KeySignature m = KeyEstimator.estimate(scale(tonic, minor));
            assertThat(m.mode()).isEqualTo(Mode.MINOR);
            assertThat(m.tonic().pitchClass()).isEqualTo(tonic);
        }
    }

    @Test
    void choosesTheModeForAKnownSignature() {
        assertThat(KeyEstimator.chooseMode(0, scale(9, new int[] {0, 2, 3, 5, 7, 8, 11})))
                .isEqualTo(KeySignature.A_MINOR);
        assertThat(KeyEstimator.chooseMode(0, scale(0, new int[] {0, 2, 4, 5, 7, 9, 11})))
                .isEqualTo(KeySignature.C_MAJOR);
    }

    private static double[] scale(int tonic, int[] degrees) {
        double[] w = new double[12];
        for (int d : degrees) w[(tonic + d) % 12] += 1;
        w[tonic] += 2;                 // the tonic sounds most
        w[(tonic + 7) % 12] += 1;      // then the dominant
        return w;
    }
}
