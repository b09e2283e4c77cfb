package org.segue.musicxml.internal.musicxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.firstMeasure;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.measure;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.note;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.partwise;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.read;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.rest;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.Chord;
import org.segue.model.Clef;
import org.segue.model.ClefChange;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Mode;
import org.segue.model.Note;
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.Tie;
import org.segue.model.TimeSignature;
import org.segue.model.Transposition;
import org.segue.model.Voice;
import org.segue.musicxml.ScoreFileException;

class MusicXmlReaderTest {

    private static final String V1 = "<voice>1</voice>";
    private static final String V2 = "<voice>2</voice>";

    private static Measure only(Score score) {
        return score.parts().get(0).measures().get(0);
    }

    private static Voice voice(Measure measure, int staff, int number) {
        return measure.voices().stream().filter(v -> v.staff() == staff && v.number() == number).findFirst()
                .orElseThrow(() -> new AssertionError("no voice " + number + " on staff " + staff + " in " + measure));
    }

    private static Note n(String pitch, long num, long den) {
        return new Note(Pitch.parse(pitch), Duration.of(num, den));
    }

    private static Rest r(long num, long den) {
        return new Rest(Duration.of(num, den));
    }

    @Test
    void backupMovesTheCursorBackWithinTheMeasure() throws Exception {
        Measure m = only(read(partwise(firstMeasure(1,
                note("C5", 2, "half", V1) + note("D5", 2, "half", V1)
                        + "<backup><duration>3</duration></backup>"
                        + note("E4", 1, "quarter", V2) + note("F4", 2, "half", V2)))));
        assertThat(voice(m, 1, 1).events()).containsExactly(n("C5", 1, 2), n("D5", 1, 2));
        // voice 2 starts on beat 2 and gets a rest before it
        assertThat(voice(m, 1, 2).events()).containsExactly(r(1, 4), n("E4", 1, 4), n("F4", 1, 2));
    }

    @Test
    void forwardLeavesAGapThatBecomesARest() throws Exception {
        Measure m = only(read(partwise(firstMeasure(4,
                "<forward><duration>4</duration></forward>" + note("G4", 4, "quarter", V1)
                        + "<forward><duration>8</duration></forward>"))));
        assertThat(m.length()).isEqualTo(Duration.WHOLE);
        assertThat(voice(m, 1, 1).events()).containsExactly(r(1, 4), n("G4", 1, 4), r(1, 2));
    }

    @Test
    void chordNotesStartTogetherAndFormOneChord() throws Exception {
        String chordNote = note("G4", 2, "half", "<chord/>", V1);
        Measure m = only(read(partwise(firstMeasure(1,
                note("C4", 2, "half", V1) + chordNote + note("E4", 2, "half", V1)))));
        List<Event> events = voice(m, 1, 1).events();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(Chord.class);
        assertThat(((Chord) events.get(0)).pitches()).containsExactly(Pitch.parse("C4"), Pitch.parse("G4"));
        assertThat(events.get(1)).isEqualTo(n("E4", 1, 2));
    }

    @Test
    void chordNoteOfAnotherLengthGoesToAnExtraVoice() throws Exception {
        String chordNote = note("G4", 1, "quarter", "<chord/>", V1);
        Measure m = only(read(partwise(firstMeasure(1,
                note("C4", 2, "half", V1) + chordNote + note("E4", 2, "half", V1)))));
        assertThat(voice(m, 1, 1).events()).containsExactly(n("C4", 1, 2), n("E4", 1, 2));
        assertThat(voice(m, 1, 2).events()).containsExactly(n("G4", 1, 4), r(3, 4));
    }

