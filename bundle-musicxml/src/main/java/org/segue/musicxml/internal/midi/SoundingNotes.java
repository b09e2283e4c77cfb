package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Voice;

/**
 * The notes of a part as they sound: tied notes merged into one, positions from the start of the piece. A note
 * tied from a previous one continues the note of the same staff and pitch that ends exactly at its onset (so a
 * tie that MusicXML draws across voices is followed too); a tie with nothing to continue starts a new note.
 * Unpitched notes are not among them.
 */
final class SoundingNotes {

    /** One sounding note: staff, onset from the start of the piece, MIDI pitch and duration. */
    record SoundingNote(int staff, Duration onset, int pitch, Duration duration) {
        Duration end() {
            return onset.plus(duration);
        }
    }

    static final Comparator<SoundingNote> ORDER = Comparator.comparingInt(SoundingNote::staff)
            .thenComparing(SoundingNote::onset).thenComparingInt(SoundingNote::pitch)
            .thenComparing(SoundingNote::duration);

    private record Placed(Note note, int staff, Duration onset) {
    }

    private SoundingNotes() {
    }

    /** Sorted by staff, onset, pitch and duration. */
    static List<SoundingNote> of(Part part) {
        List<SoundingNote> done = new ArrayList<>();
        Map<Long, SoundingNote> open = new HashMap<>(); // notes tied to the next one, by staff and pitch
        Duration measureStart = Duration.ZERO;
        for (Measure measure : part.measures()) {
            List<Placed> placed = new ArrayList<>();
            for (Voice voice : measure.voices()) {
                List<Duration> onsets = voice.onsets();
                for (int i = 0; i < onsets.size(); i++) {
                    for (Note note : notesOf(voice.events().get(i))) {
                        if (note.unpitched()) continue; // a display position is no key to play
                        placed.add(new Placed(note, voice.staff(), measureStart.plus(onsets.get(i))));
                    }
                }
            }
            placed.sort(Comparator.comparing(Placed::onset)); // a tie may cross from one voice to another
            for (Placed p : placed) add(p.note(), p.staff(), p.onset(), open, done);
            measureStart = measureStart.plus(measure.length());
        }
        done.addAll(open.values());
        done.sort(ORDER);
        return done;
    }

    private static void add(Note note, int staff, Duration onset, Map<Long, SoundingNote> open,
                            List<SoundingNote> done) {
        long key = (long) staff * 128 + note.pitch().midi();
        SoundingNote earlier = open.get(key);
        SoundingNote current;
        if (note.tie().tiedFromPrevious() && earlier != null && earlier.end().equals(onset)) {
            open.remove(key);
            current = new SoundingNote(staff, earlier.onset(), earlier.pitch(),
                    earlier.duration().plus(note.duration()));
        } else {
            current = new SoundingNote(staff, onset, note.pitch().midi(), note.duration());
        }
        if (note.tie().tiedToNext()) {
            SoundingNote displaced = open.put(key, current);
            if (displaced != null) done.add(displaced);
        } else {
            done.add(current);
        }
    }

    private static List<Note> notesOf(Event event) {
        if (event instanceof Note n) return List.of(n);
        if (event instanceof Chord c) return c.notes();
        return List.of();
    }
}
