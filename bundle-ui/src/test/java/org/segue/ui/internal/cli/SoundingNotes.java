package org.segue.ui.internal.cli;

import java.util.ArrayList;
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
 * What a part sounds like, staff by staff: every note's onset from the start, MIDI number and length, with tied
 * notes merged, sorted. Two parts that sound the same give equal lists however their voices are numbered.
 */
final class SoundingNotes {

    record Sounding(int staff, Duration onset, int midi, Duration length) {
    }

    private SoundingNotes() {
    }

    static List<String> of(Part part) {
        List<Sounding> notes = new ArrayList<>();
        Map<String, Integer> open = new HashMap<>(); // staff:voice:midi -> index of the note a tie continues
        Duration start = Duration.ZERO;
        for (Measure m : part.measures()) {
            for (Voice v : m.voices()) {
                Duration t = start;
                for (Event e : v.events()) {
                    List<Note> struck = e instanceof Note n ? List.of(n) : e instanceof Chord c ? c.notes() : List.of();
                    for (Note n : struck) {
                        String key = v.staff() + ":" + n.pitch().midi();
                        Integer continued = n.tie().tiedFromPrevious() ? open.get(key) : null;
                        if (continued != null && notes.get(continued).onset().plus(notes.get(continued).length()).equals(t)) {
                            Sounding s = notes.get(continued);
                            notes.set(continued, new Sounding(s.staff(), s.onset(), s.midi(), s.length().plus(n.duration())));
                        } else {
                            notes.add(new Sounding(v.staff(), t, n.pitch().midi(), n.duration()));
                            continued = notes.size() - 1;
                        }
                        if (n.tie().tiedToNext()) open.put(key, continued);
                        else open.remove(key);
                    }
                    t = t.plus(e.duration());
                }
            }
            start = start.plus(m.length());
        }
        return notes.stream().map(Sounding::toString).sorted().toList();
    }
}
