package org.segue.musicxml.internal.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import javax.sound.midi.ShortMessage;

import org.junit.jupiter.api.Test;
import org.segue.model.Chord;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Mode;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.model.Tie;
import org.segue.model.TimeSignature;
import org.segue.model.Voice;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.internal.midi.SoundingNotes.SoundingNote;

/** Import of small MIDI files built in the tests (480 ticks per quarter: a 16th is 120 ticks, a measure 1920). */
class MidiImportTest {

    private static final int Q = 480;
    private static final int BAR = 4 * Q;

    @Test
    void type1FileTakesItsStavesFromTheTracksTheHigherOneTreble() throws ScoreFileException {
        Score score = new SmfBuilder().track().name("left hand").note(48, 0, Q).note(43, Q, 2 * Q)
                .track().name("right hand").note(72, 0, 2 * Q).readType1();
        Part part = score.parts().get(0);
        assertThat(part.name()).isEqualTo("Piano");
        assertThat(part.measures().get(0).clefs()).containsExactly(Clef.TREBLE, Clef.BASS);
        assertThat(sounding(score)).extracting(SoundingNote::staff, SoundingNote::pitch)
                .containsExactly(tuple(1, 72), tuple(2, 48), tuple(2, 43));
    }

    @Test
    void type0FileWithTwoChannelsTakesItsStavesFromTheChannels() throws Exception {
        byte[] type0 = new SmfBuilder().track().note(1, 40, 0, Q).note(0, 64, 0, Q).note(0, 50, Q, 2 * Q).type0();
        Score score = new MidiFormat().read(new java.io.ByteArrayInputStream(type0), "type0.mid");
        assertThat(sounding(score)).extracting(SoundingNote::staff, SoundingNote::pitch)
                .containsExactly(tuple(1, 64), tuple(1, 50), tuple(2, 40));
    }

    @Test
    void oneTrackOnOneChannelIsSplitAtMiddleC() throws ScoreFileException {
        Score score = new SmfBuilder().track().note(60, 0, Q).note(59, 0, Q).note(84, Q, 2 * Q).note(36, Q, 2 * Q)
                .readType1();
        assertThat(sounding(score)).extracting(SoundingNote::staff, SoundingNote::pitch)
                .containsExactly(tuple(1, 60), tuple(1, 84), tuple(2, 59), tuple(2, 36));
    }

    @Test
    void threeNoteTracksAreGroupedByAveragePitchIntoTwoStaves() throws ScoreFileException {
        Score score = new SmfBuilder().track().name("right").note(76, 0, Q).note(79, Q, 2 * Q)
                .track().name("left").note(40, 0, 2 * Q)
                .track().name("right inner").note(67, 0, 2 * Q).readType1();
        assertThat(sounding(score)).extracting(SoundingNote::staff, SoundingNote::pitch)
                .containsExactlyInAnyOrder(tuple(1, 76), tuple(1, 79), tuple(1, 67), tuple(2, 40));
    }

    @Test
    void tempoEventsBecomeMarksWhereTheyFallAndNearDuplicatesAreDropped() throws ScoreFileException {
        SmfBuilder midi = new SmfBuilder().tempo(0, 60).tempo(2 * BAR, 90).tempo(3 * BAR, 90.5).tempo(4 * BAR, 100);
        midi.track().note(60, 0, 5 * BAR);
        List<Tempo> tempos = midi.readType1().parts().get(0).measures().stream().map(Measure::tempo).toList();
        assertThat(tempos).containsExactly(Tempo.quarterNotesPerMinute(60), null, Tempo.quarterNotesPerMinute(90),
                null, Tempo.quarterNotesPerMinute(100));
    }

    @Test
    void aMeasureWithATempoChangeInsideGetsItsMeanTempo() throws ScoreFileException {
        // two quarters at 60 (2 s) and two at 120 (1 s): four quarters in 3 s is 80 per minute
        SmfBuilder midi = new SmfBuilder().tempo(0, 60).tempo(2 * Q, 120);
        midi.track().note(60, 0, 2 * BAR);
        List<Measure> measures = midi.readType1().parts().get(0).measures();
        assertThat(measures.get(0).tempo()).isEqualTo(Tempo.quarterNotesPerMinute(80));
        assertThat(measures.get(1).tempo()).isEqualTo(Tempo.quarterNotesPerMinute(120));
    }

