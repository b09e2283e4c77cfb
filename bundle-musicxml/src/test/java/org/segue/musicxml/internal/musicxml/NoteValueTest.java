package org.segue.musicxml.internal.musicxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.segue.model.Duration;

class NoteValueTest {

    private static NoteValue plain(String type, int dots) {
        return new NoteValue(type, dots, 1, 1);
    }

    @Test
    void plainAndDottedValuesAreOneNote() {
        assertThat(NoteValue.exactly(Duration.QUARTER)).contains(plain("quarter", 0));
        assertThat(NoteValue.exactly(Duration.of(3, 8))).contains(plain("quarter", 1));
        assertThat(NoteValue.exactly(Duration.of(7, 16))).contains(plain("quarter", 2));
        assertThat(NoteValue.exactly(Duration.of(8, 1))).contains(plain("maxima", 0));
        assertThat(NoteValue.exactly(Duration.of(1, 1024))).contains(plain("1024th", 0));
    }

    @Test
    void tupletsTakeTheOddFactorOfTheDenominator() {
        assertThat(NoteValue.exactly(Duration.of(1, 12))).contains(new NoteValue("eighth", 0, 3, 2));
        assertThat(NoteValue.exactly(Duration.of(1, 6))).contains(new NoteValue("quarter", 0, 3, 2));
        assertThat(NoteValue.exactly(Duration.of(1, 20))).contains(new NoteValue("16th", 0, 5, 4));
        assertThat(NoteValue.exactly(Duration.of(3, 28))).contains(new NoteValue("eighth", 1, 7, 4));
        assertThat(NoteValue.exactly(Duration.of(1, 60))).contains(new NoteValue("32nd", 0, 15, 8));
    }

    @Test
    void durationsNoSingleValueExpressesAreSplitLargestFirst() {
        assertThat(NoteValue.split(Duration.of(5, 16))).containsExactly(plain("quarter", 0), plain("16th", 0));
        assertThat(NoteValue.split(Duration.of(9, 1))).containsExactly(plain("maxima", 0), plain("whole", 0));
        assertThat(NoteValue.split(Duration.of(5, 12)))
                .containsExactly(new NoteValue("half", 0, 3, 2), new NoteValue("eighth", 0, 3, 2));
        assertThat(NoteValue.exactly(Duration.of(5, 16))).isEmpty();
    }

    @Test
    void piecesAddUpToTheDuration() {
        for (long den : new long[] {1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 24, 32, 48, 60, 96, 1024}) {
            for (long num = 1; num <= 3 * den; num++) {
                Duration d = Duration.of(num, den);
                Duration sum = NoteValue.split(d).stream().map(NoteValue::duration).reduce(Duration.ZERO,
                        Duration::plus);
                assertThat(sum).as("pieces of %s", d).isEqualTo(d);
            }
        }
    }

    @Test
    void valuesFinerThanA1024thUseDotsOnTheLastPiece() {
        assertThat(NoteValue.split(Duration.of(3, 2048))).containsExactly(plain("1024th", 1));
        assertThat(NoteValue.split(Duration.of(5, 2048))).containsExactly(plain("1024th", 0), plain("1024th", 1));
    }

    @Test
    void durationsTooFineForAnyNoteValueAreRefused() {
        assertThatThrownBy(() -> NoteValue.split(Duration.of(1, 4096))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1/4096");
        assertThatThrownBy(() -> NoteValue.split(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeDurationsFollowMusicXmlNames() {
        assertThat(NoteValue.typeDuration("breve")).isEqualTo(Duration.of(2, 1));
        assertThat(NoteValue.typeDuration("16th")).isEqualTo(Duration.SIXTEENTH);
        assertThat(NoteValue.typeDuration("sixteenth")).isNull();
        assertThat(NoteValue.dotted(Duration.HALF, 2)).isEqualTo(Duration.of(7, 8));
    }
}
