package org.segue.musicxml.internal.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.segue.musicxml.internal.midi.MidiImportTest.note;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.Tie;
import org.segue.musicxml.ScoreFileException;

/** Short articulation gaps in MIDI input become legato; rests stay (480 ticks per quarter, a 32nd is 60 ticks). */
class LegatoGapsTest {

    private static final int Q = 480;
    private static final Duration THIRTY_SECOND = Duration.of(1, 32);

    /** C5 a 32nd, D5 an eighth that is released a 32nd early, E5 an eighth; a quarter rest; F5 to the end. */
    private static SmfBuilder detachedLine() {
        return new SmfBuilder().track().note(72, 0, 60).note(74, 60, 180).note(76, 240, Q).note(77, 2 * Q, 3 * Q);
    }

    @Test
    void aThirtySecondGapBecomesLegatoAndAQuarterRestStaysARest() throws ScoreFileException {
        List<Event> treble = trebleEvents(detachedLine().readType1());
        assertThat(treble).containsExactly(note("C5", THIRTY_SECOND, Tie.NONE),
                note("D5", Duration.of(3, 32), Tie.NONE), note("E5", Duration.EIGHTH, Tie.NONE),
                new Rest(Duration.QUARTER), note("F5", Duration.QUARTER, Tie.NONE), new Rest(Duration.QUARTER));
    }

    @Test
    void withEveryGapKeptTheSameFileHasAThirtySecondRest() throws ScoreFileException {
        List<Event> treble = trebleEvents(read(detachedLine(), LegatoGaps.NONE));
        assertThat(treble).containsExactly(note("C5", THIRTY_SECOND, Tie.NONE),
                note("D5", Duration.SIXTEENTH, Tie.NONE), new Rest(THIRTY_SECOND),
                note("E5", Duration.EIGHTH, Tie.NONE), new Rest(Duration.QUARTER),
                note("F5", Duration.QUARTER, Tie.NONE), new Rest(Duration.QUARTER));
    }

    @Test
    void aGapOfExactlyASixteenthIsLegatoButAnEighthStaysARest() throws ScoreFileException {
        SmfBuilder midi = new SmfBuilder().track().note(72, 0, Q - 120).note(74, Q, 2 * Q - 240).note(76, 2 * Q, 3 * Q);
        assertThat(trebleEvents(midi.readType1())).containsExactly(note("C5", Duration.QUARTER, Tie.NONE),
                note("D5", Duration.EIGHTH, Tie.NONE), new Rest(Duration.EIGHTH),
                note("E5", Duration.QUARTER, Tie.NONE), new Rest(Duration.QUARTER));
    }

    @Test
    void everyNoteOfAChordReleasedInTheGapIsLengthenedSoTheChordStaysOneChord() throws ScoreFileException {
        // released after 400, 410 and 440 ticks: on the grid they would end at a dotted eighth and a quarter
        SmfBuilder midi = new SmfBuilder().track().note(60, 0, 400).note(64, 0, 410).note(67, 0, 440)
                .note(72, Q, 2 * Q);
        List<Event> events = trebleEvents(midi.readType1());
        assertThat(events.get(0)).isInstanceOf(Chord.class);
        assertThat(((Chord) events.get(0)).pitches()).extracting(Object::toString).containsExactly("C4", "E4", "G4");
        assertThat(events.get(0).duration()).isEqualTo(Duration.QUARTER);
        assertThat(events.get(1)).isEqualTo(note("C5", Duration.QUARTER, Tie.NONE));

        assertThat(read(midi, LegatoGaps.NONE).parts().get(0).measures().get(0).voicesOnStaff(1)).hasSize(2);
    }

    @Test
    void aGapThatTheGridShrinksToASixteenthIsClosedOnTheGrid() throws ScoreFileException {
        // 130 ticks of silence: more than a 16th as played, exactly one on the grid
        SmfBuilder midi = new SmfBuilder().track().note(72, 0, Q - 130).note(74, Q, 2 * Q);
        assertThat(trebleEvents(midi.readType1())).startsWith(note("C5", Duration.QUARTER, Tie.NONE));
        assertThat(trebleEvents(read(midi, LegatoGaps.NONE))).startsWith(note("C5", Duration.of(3, 16), Tie.NONE),
                new Rest(Duration.SIXTEENTH));
    }

    @Test
    void theLastNoteOfATrackKeepsItsLength() throws ScoreFileException {
        SmfBuilder midi = new SmfBuilder().track().note(72, 0, Q - 100);
        assertThat(trebleEvents(midi.readType1()).get(0)).isEqualTo(note("C5", Duration.of(3, 16), Tie.NONE));
    }

    @Test
    void onlyOnsetsOnTheSameStaffCloseAGap() throws ScoreFileException {
        // the treble's gap of 100 ticks is closed to the treble's next onset, not to the bass note struck inside it
        SmfBuilder midi = new SmfBuilder().track().note(72, 0, Q - 100).note(74, Q, 2 * Q)
                .track().note(48, Q - 60, 2 * Q);
        assertThat(trebleEvents(midi.readType1())).startsWith(note("C5", Duration.QUARTER, Tie.NONE));
    }

    @Test
    void theRuleIsReadFromAPropertyAsAShareOfAWholeNote() {
        assertThat(LegatoGaps.from(Map.<String, String>of()::get)).isEqualTo(LegatoGaps.DEFAULT);
        assertThat(LegatoGaps.DEFAULT.maxGap()).isEqualTo(Duration.SIXTEENTH);
        assertThat(LegatoGaps.from(Map.of(LegatoGaps.PROPERTY, "1/32")::get).maxGap()).isEqualTo(THIRTY_SECOND);
        assertThat(LegatoGaps.from(Map.of(LegatoGaps.PROPERTY, " 0 ")::get).keepsEveryGap()).isTrue();
        assertThatThrownBy(() -> LegatoGaps.from(Map.of(LegatoGaps.PROPERTY, "short")::get))
                .hasMessage("segue.midi.legatoGap must be a share of a whole note from 0 to 1/4, like 1/16 or 1/32 "
                        + "(0: keep every gap), not 'short'");
        assertThatThrownBy(() -> LegatoGaps.from(Map.of(LegatoGaps.PROPERTY, "1/2")::get))
                .hasMessageContaining("not '1/2'");
    }

    @Test
    void aBadPropertyRefusesEveryMidiFileWithOneLineThatNamesIt() {
        MidiFormat format = MidiFormat.from(Map.of(LegatoGaps.PROPERTY, "abc")::get);
        assertThatThrownBy(() -> format.read(new ByteArrayInputStream(detachedLine().type1()), "piece.mid"))
                .isInstanceOf(ScoreFileException.class)
                .hasMessage("piece.mid: cannot be read as MIDI: segue.midi.legatoGap must be a share of a whole note "
                        + "from 0 to 1/4, like 1/16 or 1/32 (0: keep every gap), not 'abc'; fix or remove "
                        + "-Dsegue.midi.legatoGap");
    }

    private static Score read(SmfBuilder midi, LegatoGaps legato) throws ScoreFileException {
        return new MidiFormat(legato).read(new ByteArrayInputStream(midi.type1()), "test.mid");
    }

    private static List<Event> trebleEvents(Score score) {
        return score.parts().get(0).measures().get(0).voicesOnStaff(1).get(0).events();
    }
}