    @Test
    void aFileWithoutTempoIsMarked120InMeasure1() throws ScoreFileException {
        Score score = new SmfBuilder().track().note(60, 0, Q).readType1();
        assertThat(score.parts().get(0).measures().get(0).tempo()).isEqualTo(Tempo.quarterNotesPerMinute(120));
    }

    @Test
    void timeSignatureEventsLayOutTheMeasuresAndTheirChanges() throws ScoreFileException {
        SmfBuilder midi = new SmfBuilder().time(0, 3, 4).time(2 * 3 * Q, 6, 8);
        midi.track().note(60, 0, 6 * Q + 6 * Q / 2 * 2);
        List<Measure> measures = midi.readType1().parts().get(0).measures();
        assertThat(measures).extracting(Measure::time, Measure::length).containsExactly(
                tuple(new TimeSignature(3, 4), Duration.of(3, 4)), tuple(new TimeSignature(3, 4), Duration.of(3, 4)),
                tuple(new TimeSignature(6, 8), Duration.of(3, 4)), tuple(new TimeSignature(6, 8), Duration.of(3, 4)));
    }

    @Test
    void aTimeSignatureChangeInsideAMeasureCutsThatMeasureShort() throws ScoreFileException {
        SmfBuilder midi = new SmfBuilder().time(0, 4, 4).time(2 * Q, 3, 4);
        midi.track().note(60, 0, 2 * Q + 3 * Q);
        List<Measure> measures = midi.readType1().parts().get(0).measures();
        assertThat(measures).extracting(Measure::time, Measure::length).containsExactly(
                tuple(TimeSignature.COMMON, Duration.HALF), tuple(new TimeSignature(3, 4), Duration.of(3, 4)));
        assertFilledExactly(measures);
    }

    @Test
    void aMinorKeySignatureEventGivesAMinorKeyAndFlatsForBlackKeys() throws ScoreFileException {
        SmfBuilder midi = new SmfBuilder().key(0, -3, true);
        midi.track().note(63, 0, Q);
        Score score = midi.readType1();
        assertThat(score.initialKey()).isEqualTo(new KeySignature(-3, Mode.MINOR));
        assertThat(((Note) firstEvent(score, 1)).pitch().toString()).isEqualTo("Eb4");
    }

    @Test
    void aKeyEventThatSaysMajorOverNotesInTheRelativeMinorGivesTheMinorKey() throws ScoreFileException {
        SmfBuilder midi = new SmfBuilder().key(0, 0, false);
        midi.track();
        int[] harmonicMinorOnA = {57, 59, 60, 62, 64, 65, 68, 69, 57, 64, 57};
        for (int i = 0; i < harmonicMinorOnA.length; i++) midi.note(harmonicMinorOnA[i], i * Q, (i + 1) * Q);
        assertThat(midi.readType1().initialKey()).isEqualTo(KeySignature.A_MINOR);
    }

    @Test
    void keyChangesCountFromTheNearestBarLine() throws ScoreFileException {
        SmfBuilder midi = new SmfBuilder().key(0, 2, true).key(2 * BAR - 10, -1, true);
        midi.track().note(62, 0, 3 * BAR);
        List<Measure> measures = midi.readType1().parts().get(0).measures();
        assertThat(measures).extracting(Measure::key).containsExactly(new KeySignature(2, Mode.MINOR),
                new KeySignature(2, Mode.MINOR), new KeySignature(-1, Mode.MINOR));
    }

    @Test
    void withoutKeyEventsTheKeyIsEstimatedFromTheNotes() throws ScoreFileException {
        SmfBuilder midi = new SmfBuilder().track();
        int[] dMajor = {62, 64, 66, 67, 69, 71, 73, 74, 69, 66, 62};
        for (int i = 0; i < dMajor.length; i++) midi.note(dMajor[i], i * Q, (i + 1) * Q);
        Score score = midi.readType1();
        assertThat(score.initialKey()).isEqualTo(new KeySignature(2, Mode.MAJOR));
        assertThat(score.parts().get(0).measures()).extracting(Measure::key).containsOnly(score.initialKey());
    }

    @Test
    void slightlyEarlyAndLateTripletsLandOnTheTripletGrid() throws ScoreFileException {
        Score score = new SmfBuilder().track().note(72, 5, 150).note(74, 163, 318).note(76, 317, 470).readType1();
        assertThat(sounding(score)).extracting(SoundingNote::onset, SoundingNote::duration).containsExactly(
                tuple(Duration.ZERO, Duration.of(1, 12)), tuple(Duration.of(1, 12), Duration.of(1, 12)),
                tuple(Duration.of(1, 6), Duration.of(1, 12)));
    }

