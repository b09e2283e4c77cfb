package org.segue.core.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.segue.core.internal.TestScores;
import org.segue.model.KeySignature;
import org.segue.model.Mode;
import org.segue.model.Score;

class PieceKeyTest {

    @Test
    void takesTheSignatureWithItsMode() {
        Score s = TestScores.piece("x", KeySignature.parse("E-flat"), 4, 1);
        assertThat(PieceKey.of(s, s.parts().get(0))).isEqualTo(new PieceKey(KeySignature.parse("E-flat"),
                "signature"));
    }

    @Test
    void estimatesTheModeWhenTheSignatureHasNone() {
        Score inCMinor = TestScores.piece("x", KeySignature.parse("c"), 8, 1);
        Score unmarked = withKey(inCMinor, new KeySignature(-3, Mode.NONE));
        PieceKey key = PieceKey.of(unmarked, unmarked.parts().get(0));
        assertThat(key.key()).isEqualTo(KeySignature.parse("c"));
        assertThat(key.source()).isEqualTo("signature, mode estimated");
    }

    @Test
    void estimatesTheKeyWhenThereIsNoKeyInformation() {
        Score inD = TestScores.piece("x", KeySignature.parse("D"), 8, 1);
        Score unmarked = withKey(inD, new KeySignature(0, Mode.NONE));
        PieceKey key = PieceKey.of(unmarked, unmarked.parts().get(0));
        assertThat(key.key()).isEqualTo(KeySignature.parse("D"));
        assertThat(key.source()).isEqualTo("estimated");
    }

    private static Score withKey(Score s, KeySignature key) {
        return s.withParts(s.parts().stream().map(p -> p.withMeasures(p.measures().stream()
                .map(m -> m.withKey(key)).toList())).toList());
    }
}
