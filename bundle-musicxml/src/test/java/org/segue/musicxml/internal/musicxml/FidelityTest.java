package org.segue.musicxml.internal.musicxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Mode;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Pitch;
import org.segue.model.Score;
import org.segue.model.Transposition;
import org.segue.model.Voice;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.internal.ScoreFilesComponent;
import org.segue.musicxml.internal.musicxml.ReadNotices.Kind;

/**
 * Real-world files read as they are written and written back the same: transposing instruments keep their written
 * pitches and {@code <transpose>}, divisions that come after the first notes count for them, a declared encoding
 * that contradicts the bytes is corrected, and unpitched percussion stays unpitched. Each fixture goes
 * file -> model -> MusicXML (valid against the XSD) -> model with nothing changed.
 */
class FidelityTest {

    private static final String FIXTURES = "/org/segue/musicxml/fidelity/";
    private static XsdValidator xsd;
    private final MusicXmlFormat format = new MusicXmlFormat();

    @BeforeAll
    static void loadSchema() throws Exception {
        xsd = XsdValidator.load(SharedData.folder("musicxml-4.0-schema"), "musicxml.xsd");
    }

    @Test
    void clarinetInAKeepsItsWrittenPitchesKeyAndTranspositionChange() throws Exception {
        Score score = fixture("clarinet-in-a-and-piano.musicxml");
        Part clarinet = score.parts().get(0);
        Measure first = clarinet.measures().get(0);
        assertThat(first.transposition()).isEqualTo(new Transposition(-2, -3));
        assertThat(first.key()).isEqualTo(new KeySignature(-3, Mode.MAJOR)); // written E-flat major
        assertThat(pitches(first)).containsExactly("Eb5", "F5", "G5", "Ab5");
        assertThat(pitches(first.sounding())).containsExactly("C5", "D5", "E5", "F5");
        assertThat(first.sounding().key()).isEqualTo(KeySignature.C_MAJOR);
        Measure third = clarinet.measures().get(2);
        assertThat(third.transposition()).isEqualTo(new Transposition(-1, -2)); // now in B-flat
        assertThat(third.key()).isEqualTo(new KeySignature(2, Mode.MAJOR));
        assertThat(pitches(third.sounding())).containsExactly("C5", "E5", "G5");
        assertThat(clarinet.measures().get(3).transposition()).isEqualTo(new Transposition(-1, -2));
        assertThat(score.parts().get(1).measures()).allMatch(m -> m.transposition().isNone());
        assertThat(score.initialKey()).isEqualTo(KeySignature.C_MAJOR); // the key that sounds

        String written = roundTrip(score, "clarinet.musicxml");
        assertThat(count(written, "<transpose>")).isEqualTo(2);
        assertThat(written).contains("<diatonic>-2</diatonic>", "<chromatic>-3</chromatic>",
                "<diatonic>-1</diatonic>", "<chromatic>-2</chromatic>");
    }

    @Test
    void octaveTranspositionsAreWrittenAsOctaveChanges() throws Exception {
        Score score = fixture("guitar-and-piccolo.musicxml");
        Measure guitar = score.parts().get(0).measures().get(0);
        Measure piccolo = score.parts().get(1).measures().get(0);
        assertThat(guitar.transposition()).isEqualTo(new Transposition(-7, -12));
        assertThat(piccolo.transposition()).isEqualTo(new Transposition(7, 12));
        assertThat(pitches(guitar)).containsExactly("G4", "B4", "D5");
        assertThat(pitches(guitar.sounding())).containsExactly("G3", "B3", "D4");
        assertThat(pitches(piccolo.sounding())).containsExactly("D6");

        String written = roundTrip(score, "guitar.musicxml");
        assertThat(written).contains("<octave-change>-1</octave-change>", "<octave-change>1</octave-change>");
    }