    @Test
    void slightlyUnevenSixteenthsLandOnTheSixteenthGrid() throws ScoreFileException {
        Score score = new SmfBuilder().track().note(72, 0, 100).note(74, 126, 230).note(76, 236, 350)
                .note(77, 365, 470).readType1();
        assertThat(sounding(score)).extracting(SoundingNote::onset).containsExactly(Duration.ZERO,
                Duration.SIXTEENTH, Duration.EIGHTH, Duration.of(3, 16));
        assertThat(sounding(score)).extracting(SoundingNote::duration).containsOnly(Duration.SIXTEENTH);
    }

    @Test
    void sextupletsAndThirtySecondsKeepTheirOwnGrids() throws ScoreFileException {
        SmfBuilder midi = new SmfBuilder().track();
        for (int i = 0; i < 6; i++) midi.note(60 + i, i * 80, (i + 1) * 80);         // beat 1: sextuplets
        for (int i = 0; i < 8; i++) midi.note(70 + i, Q + i * 60, Q + (i + 1) * 60); // beat 2: 32nds
        List<SoundingNote> notes = sounding(midi.readType1());
        assertThat(notes).hasSize(14);
        assertThat(notes.subList(0, 6)).extracting(SoundingNote::duration).containsOnly(Duration.of(1, 24));
        assertThat(notes.subList(6, 14)).extracting(SoundingNote::duration).containsOnly(Duration.of(1, 32));
        assertThat(notes.get(13).onset()).isEqualTo(Duration.of(1, 4).plus(Duration.of(7, 32)));
    }

    @Test
    void aNoteTooShortForTheGridGetsOneGridStep() throws ScoreFileException {
        Score score = new SmfBuilder().track().note(72, 0, 20).note(74, Q, 2 * Q).readType1();
        assertThat(sounding(score)).extracting(SoundingNote::duration)
                .containsExactly(Duration.SIXTEENTH, Duration.QUARTER);
    }

    @Test
    void notesThatStartAndEndTogetherFormAChord() throws ScoreFileException {
        Score score = new SmfBuilder().track().note(76, 0, Q).note(72, 0, Q).note(79, 3, Q - 4).readType1();
        Event first = firstEvent(score, 1);
        assertThat(first).isInstanceOf(Chord.class);
        assertThat(((Chord) first).pitches()).extracting(Object::toString).containsExactly("C5", "E5", "G5");
        assertThat(first.duration()).isEqualTo(Duration.QUARTER);
    }

    @Test
    void notesThatOverlapOtherwiseGoToASecondVoice() throws ScoreFileException {
        Score score = new SmfBuilder().track().note(72, 0, 2 * Q).note(64, 0, Q).note(65, Q, 2 * Q).readType1();
        Measure m = score.parts().get(0).measures().get(0);
        List<Voice> treble = m.voicesOnStaff(1);
        assertThat(treble).hasSize(2);
        assertThat(treble.get(0).events())
                .containsExactly(note("C5", Duration.HALF, Tie.NONE), new Rest(Duration.HALF));
        assertThat(treble.get(1).events()).containsExactly(note("E4", Duration.QUARTER, Tie.NONE),
                note("F4", Duration.QUARTER, Tie.NONE), new Rest(Duration.HALF));
        assertFilledExactly(score.parts().get(0).measures());
    }

    @Test
    void aNoteAcrossBarLinesIsSplitAndTied() throws ScoreFileException {
        Score score = new SmfBuilder().track().note(67, 3 * Q, 2 * BAR + Q).readType1();
        List<Measure> measures = score.parts().get(0).measures();
        assertThat(measures).hasSize(3);
        assertThat(measures.get(0).voicesOnStaff(1).get(0).events())
                .containsExactly(new Rest(Duration.of(3, 4)), note("G4", Duration.QUARTER, Tie.START));
        assertThat(measures.get(1).voicesOnStaff(1).get(0).events())
                .containsExactly(note("G4", Duration.WHOLE, Tie.CONTINUE));
        assertThat(measures.get(2).voicesOnStaff(1).get(0).events())
                .containsExactly(note("G4", Duration.QUARTER, Tie.STOP), new Rest(Duration.of(3, 4)));
        assertThat(sounding(score)).extracting(SoundingNote::onset, SoundingNote::duration)
                .containsExactly(tuple(Duration.of(3, 4), Duration.of(6, 4)));
    }

