package org.segue.musicxml.internal.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiFileFormat;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

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
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.model.Tie;
import org.segue.model.TimeSignature;
import org.segue.model.Voice;
import org.segue.musicxml.internal.ScoreFilesComponent;

/** Export of small scores built in the tests, read back with javax.sound.midi. */
class MidiExportTest {

    private static final List<Clef> PIANO = List.of(Clef.TREBLE, Clef.BASS);
    private static final KeySignature D_MINOR = new KeySignature(-1, Mode.MINOR);
    private static final TimeSignature THREE_FOUR = new TimeSignature(3, 4);

    /**
     * Two 3/4 measures: a G4 tied across the bar line over a bass chord, tempo 72 then 96, d minor then C major
     * (with a C to make the major mode clear: the reader re-judges keys that MIDI calls major).
     */
    private static Score twoMeasures() {
        Note tiedStart = new Note(Pitch.parse("G4"), Duration.HALF, Tie.START);
        Note tiedStop = new Note(Pitch.parse("G4"), Duration.QUARTER, Tie.STOP);
        Chord bass = new Chord(List.of(new Note(Pitch.parse("D3"), Duration.of(3, 4)),
                new Note(Pitch.parse("A3"), Duration.of(3, 4))));
        Measure one = new Measure("1", D_MINOR, THREE_FOUR, PIANO, Tempo.quarterNotesPerMinute(72),
                Duration.of(3, 4), List.of(
                        new Voice(1, 1, List.of(new Rest(Duration.QUARTER), tiedStart)),
                        new Voice(1, 2, List.of(bass))));
        Measure two = new Measure("2", KeySignature.C_MAJOR, THREE_FOUR, PIANO, Tempo.quarterNotesPerMinute(96),
                Duration.of(3, 4), List.of(
                        new Voice(1, 1, List.of(tiedStop, new Note(Pitch.parse("C5"), Duration.HALF))),
                        new Voice(1, 2, List.of(new Rest(Duration.of(3, 4))))));
        return new Score("Little Piece", "", List.of(new Part("P1", "Piano", List.of(one, two))));
    }

