package org.segue.ui.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.TimeSignature;
import org.segue.model.Voice;
import org.segue.ui.MeasureRange;
import org.segue.ui.ScoreEdit;

class EditorDocumentTest {

    @Test
    void anEditIsOneStepThatUndoAndRedoSwap() {
        Score two = restsOnly(2);
        Score five = restsOnly(5);
        EditorDocument document = new EditorDocument("d1", "piece.musicxml", two);

        document.apply(new ScoreEdit("Continue this piece (3 bars)", 0, five, new MeasureRange(2, 4)));

        assertThat(document.score()).isEqualTo(five);
        assertThat(document.undoLabel()).contains("Continue this piece (3 bars)");
        assertThat(document.undo()).isTrue();
        assertThat(document.score()).isEqualTo(two);
        assertThat(document.redoLabel()).contains("Continue this piece (3 bars)");
        assertThat(document.undo()).isFalse();
        assertThat(document.redo()).isTrue();
        assertThat(document.score()).isEqualTo(five);
        assertThat(document.redo()).isFalse();
        assertThat(document.revision()).isEqualTo(3);
    }

    @Test
    void anEditMadeBeforeAChangeIsRefusedAndChangesNothing() {
        EditorDocument document = new EditorDocument("d1", "piece.musicxml", restsOnly(2));
        ScoreEdit first = new ScoreEdit("one", 0, restsOnly(3), new MeasureRange(2, 2));
        ScoreEdit stale = new ScoreEdit("two", 0, restsOnly(4), new MeasureRange(2, 3));
        document.apply(first);

        assertThatThrownBy(() -> document.apply(stale)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changed since");
        assertThat(document.score().measureCount()).isEqualTo(3);
    }

    @Test
    void aNewEditForgetsWhatCouldBeRedoneAndASelectionOutsideTheScoreIsRefused() {
        EditorDocument document = new EditorDocument("d1", "piece.musicxml", restsOnly(2));
        document.apply(new ScoreEdit("one", 0, restsOnly(3), new MeasureRange(2, 2)));
        document.undo();
        document.apply(new ScoreEdit("two", 2, restsOnly(4), new MeasureRange(2, 3)));

        assertThat(document.redoLabel()).isEmpty();
        assertThatThrownBy(() -> document.select(new MeasureRange(3, 4))).hasMessageContaining("has 4 measures");
        document.select(new MeasureRange(0, 1));
        assertThat(document.selection()).contains(new MeasureRange(0, 1));
    }

    static Score restsOnly(int measures) {
        TimeSignature time = new TimeSignature(3, 4);
        List<Measure> list = new java.util.ArrayList<>();
        for (int i = 1; i <= measures; i++) {
            list.add(new Measure(Integer.toString(i), KeySignature.C_MAJOR, time, List.of(Clef.TREBLE, Clef.BASS),
                    null, time.measureLength(), List.of(new Voice(1, 1, List.of(new Rest(Duration.of(3, 4)))),
                    new Voice(5, 2, List.of(new Rest(Duration.of(3, 4)))))));
        }
        return new Score("rests", "", List.of(new Part("P1", "Piano", list)));
    }
}