    @Test
    void midiOfATransposingPartPlaysTheSoundingPitches() throws Exception {
        Score score = fixture("clarinet-in-a-and-piano.musicxml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ScoreFilesComponent().write(score, out, "clarinet.mid");
        List<Integer> keys = noteOns(MidiSystem.getSequence(new ByteArrayInputStream(out.toByteArray())));
        // the clarinet's first written Eb5 (75) sounds C5 (72); no written-only pitch is played
        assertThat(keys).contains(72, 74, 76, 77).doesNotContain(75, 80);
    }

    @Test
    void notesBeforeALateDivisionsTakeItsValueWithAWarning() throws Exception {
        ReadNotices notices = new ReadNotices("late-divisions.musicxml");
        Score score;
        try (InputStream in = stream("late-divisions.musicxml")) {
            score = format.read(in, "late-divisions.musicxml", notices);
        }
        Measure first = score.parts().get(0).measures().get(0);
        assertThat(first.length()).isEqualTo(Duration.of(1, 1));
        assertThat(first.voices().get(0).events()).extracting(Event::duration)
                .containsExactly(Duration.of(1, 2), Duration.of(1, 4), Duration.of(1, 8), Duration.of(1, 8));
        assertThat(score.parts().get(0).measures().get(1).length()).isEqualTo(Duration.of(1, 1));
        assertThat(notices.count(Kind.LATE_DIVISIONS)).isEqualTo(1);
        roundTrip(score, "late.musicxml");
    }

    @Test
    void utf8BytesDeclaredAsUtf16AreReadAsUtf8WithAWarning() throws Exception {
        ReadNotices notices = new ReadNotices("declared.musicxml");
        Score score;
        try (InputStream in = stream("declared-utf16-written-utf8.musicxml")) {
            score = format.read(in, "declared.musicxml", notices);
        }
        assertThat(score.title()).isEqualTo("Élégie für Flöte");
        assertThat(score.composer()).isEqualTo("Dvořák");
        assertThat(score.parts().get(0).name()).isEqualTo("Flöte");
        assertThat(notices.count(Kind.ENCODING_CORRECTED)).isEqualTo(1);
        roundTrip(score, "declared.musicxml");
    }

    @Test
    void utf16BytesDeclaredAsUtf8AreReadAsUtf16() throws Exception {
        String text = new String(bytes("declared-utf16-written-utf8.musicxml"), StandardCharsets.UTF_8)
                .replace("encoding=\"UTF-16\"", "encoding=\"UTF-8\"");
        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] bom = charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : new byte[] {(byte) 0xFE, (byte) 0xFF};
            for (byte[] prefix : List.of(bom, new byte[0])) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.write(prefix);
                bytes.write(text.getBytes(charset));
                ReadNotices notices = new ReadNotices("utf16.musicxml");
                Score score = format.read(new ByteArrayInputStream(bytes.toByteArray()), "utf16.musicxml", notices);
                assertThat(score.title()).isEqualTo("Élégie für Flöte");
                assertThat(notices.count(Kind.ENCODING_CORRECTED)).isEqualTo(1);
            }
        }
    }

    @Test
    void bytesThatAreNeitherTheDeclaredEncodingNorUtf8AreRefusedOnOneLine() {
        byte[] latin1 = new String(bytes("declared-utf16-written-utf8.musicxml"), StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> format.read(new ByteArrayInputStream(latin1), "latin.musicxml"))
                .isInstanceOf(ScoreFileException.class)
                .hasMessageStartingWith("latin.musicxml: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void unpitchedPercussionStaysUnpitchedThroughARoundTrip() throws Exception {
        Score score = fixture("percussion-and-piano.musicxml");
        Part drums = score.parts().get(0);
        List<Note> notes = notes(drums);
        assertThat(notes).hasSize(7).allMatch(Note::unpitched);
        assertThat(notes.get(0).pitch()).isEqualTo(Pitch.parse("C5")); // the display position
        assertThat(drums.hasPitchedNotes()).isFalse();
        assertThat(score.parts().get(1).hasPitchedNotes()).isTrue();
        assertThat(notes(score.parts().get(1))).noneMatch(Note::unpitched);

        String written = roundTrip(score, "drums.musicxml");
        assertThat(count(written, "<unpitched>")).isEqualTo(7);
        assertThat(written).contains("<display-step>C</display-step>", "<display-octave>5</display-octave>");
    }

    @Test
    void midiLeavesUnpitchedNotesOut() throws Exception {
        Score score = fixture("percussion-and-piano.musicxml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ScoreFilesComponent().write(score, out, "drums.mid");
        List<Integer> keys = noteOns(MidiSystem.getSequence(new ByteArrayInputStream(out.toByteArray())));
        assertThat(keys).containsExactlyInAnyOrder(64, 67, 48, 62, 43); // the piano's notes only
    }

    /** Writes, validates, reads again: nothing may differ. Returns the written MusicXML. */
    private String roundTrip(Score score, String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(score, out, name);
        byte[] bytes = out.toByteArray();
        assertThat(xsd.validate(bytes)).isEmpty();
        Score again = format.read(new ByteArrayInputStream(bytes), name);
        assertThat(MusicXmlRoundTripTest.difference(score, again)).isNull();
        for (int p = 0; p < score.parts().size(); p++) {
            List<Measure> a = score.parts().get(p).measures();
            List<Measure> b = again.parts().get(p).measures();
            for (int m = 0; m < a.size(); m++) {
                assertThat(b.get(m).transposition()).isEqualTo(a.get(m).transposition());
                assertThat(b.get(m).key()).isEqualTo(a.get(m).key());
            }
            assertThat(notes(again.parts().get(p))).extracting(Note::unpitched)
                    .isEqualTo(notes(score.parts().get(p)).stream().map(Note::unpitched).toList());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private Score fixture(String name) throws Exception {
        try (InputStream in = stream(name)) {
            return format.read(in, name);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = FidelityTest.class.getResourceAsStream(FIXTURES + name);
        if (in == null) throw new IllegalStateException("missing test resource " + FIXTURES + name);
        return in;
    }

    private static byte[] bytes(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> pitches(Measure measure) {
        List<String> result = new ArrayList<>();
        for (Voice voice : measure.voices()) {
            for (Event event : voice.events()) {
                if (event instanceof Note n) result.add(n.pitch().toString());
                if (event instanceof org.segue.model.Chord c) c.notes().forEach(n -> result.add(n.pitch().toString()));
            }
        }
        return result;
    }

    private static List<Note> notes(Part part) {
        List<Note> notes = new ArrayList<>();
        for (Measure measure : part.measures()) {
            for (Voice voice : measure.voices()) {
                for (Event event : voice.events()) {
                    if (event instanceof Note n) notes.add(n);
                    if (event instanceof org.segue.model.Chord c) notes.addAll(c.notes());
                }
            }
        }
        return notes;
    }

    private static List<Integer> noteOns(Sequence sequence) {
        List<Integer> keys = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (event.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON
                        && m.getData2() > 0) {
                    keys.add(m.getData1());
                }
            }
        }
        return keys;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) count++;
        return count;
    }
}
