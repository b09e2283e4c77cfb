package org.segue.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.segue.model.Chord;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.model.TimeSignature;
import org.segue.model.Voice;

/** Small synthetic scores for tests: grand-staff pieces with a simple, learnable pattern in a given key. */
public final class TestScores {

    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 11};

    private TestScores() {
    }

    public static Note note(String pitch, Duration d) {
        return new Note(Pitch.parse(pitch), d);
    }

    public static Chord chord(Duration d, String... pitches) {
        List<Note> notes = new ArrayList<>();
        for (String p : pitches) notes.add(note(p, d));
        return new Chord(notes);
    }

    public static Rest rest(Duration d) {
        return new Rest(d);
    }

    public static Voice voice(int number, int staff, Event... events) {
        return new Voice(number, staff, List.of(events));
    }

    /** A 4/4 grand-staff measure (treble clef on staff 1, bass clef on staff 2). */
    public static Measure measure(int number, KeySignature key, Voice... voices) {
        return new Measure(Integer.toString(number), key, TimeSignature.COMMON, List.of(Clef.TREBLE, Clef.BASS),
                number == 1 ? Tempo.DEFAULT : null, Duration.WHOLE, List.of(voices));
    }

    public static Score score(String title, Measure... measures) {
        return new Score(title, "test", List.of(new Part("P1", "Piano", List.of(measures))));
    }

    /**
     * A grand-staff piece of {@code measures} 4/4 bars in {@code key}: the treble repeats a scale motif in eighths
     * and quarters, varied by {@code seed}; the bass plays tonic, subdominant and dominant triads in half notes,
     * with a rest now and then.
     */
    public static Score piece(String title, KeySignature key, int measures, long seed) {
        Random random = new Random(seed);
        int tonic = key.tonic().midi();
        int[] scale = key.isMinor() ? MINOR : MAJOR;
        List<Measure> list = new ArrayList<>();
        int[][] motifs = {{0, 2, 4, 2}, {4, 3, 2, 1}, {0, 4, 7, 4}, {5, 4, 3, 2}};
        for (int m = 1; m <= measures; m++) {
            int[] motif = motifs[(m - 1 + random.nextInt(2)) % motifs.length];
            List<Event> treble = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int degree = motif[i];
                Pitch p = pitch(tonic + 12 + scale[degree % 7] + 12 * (degree / 7), key);
                if (i % 2 == 0) {
                    treble.add(new Note(p, Duration.EIGHTH));
                    treble.add(new Note(pitch(p.midi() + scale[1], key), Duration.EIGHTH));
                } else {
                    treble.add(new Note(p, Duration.QUARTER));
                }
            }
            int root = new int[] {0, 3, 4, 0}[(m - 1) % 4];
            List<Event> bass = new ArrayList<>();
            for (int half = 0; half < 2; half++) {
                if (random.nextInt(6) == 0) {
                    bass.add(new Rest(Duration.HALF));
                    continue;
                }
                List<Note> notes = new ArrayList<>();
                for (int k : new int[] {0, 2, 4}) {
                    int degree = root + k;
                    notes.add(new Note(pitch(tonic - 24 + scale[degree % 7] + 12 * (degree / 7), key), Duration.HALF));
                }
                bass.add(new Chord(notes));
            }
            list.add(new Measure(Integer.toString(m), key, TimeSignature.COMMON, List.of(Clef.TREBLE, Clef.BASS),
                    m == 1 ? Tempo.DEFAULT : null, Duration.WHOLE,
                    List.of(new Voice(1, 1, treble), new Voice(2, 2, bass))));
        }
        return new Score(title, "test", List.of(new Part("P1", "Piano", list)));
    }

    private static Pitch pitch(int midi, KeySignature key) {
        return Pitch.fromMidi(midi, key.prefersFlats());
    }
}
