package org.segue.ui.internal.cli;

import java.util.List;

import org.segue.model.Chord;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Mode;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.model.TimeSignature;
import org.segue.model.Voice;

/** Small scores built from the model, for tests. */
final class Scores {

    private Scores() {
    }

    /**
     * Two measures of 3/4 in D major for piano, tempo dotted half = 40 (120 quarters): the treble staff has 5 notes
     * and 1 rest, the bass staff 2 chords and 3 rests, one of them in a second voice.
     */
    static Score pianoPiece(String title) {
        TimeSignature time = new TimeSignature(3, 4);
        KeySignature key = new KeySignature(2, Mode.MAJOR);
        List<Clef> clefs = List.of(Clef.TREBLE, Clef.BASS);
        Measure first = new Measure("1", key, time, clefs, new Tempo(Duration.of(3, 4), 40), time.measureLength(),
                List.of(
                        new Voice(1, 1, List.of(note("D5"), note("F#5"), note("A5"))),
                        new Voice(5, 2, List.of(chord("D3", "A3"), new Rest(Duration.HALF)))));
        Measure second = new Measure("2", key, time, clefs, null, time.measureLength(),
                List.of(
                        new Voice(1, 1, List.of(note("B4"), note("C#5"), new Rest(Duration.QUARTER))),
                        new Voice(5, 2, List.of(chord("G2", "D3", "B3"), new Rest(Duration.HALF))),
                        new Voice(6, 2, List.of(new Rest(Duration.of(3, 4))))));
        return new Score(title, "Anon.", List.of(new Part("P1", "Piano", List.of(first, second))));
    }

    static Note note(String pitch) {
        return new Note(Pitch.parse(pitch), Duration.QUARTER);
    }

    static Chord chord(String... pitches) {
        return new Chord(List.of(pitches).stream().map(Scores::note).toList());
    }
}
