package org.segue.core.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segue.core.internal.TestScores.chord;
import static org.segue.core.internal.TestScores.measure;
import static org.segue.core.internal.TestScores.note;
import static org.segue.core.internal.TestScores.rest;
import static org.segue.core.internal.TestScores.score;
import static org.segue.core.internal.TestScores.voice;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.core.internal.TestScores;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Pitch;
import org.segue.model.Score;
import org.segue.model.Tie;
import org.segue.model.TimeSignature;
import org.segue.training.Staff;

class StreamExtractorTest {

    private static final Duration Q = Duration.QUARTER;
    private static final Duration H = Duration.HALF;
    private static final Duration W = Duration.WHOLE;
    private static final KeySignature C = KeySignature.C_MAJOR;

    private static List<String> labels(StaffStream s) {
        return s.events().stream().map(e -> e.label() + "/" + e.duration()).toList();
    }

    @Test
    void aGrandStaffGivesATrebleAndABassStream() {
        Score s = score("t", measure(1, C, voice(1, 1, note("C4", Q), note("E4", Q), note("G4", H)),
                voice(2, 2, chord(W, "C3", "G3"))));
        PieceStreams p = StreamExtractor.extract(s);
        assertThat(labels(p.stream(Staff.TREBLE).orElseThrow())).containsExactly("C4/1/4", "E4/1/4", "G4/1/2");
        assertThat(labels(p.stream(Staff.BASS).orElseThrow())).containsExactly("C3.G3/1");
    }

    @Test
    void aTiedNoteLengthensTheNoteItContinues() {
        Score s = score("t",
                measure(1, C, voice(1, 1, note("C4", H), new Note(Pitch.parse("D4"), H, Tie.START))),
                measure(2, C, voice(1, 1, new Note(Pitch.parse("D4"), Q, Tie.STOP), rest(Q), note("E4", H))));
        assertThat(labels(StreamExtractor.extract(s).stream(Staff.TREBLE).orElseThrow()))
                .containsExactly("C4/1/2", "D4/3/4", "R/1/4", "E4/1/2");
    }

    @Test
    void overlappingVoicesAreMergedByOnset() {
        Score s = score("t", measure(1, C, voice(1, 1, note("G4", W)),
                voice(2, 1, note("C4", Q), note("D4", Q), note("E4", H))));
        assertThat(labels(StreamExtractor.extract(s).stream(Staff.TREBLE).orElseThrow()))
                .containsExactly("C4.G4/1/4", "D4/1/4", "E4/1/2");
    }

    @Test
    void restsAreEventsWhereNothingSounds() {
        Score s = score("t", measure(1, C, voice(1, 1, rest(Q), note("C4", Q), rest(H)),
                voice(2, 2, note("C3", W))));
        assertThat(labels(StreamExtractor.extract(s).stream(Staff.TREBLE).orElseThrow()))
                .containsExactly("R/1/4", "C4/1/4", "R/1/2");
    }

    @Test
    void durationsAddUpToTheStaffsLength() {
        Score s = TestScores.piece("p", KeySignature.parse("A"), 8, 3);
        for (StaffStream stream : StreamExtractor.extract(s).streams().values()) {
            assertThat(stream.length()).isEqualTo(Duration.of(8, 1));
        }
    }

    @Test
    void thePieceIsTransposedToCMajor() {
        KeySignature eFlat = KeySignature.parse("E-flat");
        Score s = score("t", measure(1, eFlat, voice(1, 1, note("Eb4", H), note("G4", H)),
                voice(2, 2, chord(W, "Eb3", "Bb3"))));
        PieceStreams p = StreamExtractor.extract(s);
        assertThat(p.transposition()).isEqualTo(new Transposition(-2, -3));
        assertThat(labels(p.stream(Staff.TREBLE).orElseThrow())).containsExactly("C4/1/2", "E4/1/2");
        assertThat(labels(p.stream(Staff.BASS).orElseThrow())).containsExactly("C3.G3/1");
    }

    @Test
    void aOneStaffPartGoesByItsClef() {
        Measure m = new Measure("1", C, TimeSignature.COMMON, List.of(Clef.BASS), null, W,
                List.of(voice(1, 1, note("C3", W))));
        Score s = new Score("t", "", List.of(new Part("P1", "Cello", List.of(m))));
        PieceStreams p = StreamExtractor.extract(s);
        assertThat(p.streams().keySet()).containsExactly(Staff.BASS);
    }

    @Test
    void aStaffWithoutNotesGivesNoStream() {
        Score s = score("t", measure(1, C, voice(1, 1, note("C4", W)), voice(2, 2, rest(W))));
        assertThat(StreamExtractor.extract(s).streams().keySet()).containsExactly(Staff.TREBLE);
    }
}