    @Test
    void tieElementsTieNotesAcrossTheBarLine() throws Exception {
        Score score = read(partwise(firstMeasure(1, rest(3, null, V1) + note("A4", 1, "quarter",
                "<tie type=\"start\"/>", V1)) + measure("2", note("A4", 1, "quarter", "<tie type=\"stop\"/>", V1)
                + rest(3, null, V1))));
        Note first = (Note) voice(score.parts().get(0).measures().get(0), 1, 1).events().get(1);
        Note second = (Note) voice(score.parts().get(0).measures().get(1), 1, 1).events().get(0);
        assertThat(first.tie()).isEqualTo(Tie.START);
        assertThat(second.tie()).isEqualTo(Tie.STOP);
    }

    @Test
    void tiedNotationTiesNotesThatHaveNoTieElement() throws Exception {
        Measure m = only(read(partwise(firstMeasure(1,
                "<note><pitch><step>A</step><octave>4</octave></pitch><duration>2</duration><voice>1</voice>"
                        + "<notations><tied type=\"start\"/></notations></note>"
                        + "<note><pitch><step>A</step><octave>4</octave></pitch><duration>2</duration><voice>1</voice>"
                        + "<notations><tied type=\"stop\"/></notations></note>"))));
        assertThat(voice(m, 1, 1).events()).extracting(e -> ((Note) e).tie()).containsExactly(Tie.START, Tie.STOP);
    }

    @Test
    void divisionsCanChangeInsideAMeasure() throws Exception {
        Measure m = only(read(partwise(firstMeasure(1, note("C4", 2, "half", V1)
                + "<attributes><divisions>8</divisions></attributes>"
                + note("D4", 8, "quarter", V1) + note("E4", 4, "eighth", V1) + note("F4", 4, "eighth", V1)))));
        assertThat(voice(m, 1, 1).events())
                .containsExactly(n("C4", 1, 2), n("D4", 1, 4), n("E4", 1, 8), n("F4", 1, 8));
        assertThat(m.length()).isEqualTo(Duration.WHOLE);
    }

    @Test
    void tupletNotesKeepTheirExactDuration() throws Exception {
        String triplet = "<time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes>"
                + "</time-modification>";
        Measure m = only(read(partwise(firstMeasure(3,
                note("C4", 1, "eighth", V1, triplet) + note("D4", 1, "eighth", V1, triplet)
                        + note("E4", 1, "eighth", V1, triplet)
                        + note("F4", 9, "half", V1, "<dot/>")))));
        assertThat(voice(m, 1, 1).events())
                .containsExactly(n("C4", 1, 12), n("D4", 1, 12), n("E4", 1, 12), n("F4", 3, 4));
    }

    @Test
    void durationIsPreferredToAContradictingType() throws Exception {
        Measure m = only(read(partwise(firstMeasure(2, note("C4", 2, "half", V1) + rest(6, null, V1)))));
        assertThat(voice(m, 1, 1).events().get(0)).isEqualTo(n("C4", 1, 4));
    }

    @Test
    void missingDurationFallsBackToTypeDotsAndTimeModification() throws Exception {
        Measure m = only(read(partwise(firstMeasure(4,
                "<note><pitch><step>C</step><octave>4</octave></pitch><voice>1</voice><type>quarter</type><dot/>"
                        + "</note>"
                        + "<note><pitch><step>D</step><octave>4</octave></pitch><voice>1</voice><type>eighth</type>"
                        + "<time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes>"
                        + "</time-modification></note>"))));
        assertThat(voice(m, 1, 1).events()).startsWith(n("C4", 3, 8), n("D4", 1, 12));
    }

    @Test
    void noteWithNeitherDurationNorTypeIsRefusedWithItsPlace() {
        String xml = partwise(firstMeasure(1, note("C4", 4, null, V1)) + measure("7",
                "<note><pitch><step>C</step><octave>4</octave></pitch><voice>1</voice></note>"));
        assertThatThrownBy(() -> read(xml)).isInstanceOf(ScoreFileException.class)
                .hasMessageStartingWith("test.musicxml: part P1, measure 7: ")
                .hasMessageContaining("neither a <duration> nor a <type>").hasMessageNotContaining("\n");
    }

