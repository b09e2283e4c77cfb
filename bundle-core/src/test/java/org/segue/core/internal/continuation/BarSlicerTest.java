package org.segue.core.internal.continuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Note;
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.Tie;

class BarSlicerTest {

    private static final Duration THREE_FOUR = Duration.of(3, 4);

    @Test
    void aNoteAcrossTwoBarLinesIsSplitAndTiedThrough() {
        List<Sound> stream = List.of(new Sound(List.of(Pitch.parse("E4")), Duration.HALF),
                new Sound(List.of(Pitch.parse("G4")), Duration.of(6, 4)),
                Sound.rest(Duration.QUARTER));

        List<List<Event>> measures = BarSlicer.slice(stream, List.of(THREE_FOUR, THREE_FOUR, THREE_FOUR));

        assertThat(measures).hasSize(3);
        assertThat(measures.get(0)).containsExactly(new Note(Pitch.parse("E4"), Duration.HALF),
                new Note(Pitch.parse("G4"), Duration.QUARTER, Tie.START));
        assertThat(measures.get(1)).containsExactly(new Note(Pitch.parse("G4"), THREE_FOUR, Tie.CONTINUE));
        assertThat(measures.get(2)).containsExactly(new Note(Pitch.parse("G4"), Duration.HALF, Tie.STOP),
                new Rest(Duration.QUARTER));
    }

    @Test
    void chordsTieEveryNoteAndRestsSplitWithoutTies() {
        List<Sound> stream = List.of(Sound.rest(Duration.HALF),
                new Sound(List.of(Pitch.parse("G4"), Pitch.parse("C4")), Duration.HALF));

        List<List<Event>> measures = BarSlicer.slice(stream, List.of(Duration.of(3, 8), Duration.of(5, 8)));

        assertThat(measures.get(0)).containsExactly(new Rest(Duration.of(3, 8)));
        assertThat(measures.get(1).get(0)).isEqualTo(new Rest(Duration.EIGHTH));
        Chord chord = (Chord) measures.get(1).get(1);
        assertThat(chord.notes()).extracting(Note::tie).containsOnly(Tie.NONE);
    }

    @Test
    void restsThatFollowEachOtherInAMeasureBecomeOne() {
        List<Sound> stream = List.of(Sound.rest(Duration.EIGHTH), Sound.rest(Duration.QUARTER),
                new Sound(List.of(Pitch.parse("C4")), Duration.of(3, 8)), Sound.rest(Duration.of(3, 8)),
                Sound.rest(Duration.EIGHTH));

        List<List<Event>> measures = BarSlicer.slice(stream, List.of(THREE_FOUR, Duration.HALF));

        assertThat(measures.get(0)).containsExactly(new Rest(Duration.of(3, 8)), new Note(Pitch.parse("C4"), Duration.of(3, 8)));
        assertThat(measures.get(1)).containsExactly(new Rest(Duration.HALF));
    }

    @Test
    void refusesAStreamThatDoesNotEndAtTheLastBarLine() {
        assertThatThrownBy(() -> BarSlicer.slice(List.of(Sound.rest(Duration.HALF)), List.of(THREE_FOUR)))
                .hasMessageContaining("not at the last bar line");
    }
}
