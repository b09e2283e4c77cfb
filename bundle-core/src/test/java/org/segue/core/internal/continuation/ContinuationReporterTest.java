package org.segue.core.internal.continuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.continuation.ContinuationReport;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.TimeSignature;
import org.segue.model.Voice;

class ContinuationReporterTest {

    @Test
    void aRepeatedConsonantBarScoresAsSuch() {
        Measure bar = bar("C5", "C3", "E5", "F3");
        ContinuationReport report = ContinuationReporter.report(List.of(bar), List.of(bar.withNumber("2")));

        assertThat(report.notesInScale()).isEqualTo(1.0);
        assertThat(report.repeatedBars()).isEqualTo(1.0);
        assertThat(report.pitchClassDivergence()).isCloseTo(0.0, within(1e-12));
        assertThat(report.durationDivergence()).isCloseTo(0.0, within(1e-12));
        // beats 1 and 2: C5 over C3 (octave), beat 3: E5 over F3 (major seventh)
        assertThat(report.strongBeats()).isEqualTo(3);
        assertThat(report.consonantStrongBeats()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void countsNotesOutsideTheScale() {
        ContinuationReport report = ContinuationReporter.report(List.of(bar("C5", "C3", "E5", "F3")),
                List.of(bar("C#5", "C3", "E5", "F3")));

        assertThat(report.generatedNotes()).isEqualTo(4);
        assertThat(report.notesInScale()).isEqualTo(0.75);
        assertThat(report.repeatedBars()).isZero();
        assertThat(report.pitchClassDivergence()).isPositive();
    }

    @Test
    void aSilentBassCountsAgainstConsonanceAndShowsInItsActivity() {
        Measure played = bar("C5", "C3", "E5", "C3");
        Measure bassRests = played.withVoices(List.of(played.voicesOnStaff(1).get(0),
                new Voice(1, 2, List.of(new Rest(Duration.of(3, 4))))));

        ContinuationReport report = ContinuationReporter.report(List.of(played, played),
                List.of(bassRests.withNumber("3"), played.withNumber("4")));

        assertThat(report.strongBeats()).isEqualTo(6);
        assertThat(report.silentStrongBeats()).isCloseTo(3.0 / 6, within(1e-12));
        assertThat(report.consonantStrongBeats()).isCloseTo(3.0 / 6, within(1e-12)); // C5/C3, C5/C3, E5/C3
        assertThat(report.bass().soundingNew()).isCloseTo(0.5, within(1e-12));
        assertThat(report.bass().soundingPiece()).isEqualTo(1.0);
        assertThat(report.bass().densityNew()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(report.bass().densityPiece()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(report.treble().soundingNew()).isEqualTo(1.0);
        assertThat(report.bass().silentBarsNew()).isEqualTo(1);
        assertThat(report.bass().silentBarsPiece()).isZero();
        assertThat(report.treble().silentBarsNew()).isZero();
    }

    @Test
    void jensenShannonIsOneBitForDisjointHistograms() {
        assertThat(ContinuationReporter.jensenShannon(Map.of("a", 1.0), Map.of("b", 3.0))).isCloseTo(1.0, within(1e-12));
    }

    /** A 3/4 bar: treble half then quarter, bass half then quarter. */
    private static Measure bar(String treble1, String bass1, String treble2, String bass2) {
        List<Event> treble = List.of(new Note(Pitch.parse(treble1), Duration.HALF), new Note(Pitch.parse(treble2), Duration.QUARTER));
        List<Event> bass = List.of(new Note(Pitch.parse(bass1), Duration.HALF), new Note(Pitch.parse(bass2), Duration.QUARTER));
        return new Measure("1", KeySignature.C_MAJOR, new TimeSignature(3, 4), List.of(Clef.TREBLE, Clef.BASS), null,
                Duration.of(3, 4), List.of(new Voice(1, 1, treble), new Voice(1, 2, bass)));
    }
}
