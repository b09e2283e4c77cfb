package org.segue.core.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PieceSplitTest {

    private final List<String> names = IntStream.range(0, 48).mapToObj(i -> "piece-" + i + ".mid").toList();

    @Test
    void holdsOutTheSharePiecesAndKeepsTheCorpusOrder() {
        PieceSplit split = PieceSplit.of(names, 0.15);
        assertThat(split.heldOut()).hasSize(7);
        assertThat(split.training()).hasSize(41);
        assertThat(split.training()).isSortedAccordingTo((a, b) -> names.indexOf(a) - names.indexOf(b));
    }

    @Test
    void theSameNamesSplitTheSameWayInAnyOrder() {
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled, new java.util.Random(5));
        assertThat(PieceSplit.of(shuffled, 0.15).heldOut()).containsExactlyInAnyOrderElementsOf(
                PieceSplit.of(names, 0.15).heldOut());
    }

    @Test
    void holdsOutAtLeastOneAndNeverAllAndNothingFromASinglePiece() {
        assertThat(PieceSplit.of(List.of("a", "b"), 0.01).heldOut()).hasSize(1);
        assertThat(PieceSplit.of(List.of("a", "b"), 0.99).training()).hasSize(1);
        assertThat(PieceSplit.of(List.of("a"), 0.5).heldOut()).isEmpty();
    }
}