    @Test
    void twoStavesKeepTheirOwnVoicesAndClefs() throws Exception {
        String attributes = "<attributes><divisions>1</divisions><key><fifths>-3</fifths><mode>minor</mode></key>"
                + "<time><beats>3</beats><beat-type>4</beat-type></time><staves>2</staves>"
                + "<clef number=\"1\"><sign>G</sign><line>2</line></clef>"
                + "<clef number=\"2\"><sign>F</sign><line>4</line></clef></attributes>";
        Measure m = only(read(partwise(measure("1", attributes
                + note("G4", 3, "half", V1, "<dot/>", "<staff>1</staff>")
                + "<backup><duration>3</duration></backup>"
                + note("C3", 1, "quarter", "<voice>5</voice><staff>2</staff>")
                + note("G3", 2, "half", "<voice>5</voice><staff>2</staff>")))));
        assertThat(m.clefs()).containsExactly(Clef.TREBLE, Clef.BASS);
        assertThat(m.key()).isEqualTo(new KeySignature(-3, Mode.MINOR));
        assertThat(m.time()).isEqualTo(new TimeSignature(3, 4));
        assertThat(voice(m, 1, 1).events()).containsExactly(n("G4", 3, 4));
        assertThat(voice(m, 2, 5).events()).containsExactly(n("C3", 1, 4), n("G3", 1, 2));
    }

    @Test
    void voiceThatCrossesStavesBecomesOneVoicePerStaffWithRestsInTheGaps() throws Exception {
        String attributes = "<attributes><divisions>1</divisions><staves>2</staves>"
                + "<clef number=\"1\"><sign>G</sign><line>2</line></clef>"
                + "<clef number=\"2\"><sign>F</sign><line>4</line></clef></attributes>";
        Measure m = only(read(partwise(measure("1", attributes
                + note("C3", 1, "quarter", V1, "<staff>2</staff>") + note("E4", 1, "quarter", V1, "<staff>1</staff>")
                + note("G3", 2, "half", V1, "<staff>2</staff>")))));
        assertThat(voice(m, 1, 1).events()).containsExactly(r(1, 4), n("E4", 1, 4), r(1, 2));
        assertThat(voice(m, 2, 1).events()).containsExactly(n("C3", 1, 4), r(1, 4), n("G3", 1, 2));
    }

    @Test
    void clefInsideTheMeasureBecomesAClefChangeAndCarriesOn() throws Exception {
        Score score = read(partwise(firstMeasure(1, note("C4", 2, "half", V1)
                + "<attributes><clef><sign>F</sign><line>4</line></clef></attributes>"
                + note("C3", 2, "half", V1)) + measure("2", note("D3", 4, "whole", V1))));
        Measure first = score.parts().get(0).measures().get(0);
        assertThat(first.clefs()).containsExactly(Clef.TREBLE);
        assertThat(first.clefChanges()).containsExactly(new ClefChange(1, Duration.HALF, Clef.BASS));
        assertThat(score.parts().get(0).measures().get(1).clefs()).containsExactly(Clef.BASS);
    }

    @Test
    void clefAtTheMeasureEndOnlyChangesTheNextMeasure() throws Exception {
        Score score = read(partwise(firstMeasure(1, note("C4", 4, "whole", V1)
                + "<attributes><clef><sign>C</sign><line>3</line></clef></attributes>")
                + measure("2", note("D4", 4, "whole", V1))));
        assertThat(score.parts().get(0).measures().get(0).clefChanges()).isEmpty();
        assertThat(score.parts().get(0).measures().get(1).clefs()).containsExactly(new Clef(Clef.Sign.C, 3, 0));
    }

    @Test
    void keyAndTimeChangesTakeEffectInTheirMeasure() throws Exception {
        Score score = read(partwise(firstMeasure(1, note("C4", 4, "whole", V1))
                + measure("2", "<attributes><key><fifths>2</fifths></key><time><beats>3</beats>"
                + "<beat-type>4</beat-type></time></attributes>" + note("D4", 3, "half", V1, "<dot/>"))));
        Measure second = score.parts().get(0).measures().get(1);
        assertThat(score.parts().get(0).measures().get(0).key()).isEqualTo(KeySignature.C_MAJOR);
        assertThat(second.key()).isEqualTo(new KeySignature(2, Mode.NONE));
        assertThat(second.time()).isEqualTo(new TimeSignature(3, 4));
        assertThat(second.length()).isEqualTo(Duration.of(3, 4));
    }

