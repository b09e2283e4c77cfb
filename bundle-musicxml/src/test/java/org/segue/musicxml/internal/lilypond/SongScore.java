package org.segue.musicxml.internal.lilypond;

import java.util.ArrayList;
import java.util.List;

import org.segue.model.Chord;
import org.segue.model.Clef;
import org.segue.model.ClefChange;
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

/**
 * A small song with what sheet music must show: a voice part above a two-staff piano, title, composer, a tempo
 * mark, a key change and a time change, a clef change inside a measure, ties across the bar line, triplets, a
 * chord, rests and two voices on one staff.
 */
final class SongScore {

    static final Duration TRIPLET_EIGHTH = Duration.of(1, 12);

    private SongScore() {
    }

    static Score song() {
        KeySignature d = new KeySignature(2, Mode.MAJOR);
        KeySignature bFlat = new KeySignature(-2, Mode.MAJOR);
        TimeSignature fourFour = TimeSignature.COMMON;
        TimeSignature threeFour = new TimeSignature(3, 4);
        List<Measure> voice = List.of(
                measure("1", d, fourFour, List.of(Clef.TREBLE), Tempo.quarterNotesPerMinute(90),
                        voice(1, 1, note("D5", 1, 2), note("E5", 1, 2, Tie.START))),
                measure("2", d, fourFour, List.of(Clef.TREBLE), null,
                        voice(1, 1, note("E5", 1, 4, Tie.STOP), note("F#5", 1, 12), note("G5", 1, 12),
                                note("A5", 1, 12), rest(1, 2))),
                measure("3", bFlat, threeFour, List.of(Clef.TREBLE), null, voice(1, 1, rest(3, 4))));
        List<Measure> piano = List.of(
                measure("1", d, fourFour, List.of(Clef.TREBLE, Clef.BASS), Tempo.quarterNotesPerMinute(90),
                        voice(1, 1, chord(1, 1, "D4", "F#4", "A4")),
                        voice(5, 2, note("D3", 1, 2), note("A2", 1, 2))),
                measure("2", d, fourFour, List.of(Clef.TREBLE, Clef.BASS), null,
                        voice(1, 1, note("A4", 1, 1)),
                        voice(2, 1, note("D4", 1, 4), note("E4", 1, 4), note("F#4", 1, 2)),
                        voice(5, 2, note("D3", 1, 2), note("D4", 1, 2))),
                new Measure("3", bFlat, threeFour, List.of(Clef.TREBLE, Clef.BASS), null, Duration.of(3, 4),
                        List.of(voice(1, 1, note("Bb4", 3, 4)), voice(5, 2, note("D4", 1, 4), note("Bb2", 1, 2))),
                        List.of(new ClefChange(2, Duration.QUARTER, Clef.BASS),
                                new ClefChange(2, Duration.HALF, Clef.TREBLE))));
        return new Score("A Song \"for\" Tests", "Somebody", List.of(new Part("P1", "Voice", voice),
                new Part("P2", "Piano", piano)));
    }

    static Measure measure(String number, KeySignature key, TimeSignature time, List<Clef> clefs, Tempo tempo,
                           Voice... voices) {
        return new Measure(number, key, time, clefs, tempo, time.measureLength(), List.of(voices));
    }

    static Voice voice(int number, int staff, Event... events) {
        return new Voice(number, staff, new ArrayList<>(List.of(events)));
    }

    static Note note(String pitch, long num, long den) {
        return new Note(Pitch.parse(pitch), Duration.of(num, den));
    }

    static Note note(String pitch, long num, long den, Tie tie) {
        return new Note(Pitch.parse(pitch), Duration.of(num, den), tie);
    }

    static Chord chord(long num, long den, String... pitches) {
        return new Chord(List.of(pitches).stream().map(p -> note(p, num, den)).toList());
    }

    static Rest rest(long num, long den) {
        return new Rest(Duration.of(num, den));
    }
}
