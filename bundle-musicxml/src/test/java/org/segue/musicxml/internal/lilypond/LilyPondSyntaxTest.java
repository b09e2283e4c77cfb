package org.segue.musicxml.internal.lilypond;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.KeySignature;
import org.segue.model.Mode;
import org.segue.model.Pitch;
import org.segue.musicxml.internal.musicxml.NoteValue;

class LilyPondSyntaxTest {

    @Test
    void pitchesAreSpelledInEnglishWithAbsoluteOctaves() {
        assertThat(LilyPondSyntax.pitch(Pitch.parse("C4"))).isEqualTo("c'");
        assertThat(LilyPondSyntax.pitch(Pitch.parse("Eb4"))).isEqualTo("ef'");
        assertThat(LilyPondSyntax.pitch(Pitch.parse("F#5"))).isEqualTo("fs''");
        assertThat(LilyPondSyntax.pitch(Pitch.parse("C3"))).isEqualTo("c");
        assertThat(LilyPondSyntax.pitch(Pitch.parse("Bb1"))).isEqualTo("bf,,");
        assertThat(LilyPondSyntax.pitch(Pitch.parse("Ebb2"))).isEqualTo("eff,");
        assertThat(LilyPondSyntax.pitch(Pitch.parse("Fx6"))).isEqualTo("fss'''");
        assertThat(LilyPondSyntax.pitch(Pitch.parse("A0"))).isEqualTo("a,,,");
    }

    @Test
    void noteValuesBecomeLilyPondDurationsWithDots() {
        assertThat(LilyPondSyntax.duration(NoteValue.exactly(Duration.QUARTER).orElseThrow())).isEqualTo("4");
        assertThat(LilyPondSyntax.duration(NoteValue.exactly(Duration.of(3, 8)).orElseThrow())).isEqualTo("4.");
        assertThat(LilyPondSyntax.duration(NoteValue.exactly(Duration.of(7, 4)).orElseThrow())).isEqualTo("1..");
        assertThat(LilyPondSyntax.duration(NoteValue.exactly(Duration.of(2, 1)).orElseThrow())).isEqualTo("\\breve");
        assertThat(LilyPondSyntax.duration(NoteValue.exactly(Duration.of(1, 12)).orElseThrow()))
                .as("a triplet eighth is written as an eighth inside \\tuplet").isEqualTo("8");
        assertThat(LilyPondSyntax.scaledWhole(Duration.of(3, 4))).isEqualTo("1*3/4");
        assertThat(LilyPondSyntax.scaledWhole(Duration.of(2, 1))).isEqualTo("1*2");
    }

    @Test
    void keysKeepTheirTonicAndMode() {
        assertThat(LilyPondSyntax.key(new KeySignature(-3, Mode.MAJOR))).isEqualTo("\\key ef \\major");
        assertThat(LilyPondSyntax.key(new KeySignature(-3, Mode.MINOR))).isEqualTo("\\key c \\minor");
        assertThat(LilyPondSyntax.key(new KeySignature(1, Mode.MINOR))).isEqualTo("\\key e \\minor");
        assertThat(LilyPondSyntax.key(new KeySignature(0, Mode.DORIAN))).isEqualTo("\\key d \\dorian");
        assertThat(LilyPondSyntax.key(new KeySignature(6, Mode.NONE))).isEqualTo("\\key fs \\major");
        assertThat(LilyPondSyntax.key(new KeySignature(-7, Mode.MAJOR))).isEqualTo("\\key cf \\major");
    }

    @Test
    void clefsByNameWithTheirOctaveShift() {
        assertThat(LilyPondSyntax.clef(Clef.TREBLE)).isEqualTo("\\clef \"treble\"");
        assertThat(LilyPondSyntax.clef(Clef.BASS)).isEqualTo("\\clef \"bass\"");
        assertThat(LilyPondSyntax.clef(new Clef(Clef.Sign.G, 2, -1))).isEqualTo("\\clef \"treble_8\"");
        assertThat(LilyPondSyntax.clef(new Clef(Clef.Sign.C, 3, 0))).isEqualTo("\\clef \"alto\"");
        assertThat(LilyPondSyntax.clef(new Clef(Clef.Sign.C, 4, 0))).isEqualTo("\\clef \"tenor\"");
        assertThat(LilyPondSyntax.clef(new Clef(Clef.Sign.F, 4, 1))).isEqualTo("\\clef \"bass^8\"");
    }

    @Test
    void stringsAreEscaped() {
        assertThat(LilyPondSyntax.string("Op. 9 \"Nocturne\" \\ two\nlines"))
                .isEqualTo("\"Op. 9 \\\"Nocturne\\\" \\\\ two lines\"");
    }
}