    @Test
    void compoundTimeSignaturesBecomeTheirSum() throws Exception {
        Measure m = only(read(partwise(measure("1", "<attributes><divisions>2</divisions><time><beats>3+2</beats>"
                + "<beat-type>8</beat-type></time></attributes>" + note("C4", 5, null, V1)))));
        assertThat(m.time()).isEqualTo(new TimeSignature(5, 8));
    }

    @Test
    void pickupMeasureKeepsItsShortLength() throws Exception {
        Score score = read(partwise("<measure number=\"0\" implicit=\"yes\"><attributes><divisions>1</divisions>"
                + "<time><beats>3</beats><beat-type>4</beat-type></time></attributes>"
                + note("G4", 1, "quarter", V1) + "</measure>" + measure("1", note("C5", 3, "half", V1, "<dot/>"))));
        Measure pickup = score.parts().get(0).measures().get(0);
        assertThat(pickup.number()).isEqualTo("0");
        assertThat(pickup.length()).isEqualTo(Duration.QUARTER);
        assertThat(pickup.isFull()).isFalse();
        assertThat(score.parts().get(0).measures().get(1).length()).isEqualTo(Duration.of(3, 4));
    }

    @Test
    void wholeMeasureRestsFillTheMeasure() throws Exception {
        Score score = read(partwise(measure("1", "<attributes><divisions>2</divisions><time><beats>3</beats>"
                + "<beat-type>4</beat-type></time></attributes><note><rest measure=\"yes\"/><voice>1</voice></note>")
                + measure("2", rest(6, null, V1))));
        for (Measure m : score.parts().get(0).measures()) {
            assertThat(m.length()).isEqualTo(Duration.of(3, 4));
            assertThat(voice(m, 1, 1).events()).containsExactly(r(3, 4));
        }
    }

    @Test
    void emptyMeasureLastsItsTimeSignatureWithAWholeMeasureRest() throws Exception {
        Score score = read(partwise(firstMeasure(1, note("C4", 4, "whole", V1)) + measure("2", "")));
        Measure empty = score.parts().get(0).measures().get(1);
        assertThat(empty.length()).isEqualTo(Duration.WHOLE);
        assertThat(empty.voices()).containsExactly(new Voice(1, 1, List.of(r(1, 1))));
    }

    @Test
    void graceNotesAreDroppedAndCueNotesLeaveSilence() throws Exception {
        Measure m = only(read(partwise(firstMeasure(1,
                "<note><grace slash=\"yes\"/><pitch><step>D</step><octave>5</octave></pitch><voice>1</voice>"
                        + "<type>eighth</type></note>"
                        + note("C5", 2, "half", V1)
                        + "<note><cue/><pitch><step>E</step><octave>5</octave></pitch><duration>2</duration>"
                        + "<voice>1</voice><type>half</type></note>"))));
        assertThat(voice(m, 1, 1).events()).containsExactly(n("C5", 1, 2), r(1, 2));
    }

    @Test
    void microtonesAreRoundedToTheNearestSemitoneAwayFromNatural() throws Exception {
        Measure m = only(read(partwise(firstMeasure(1,
                "<note><pitch><step>D</step><alter>-0.5</alter><octave>4</octave></pitch><duration>2</duration>"
                        + "<voice>1</voice></note>"
                        + "<note><pitch><step>F</step><alter>1.5</alter><octave>4</octave></pitch><duration>2</duration>"
                        + "<voice>1</voice></note>"))));
        assertThat(voice(m, 1, 1).events()).containsExactly(n("Db4", 1, 2), n("Fx4", 1, 2));
    }

