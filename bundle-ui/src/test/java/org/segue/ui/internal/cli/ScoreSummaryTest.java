package org.segue.ui.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.Mode;
import org.segue.model.Score;
import org.segue.ui.internal.cli.ScoreSummary.StaffSummary;

class ScoreSummaryTest {

    @Test
    void countsNotesChordsAndRestsPerStaffAcrossVoicesAndMeasures() {
        ScoreSummary summary = ScoreSummary.of(Scores.pianoPiece("Waltz"));

        assertThat(summary.staves()).containsExactly(
                new StaffSummary("P1", "Piano", 1, "treble", 5, 0, 1),
                new StaffSummary("P1", "Piano", 2, "bass", 0, 2, 3));
    }

    @Test
    void takesKeyTimeAndTempoFromTheStartAndCountsTempoInQuarterNotes() {
        ScoreSummary summary = ScoreSummary.of(Scores.pianoPiece("Waltz"));

        assertThat(summary.title()).isEqualTo("Waltz");
        assertThat(summary.parts()).isEqualTo(1);
        assertThat(summary.measures()).isEqualTo(2);
        assertThat(summary.key().fifths()).isEqualTo(2);
        assertThat(summary.key().mode()).isEqualTo(Mode.MAJOR);
        assertThat(summary.time()).hasToString("3/4");
        assertThat(summary.tempo()).isEqualTo(120.0);
        assertThat(summary.tempoMarked()).isTrue();
    }

    @Test
    void saysWhenNoTempoIsMarked() {
        Score score = Scores.pianoPiece("Waltz");
        Score unmarked = score.withParts(List.of(score.parts().get(0).withMeasures(
                score.parts().get(0).measures().stream().map(m -> m.withTempo(null)).toList())));

        ScoreSummary summary = ScoreSummary.of(unmarked);

        assertThat(summary.tempoMarked()).isFalse();
        assertThat(summary.tempo()).isEqualTo(120.0);
    }

    @Test
    void anEmptyScoreHasNoStaves() {
        ScoreSummary summary = ScoreSummary.of(new Score("", "", List.of()));

        assertThat(summary.parts()).isZero();
        assertThat(summary.measures()).isZero();
        assertThat(summary.staves()).isEmpty();
    }
}
