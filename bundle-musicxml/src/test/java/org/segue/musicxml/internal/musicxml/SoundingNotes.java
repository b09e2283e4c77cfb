package org.segue.musicxml.internal.musicxml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.Voice;

/**
 * What a score sounds like, staff by staff, for comparing two versions of it: every note with its onset from the
 * start of the piece, its spelled pitch and its duration, with notes tied to each other merged into one, so that
 * writing a note as tied pieces changes nothing. Rests are kept per voice (by rank on the staff), merged where they
 * follow each other.
 */
final class SoundingNotes {

    record Sounding(Duration onset, Pitch pitch, Duration duration, boolean unpitched) {
        @Override
        public String toString() {
            return (unpitched ? "unpitched " : "") + pitch + "@" + onset + "+" + duration;
        }
    }

    record Silence(Duration onset, Duration duration) {
        @Override
        public String toString() {
            return "rest@" + onset + "+" + duration;
        }
    }

    private record Struck(Duration onset, Pitch pitch, Duration duration, boolean fromPrevious, boolean toNext,
                          boolean unpitched) {
    }

    private SoundingNotes() {
    }

    /** Per "part index/staff": the sounding notes in order of onset, pitch and duration. */
    static Map<String, List<Sounding>> notes(Score score) {
        Map<String, List<Struck>> struck = new TreeMap<>();
        for (int p = 0; p < score.parts().size(); p++) {
            Duration start = Duration.ZERO;
            for (Measure measure : score.parts().get(p).measures()) {
                for (Voice voice : measure.voices()) {
                    List<Struck> staff = struck.computeIfAbsent(p + "/" + voice.staff(), k -> new ArrayList<>());
                    List<Duration> onsets = voice.onsets();
                    for (int i = 0; i < voice.events().size(); i++) {
                        for (Note n : notesOf(voice.events().get(i))) {
                            staff.add(new Struck(start.plus(onsets.get(i)), n.pitch(), n.duration(),
                                    n.tie().tiedFromPrevious(), n.tie().tiedToNext(), n.unpitched()));
                        }
                    }
                }
                start = start.plus(measure.length());
            }
        }
        Map<String, List<Sounding>> result = new TreeMap<>();
        struck.forEach((staff, notes) -> result.put(staff, merged(notes)));
        return result;
    }

    /** Per "part index/staff/voice rank": the rests, adjacent ones merged. */
    static Map<String, List<Silence>> rests(Score score) {
        Map<String, List<Silence>> result = new TreeMap<>();
        for (int p = 0; p < score.parts().size(); p++) {
            Part part = score.parts().get(p);
            Duration start = Duration.ZERO;
            for (Measure measure : part.measures()) {
                for (int staff = 1; staff <= measure.staffCount(); staff++) {
                    List<Voice> voices = measure.voicesOnStaff(staff);
                    for (int rank = 0; rank < voices.size(); rank++) {
                        List<Silence> rests = result.computeIfAbsent(p + "/" + staff + "/" + rank,
                                k -> new ArrayList<>());
                        addRests(rests, voices.get(rank), start);
                    }
                }
                start = start.plus(measure.length());
            }
        }
        return result;
    }

    private static void addRests(List<Silence> rests, Voice voice, Duration measureStart) {
        List<Duration> onsets = voice.onsets();
        for (int i = 0; i < voice.events().size(); i++) {
            if (!(voice.events().get(i) instanceof Rest rest)) continue;
            Duration onset = measureStart.plus(onsets.get(i));
            Silence last = rests.isEmpty() ? null : rests.get(rests.size() - 1);
            if (last != null && last.onset().plus(last.duration()).equals(onset)) {
                rests.set(rests.size() - 1, new Silence(last.onset(), last.duration().plus(rest.duration())));
            } else {
                rests.add(new Silence(onset, rest.duration()));
            }
        }
    }

    private static List<Note> notesOf(Event event) {
        if (event instanceof Note note) return List.of(note);
        if (event instanceof Chord chord) return chord.notes();
        return List.of();
    }

    /** Joins each note tied from a previous one to the open note of the same pitch that ends where it starts. */
    private static List<Sounding> merged(List<Struck> notes) {
        List<Struck> inOrder = new ArrayList<>(notes);
        inOrder.sort(Comparator.comparing(Struck::onset));
        List<Sounding> done = new ArrayList<>();
        List<Sounding> open = new ArrayList<>(); // notes tied to a next one, not yet joined
        for (Struck n : inOrder) {
            Sounding joined = null;
            if (n.fromPrevious()) {
                for (Sounding o : open) {
                    if (o.pitch().equals(n.pitch()) && o.onset().plus(o.duration()).equals(n.onset())) {
                        joined = o;
                        break;
                    }
                }
            }
            Sounding current;
            if (joined != null) {
                open.remove(joined);
                current = new Sounding(joined.onset(), joined.pitch(), joined.duration().plus(n.duration()),
                        joined.unpitched());
            } else {
                current = new Sounding(n.onset(), n.pitch(), n.duration(), n.unpitched());
            }
            if (n.toNext()) {
                open.add(current);
            } else {
                done.add(current);
            }
        }
        done.addAll(open);
        done.sort(Comparator.comparing(Sounding::onset).thenComparing(Sounding::pitch)
                .thenComparing(Sounding::duration));
        return done;
    }
}