    @Test
    void transposingPartKeepsItsWrittenPitchesAndSoundsAtConcertPitch() throws Exception {
        // a B-flat trumpet: written D major, D5 sounds C major, C5
        Measure m = only(read(partwise(measure("1", "<attributes><divisions>1</divisions><key><fifths>2</fifths>"
                + "<mode>major</mode></key><transpose><diatonic>-1</diatonic><chromatic>-2</chromatic></transpose>"
                + "</attributes>" + note("D5", 4, "whole", V1)))));
        assertThat(m.key()).isEqualTo(new KeySignature(2, Mode.MAJOR));
        assertThat(m.transposition()).isEqualTo(new Transposition(-1, -2));
        assertThat(voice(m, 1, 1).events()).containsExactly(n("D5", 1, 1));
        Measure sounding = m.sounding();
        assertThat(sounding.key()).isEqualTo(KeySignature.C_MAJOR);
        assertThat(sounding.transposition().isNone()).isTrue();
        assertThat(voice(sounding, 1, 1).events()).containsExactly(n("C5", 1, 1));
    }

    @Test
    void titleComposerAndPartNamesAreRead() throws Exception {
        String xml = "<?xml version=\"1.0\"?><score-partwise version=\"4.0\"><work><work-title>Op. 74</work-title>"
                + "</work><movement-title>Wiosna</movement-title><identification>"
                + "<creator type=\"lyricist\">S. Witwicki</creator><creator type=\"composer\">F. Chopin</creator>"
                + "</identification><part-list><score-part id=\"V\"><part-name>Voice</part-name></score-part>"
                + "<score-part id=\"Pno\"><part-name>Piano</part-name></score-part></part-list>"
                + "<part id=\"V\">" + firstMeasure(1, note("A4", 4, "whole")) + "</part>"
                + "<part id=\"Pno\">" + firstMeasure(1, note("A3", 4, "whole")) + "</part></score-partwise>";
        Score score = read(xml);
        assertThat(score.title()).isEqualTo("Wiosna");
        assertThat(score.composer()).isEqualTo("F. Chopin");
        assertThat(score.parts()).extracting(p -> p.id() + "=" + p.name()).containsExactly("V=Voice", "Pno=Piano");
    }

    @Test
    void timewiseScoreIsConvertedToPartwise() throws Exception {
        String xml = "<?xml version=\"1.0\"?><score-timewise version=\"4.0\"><work><work-title>T</work-title></work>"
                + "<part-list><score-part id=\"A\"><part-name>Upper</part-name></score-part>"
                + "<score-part id=\"B\"><part-name>Lower</part-name></score-part></part-list>"
                + "<measure number=\"1\"><part id=\"A\"><attributes><divisions>1</divisions></attributes>"
                + note("C5", 4, "whole") + "</part><part id=\"B\"><attributes><divisions>1</divisions></attributes>"
                + note("C3", 4, "whole") + "</part></measure>"
                + "<measure number=\"2\"><part id=\"A\">" + note("D5", 4, "whole") + "</part><part id=\"B\">"
                + note("D3", 4, "whole") + "</part></measure></score-timewise>";
        Score score = read(xml);
        assertThat(score.title()).isEqualTo("T");
        assertThat(score.parts()).extracting(p -> p.name()).containsExactly("Upper", "Lower");
        assertThat(score.parts().get(1).measures()).hasSize(2);
        assertThat(voice(score.parts().get(1).measures().get(1), 1, 1).events()).containsExactly(n("D3", 1, 1));
    }

    @Test
    void nonNumericVoicesGetTheirOwnNumbers() throws Exception {
        Measure m = only(read(partwise(firstMeasure(1, note("C5", 4, "whole", "<voice>X</voice>")
                + "<backup><duration>4</duration></backup>" + note("C4", 4, "whole", "<voice>Y</voice>")))));
        assertThat(m.voices()).extracting(Voice::number).containsExactly(2, 3);
    }
}