    private static byte[] write(Score score) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MidiFormat().write(score, out, "out.mid");
        return out.toByteArray();
    }

    @Test
    void writesAType1FileAt480TicksWithAConductorTrackAndOneTrackPerStaff() throws Exception {
        byte[] bytes = write(twoMeasures());
        MidiFileFormat format = MidiSystem.getMidiFileFormat(new ByteArrayInputStream(bytes));
        assertThat(format.getType()).isEqualTo(1);
        assertThat(format.getResolution()).isEqualTo(480);
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        assertThat(sequence.getTracks()).hasSize(3);
        assertThat(names(sequence)).containsExactly("Little Piece", "Piano right", "Piano left");
    }

    @Test
    void theConductorTrackHoldsEveryTempoMarkTimeAndKeySignatureAtItsMeasure() throws Exception {
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(write(twoMeasures())));
        List<String> meta = new ArrayList<>();
        Track conductor = sequence.getTracks()[0];
        for (int i = 0; i < conductor.size(); i++) {
            if (conductor.get(i).getMessage() instanceof MetaMessage m && m.getType() != 0x03 && m.getType() != 0x2F) {
                byte[] d = m.getData();
                meta.add(conductor.get(i).getTick() + " " + switch (m.getType()) {
                    case 0x51 -> "tempo " + (((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF));
                    case 0x58 -> "time " + d[0] + "/" + (1 << d[1]);
                    case 0x59 -> "key " + d[0] + (d[1] == 1 ? " minor" : " major");
                    default -> "meta " + m.getType();
                });
            }
        }
        assertThat(meta).containsExactly("0 time 3/4", "0 key -1 minor", "0 tempo 833333", "1440 key 0 major",
                "1440 tempo 625000");
    }

    @Test
    void tiedNotesBecomeOneNoteAndBothStavesAreOnChannel1AtVelocity80() throws Exception {
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(write(twoMeasures())));
        assertThat(notes(sequence.getTracks()[1])).containsExactly("480-1920 67", "1920-2880 72");
        assertThat(notes(sequence.getTracks()[2])).containsExactly("0-1440 50", "0-1440 57");
        for (int t = 1; t <= 2; t++) {
            Track track = sequence.getTracks()[t];
            for (int i = 0; i < track.size(); i++) {
                if (track.get(i).getMessage() instanceof ShortMessage s && s.getCommand() == ShortMessage.NOTE_ON) {
                    assertThat(s.getChannel()).isZero();
                    assertThat(s.getData2()).isEqualTo(80);
                }
            }
        }
    }

    @Test
    void aScoreReadBackHasTheSameNotesKeysTemposAndTitle() throws Exception {
        Score original = twoMeasures();
        Score back = new MidiFormat().read(new ByteArrayInputStream(write(original)), "back.mid");
        assertThat(SoundingNotes.of(back.parts().get(0))).isEqualTo(SoundingNotes.of(original.parts().get(0)));
        assertThat(back.parts().get(0).measures()).extracting(Measure::key, Measure::tempo, Measure::time)
                .containsExactly(tuple(D_MINOR, Tempo.quarterNotesPerMinute(72), THREE_FOUR),
                        tuple(KeySignature.C_MAJOR, Tempo.quarterNotesPerMinute(96), THREE_FOUR));
        assertThat(back.title()).isEqualTo("Little Piece");
    }

    @Test
    void aNoteThatEndsWhereTheSamePitchStartsAgainIsWrittenOffBeforeOn() throws Exception {
        Measure m = new Measure("1", KeySignature.C_MAJOR, TimeSignature.COMMON, PIANO, null, Duration.WHOLE,
                List.of(new Voice(1, 1, List.of(new Note(Pitch.parse("C5"), Duration.HALF),
                        new Note(Pitch.parse("C5"), Duration.HALF)))));
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(
                write(new Score("", "", List.of(new Part("P1", "Piano", List.of(m)))))));
        List<String> events = new ArrayList<>();
        Track treble = sequence.getTracks()[1];
        for (int i = 0; i < treble.size(); i++) {
            if (treble.get(i).getMessage() instanceof ShortMessage s) {
                events.add(treble.get(i).getTick() + (s.getCommand() == ShortMessage.NOTE_ON ? " on" : " off"));
            }
        }
        assertThat(events).containsExactly("0 on", "960 off", "960 on", "1920 off");
    }

    @Test
    void positionsThat480CannotHoldRaiseTheResolutionToAMultipleOf480() throws Exception {
        List<Event> septuplets = new ArrayList<>();
        for (int i = 0; i < 7; i++) septuplets.add(new Note(Pitch.fromMidi(60 + i, false), Duration.of(1, 28)));
        septuplets.add(new Rest(Duration.of(3, 4)));
        Measure m = new Measure("1", KeySignature.C_MAJOR, TimeSignature.COMMON, List.of(Clef.TREBLE), null,
                Duration.WHOLE, List.of(new Voice(1, 1, septuplets)));
        Score score = new Score("", "", List.of(new Part("P1", "Flute", List.of(m))));
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(write(score)));
        assertThat(sequence.getResolution()).isEqualTo(7 * 480);
        assertThat(notes(sequence.getTracks()[1])).hasSize(7).startsWith("0-480 60", "480-960 61");
        assertThat(names(sequence)).containsExactly("Flute");
    }

    @Test
    void eachPartGetsItsOwnChannelSkippingTheDrumChannel() {
        assertThat(List.of(0, 1, 8, 9, 10, 14, 15).stream().map(MidiWriter::channel))
                .containsExactly(0, 1, 8, 10, 11, 15, 0);
    }

    @Test
    void theScoreFileServiceWritesAndReadsMidiThroughStreams() throws Exception {
        ScoreFilesComponent service = new ScoreFilesComponent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.write(twoMeasures(), out, "piece.MID");
        Score back = service.read(new ByteArrayInputStream(out.toByteArray()), "piece.midi");
        assertThat(SoundingNotes.of(back.parts().get(0))).isEqualTo(SoundingNotes.of(twoMeasures().parts().get(0)));
        assertThat(service.readableExtensions()).contains("mid", "midi");
    }

    private static List<String> names(Sequence sequence) {
        List<String> names = new ArrayList<>();
        for (Track t : sequence.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i).getMessage() instanceof MetaMessage m && m.getType() == 0x03) {
                    names.add(MetaText.decode(m.getData()));
                }
            }
        }
        return names;
    }

    /** "start-end pitch" for each note of a track, in the order of their NoteOns. */
    private static List<String> notes(Track track) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            MidiEvent on = track.get(i);
            if (!(on.getMessage() instanceof ShortMessage s) || s.getCommand() != ShortMessage.NOTE_ON
                    || s.getData2() == 0) {
                continue;
            }
            for (int j = i + 1; j < track.size(); j++) {
                if (track.get(j).getMessage() instanceof ShortMessage e && e.getData1() == s.getData1()
                        && (e.getCommand() == ShortMessage.NOTE_OFF || e.getData2() == 0)) {
                    notes.add(on.getTick() + "-" + track.get(j).getTick() + " " + s.getData1());
                    break;
                }
            }
        }
        return notes;
    }
}
