package org.segue.musicxml.internal.musicxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Note;
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.Tie;

class TupletGroupsTest {

    private static List<NoteValue> values(Duration... durations) {
        return List.of(durations).stream().flatMap(d -> NoteValue.split(d).stream()).toList();
    }

    @Test
    void threeTripletEighthsAreOneBracketAndPlainNotesNone() {
        List<TupletGroups.Group> groups = TupletGroups.of(values(Duration.of(1, 12), Duration.of(1, 12),
                Duration.of(1, 12), Duration.QUARTER, Duration.of(1, 12), Duration.of(1, 6)));

        assertThat(groups).containsExactly(new TupletGroups.Group(0, 2, 3, 2), new TupletGroups.Group(4, 5, 3, 2));
    }

    @Test
    void aRunClosesWhereItReachesAPlainLengthAgain() {
        List<TupletGroups.Group> groups = TupletGroups.of(values(Duration.of(1, 24), Duration.of(1, 24),
                Duration.of(1, 24), Duration.of(1, 24), Duration.of(1, 24), Duration.of(1, 24)));

        assertThat(groups).as("six 16th triplets are two brackets of three")
                .containsExactly(new TupletGroups.Group(0, 2, 3, 2), new TupletGroups.Group(3, 5, 3, 2));
    }

    @Test
    void aQuintupletIsFiveToFour() {
        assertThat(TupletGroups.of(values(Duration.of(1, 20), Duration.of(1, 20), Duration.of(1, 20),
                Duration.of(1, 20), Duration.of(1, 20)))).containsExactly(new TupletGroups.Group(0, 4, 5, 4));
    }

    @Test
    void aPlainNoteInsideATripletIsCutAtTheBeatSoTheBracketsClose() {
        Note f = new Note(Pitch.parse("F5"), Duration.QUARTER);
        List<Event> events = List.of(new Rest(Duration.of(1, 12)), f, new Note(Pitch.parse("G5"), Duration.of(1, 6)),
                new Rest(Duration.HALF));

        List<Event> cut = BeatCutter.cut(events, Duration.QUARTER);

        assertThat(cut).containsExactly(new Rest(Duration.of(1, 12)),
                new Note(Pitch.parse("F5"), Duration.of(1, 6), Tie.START),
                new Note(Pitch.parse("F5"), Duration.of(1, 12), Tie.STOP),
                new Note(Pitch.parse("G5"), Duration.of(1, 6)), new Rest(Duration.HALF));
        List<NoteValue> values = cut.stream().flatMap(e -> NoteValue.split(e.duration()).stream()).toList();
        assertThat(TupletGroups.of(values)).containsExactly(new TupletGroups.Group(0, 1, 3, 2),
                new TupletGroups.Group(2, 3, 3, 2));
    }

    @Test
    void quarterTripletsAndPlainNotesOnTheBeatStayWhole() {
        List<Event> events = List.of(new Note(Pitch.parse("C5"), Duration.of(1, 6)),
                new Note(Pitch.parse("D5"), Duration.of(1, 6)), new Note(Pitch.parse("E5"), Duration.of(1, 6)),
                new Note(Pitch.parse("F5"), Duration.HALF));

        assertThat(BeatCutter.cut(events, Duration.QUARTER)).isEqualTo(events);
    }
}