    @Test
    void aNoteOnWithVelocityZeroEndsTheNote() throws ScoreFileException {
        Score score = new SmfBuilder().track().noteEndedByVelocityZero(60, 0, Q).noteEndedByVelocityZero(62, Q, 3 * Q)
                .readType1();
        assertThat(sounding(score)).extracting(SoundingNote::pitch, SoundingNote::duration)
                .containsExactly(tuple(60, Duration.QUARTER), tuple(62, Duration.HALF));
    }

    @Test
    void aRestrikeOfASoundingPitchEndsTheEarlierNoteEvenWhenItsNoteOffComesLate() throws ScoreFileException {
        SmfBuilder midi = new SmfBuilder().track();
        midi.shortMessage(0, ShortMessage.NOTE_ON, 0, 60, 80);
        midi.shortMessage(Q, ShortMessage.NOTE_ON, 0, 60, 80);  // struck again before its NoteOff
        midi.shortMessage(Q, ShortMessage.NOTE_OFF, 0, 60, 0);  // "on, off" at one tick: ends the first
        midi.shortMessage(3 * Q, ShortMessage.NOTE_OFF, 0, 60, 0);
        assertThat(sounding(midi.readType1())).extracting(SoundingNote::onset, SoundingNote::duration)
                .containsExactly(tuple(Duration.ZERO, Duration.QUARTER), tuple(Duration.QUARTER, Duration.HALF));
    }

    @Test
    void theSustainPedalAndOtherControllersAreIgnored() throws ScoreFileException {
        SmfBuilder midi = new SmfBuilder().track();
        midi.shortMessage(0, ShortMessage.CONTROL_CHANGE, 0, 64, 127).note(60, 0, Q);
        midi.shortMessage(2 * Q, ShortMessage.CONTROL_CHANGE, 0, 64, 0);
        assertThat(sounding(midi.readType1())).extracting(SoundingNote::duration).containsExactly(Duration.QUARTER);
    }

    @Test
    void everyVoiceFillsItsMeasureAndTheLastMeasureIsCompletedWithRests() throws ScoreFileException {
        Score score = new SmfBuilder().track().note(72, 0, BAR + Q / 2).note(76, Q, 3 * Q).note(48, BAR, BAR + 120)
                .readType1();
        List<Measure> measures = score.parts().get(0).measures();
        assertThat(measures).hasSize(2);
        assertFilledExactly(measures);
        assertThat(measures.get(1).voicesOnStaff(2).get(0).events())
                .containsExactly(note("C3", Duration.SIXTEENTH, Tie.NONE), new Rest(Duration.of(15, 16)));
    }

    @Test
    void theTitleIsTheFirstTracksNameElseItsTextElseTheFileName() throws ScoreFileException {
        assertThat(new SmfBuilder().name("Prelude").track().note(60, 0, Q).readType1().title()).isEqualTo("Prelude");
        assertThat(new SmfBuilder().text("Etude").track().note(60, 0, Q).readType1().title()).isEqualTo("Etude");
        assertThat(new SmfBuilder().track().name("Piano right").note(60, 0, Q).readType1("/some/dir/My Piece.mid")
                .title()).isEqualTo("My Piece");
    }

    @Test
    void aFileWithoutNotesIsOneMeasureOfRests() throws ScoreFileException {
        Score score = new SmfBuilder().tempo(0, 90).readType1();
        assertThat(score.parts().get(0).measures()).hasSize(1);
        assertThat(score.parts().get(0).measures().get(0).voices()).allMatch(Voice::isSilent).hasSize(2);
    }

    static List<SoundingNote> sounding(Score score) {
        return SoundingNotes.of(score.parts().get(0));
    }

    static Event firstEvent(Score score, int staff) {
        return score.parts().get(0).measures().get(0).voicesOnStaff(staff).get(0).events().get(0);
    }

    static Note note(String pitch, Duration duration, Tie tie) {
        return new Note(org.segue.model.Pitch.parse(pitch), duration, tie);
    }

    static void assertFilledExactly(List<Measure> measures) {
        for (Measure m : measures) {
            for (Voice v : m.voices()) {
                assertThat(v.length()).as("measure " + m.number() + " staff " + v.staff() + " voice " + v.number())
                        .isEqualTo(m.length());
            }
        }
    }
}
