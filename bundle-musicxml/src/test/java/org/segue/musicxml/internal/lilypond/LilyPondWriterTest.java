package org.segue.musicxml.internal.lilypond;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.segue.musicxml.WriteOptions;

/** What the LilyPond input says; {@link LilyPondEngravingTest} has LilyPond engrave it. */
class LilyPondWriterTest {

    private final String ly = LilyPondWriter.write(SongScore.song(), WriteOptions.DEFAULT.markingFrom(2), false);

    @Test
    void headerHasTitleAndComposer() {
        assertThat(ly).startsWith("\\version \"2.24.0\"\n\\language \"english\"\n");
        assertThat(ly).contains("title = \"A Song \\\"for\\\" Tests\"", "composer = \"Somebody\"", "tagline = ##f");
    }

    @Test
    void theVoicePartIsAboveThePianoWhoseStavesHaveABrace() {
        int voice = ly.indexOf("\\new Staff = \"part1\" \\with { instrumentName = \"Voice\" }");
        int piano = ly.indexOf("\\new PianoStaff \\with { instrumentName = \"Piano\" }");
        assertThat(voice).isNotNegative();
        assertThat(piano).isGreaterThan(voice);
        assertThat(ly.indexOf("\\new Staff = \"part2-staff1\"")).isGreaterThan(piano);
        assertThat(ly.indexOf("\\new Staff = \"part2-staff2\"")).isGreaterThan(ly.indexOf("part2-staff1"));
    }

    @Test
    void clefsKeysTimesAndTheirChangesAreWritten() {
        assertThat(ly).contains("\\time 4/4 \\key d \\major \\clef \"treble\" \\tempo 4 = 90 s1*1 |");
        assertThat(ly).contains("\\time 4/4 \\key d \\major \\clef \"bass\" s1*1 |");
        assertThat(ly).contains("\\time 3/4 \\key bf \\major");
        assertThat(ly).as("the clef changes inside measure 3 of the piano's lower staff")
                .contains("s1*1/4 \\clef \"bass\" s1*1/4 \\clef \"treble\" s1*1/4 |");
        assertThat(ly).as("only the first staff carries the tempo mark").containsOnlyOnce("\\tempo");
        assertThat(ly).contains("\\override TimeSignature.style = #'numbered");
    }

    @Test
    void notesChordsRestsTiesAndTripletsAreWritten() {
        assertThat(ly).contains("d''2 e''2~ |", "e''4 \\tuplet 3/2 { fs''8 g''8 a''8 } r2 |");
        assertThat(ly).contains("<d' fs' a'>1 |");
        assertThat(ly).as("a rest that fills the measure").contains("R1*3/4 |");
    }

    @Test
    void twoVoicesOnAStaffGetStemsUpAndDownAndOneVoiceAloneIsPlain() {
        assertThat(ly).contains("\\voiceOne a'1 |", "\\voiceTwo d'4 e'4 fs'2 |");
        assertThat(ly).as("voice 2 of the upper staff is silent in measure 1: spacers")
                .contains("s1*1 |\n    \\voiceTwo d'4");
        assertThat(ly).contains("\\oneVoice bf'2. |");
    }

    @Test
    void theNewBarsGetTheSegueMarkAndTheirColour() {
        assertThat(ly).containsOnlyOnce("\\mark \\markup \\box \\sans \"Segue\"");
        assertThat(ly).contains("segueNewBars = { \\override NoteHead.color = #segue-new-colour");
        assertThat(ly).contains("\\segueNewBars \\oneVoice bf'2. |");
        assertThat(ly).contains("\\key bf \\major \\mark \\markup \\box \\sans \"Segue\" \\segueNewBarsStaff s1*3/4 |",
                "\\key bf \\major \\segueNewBarsStaff s1*1/4 \\clef");
        String unmarked = LilyPondWriter.write(SongScore.song(), WriteOptions.DEFAULT, false);
        assertThat(unmarked).doesNotContain("\\mark", "\\segueNewBars ", "\\segueNewBarsStaff ");
    }

    @Test
    void onePageLayoutForPngAndSvgOnly() {
        assertThat(ly).doesNotContain("page-breaking");
        assertThat(LilyPondWriter.write(SongScore.song(), WriteOptions.DEFAULT, true))
                .contains("page-breaking = #ly:one-page-breaking");
    }
}
