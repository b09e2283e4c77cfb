package org.segue.musicxml.internal.musicxml;

import java.util.ArrayList;
import java.util.List;

import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Note;
import org.segue.model.Rest;
import org.segue.model.Tie;

/**
 * Cuts a voice's events where a tuplet would otherwise be left open: an event of a plain (binary) length that starts
 * off the plain grid, inside a triplet say, and lasts past the next beat is cut at that beat and tied over it
 * (rests: two rests). So a quarter that starts on the second eighth of a triplet becomes a triplet quarter tied to
 * a triplet eighth, and the bracket closes at the beat, as readers need, instead of a plain quarter that leaves the
 * triplet unfinished. Tuplet lengths (a run of quarter triplets) are left whole. What sounds stays the same.
 *
 * <p>Public for the other writers of this bundle (sheet music).
 */
public final class BeatCutter {

    private BeatCutter() {
    }

    /** The events of a voice that starts at the measure's start, cut at the beats of length {@code beat}. */
    public static List<Event> cut(List<Event> events, Duration beat) {
        List<Event> cut = new ArrayList<>();
        Duration position = Duration.ZERO;
        for (Event event : events) {
            Event rest = event;
            Duration start = position;
            if (!isBinary(start) && isBinary(rest.duration())) {
                Duration nextBeat = beat.times(start.dividedBy(beat).num() / start.dividedBy(beat).den() + 1);
                Duration end = start.plus(rest.duration());
                if (nextBeat.compareTo(end) < 0) {
                    cut.add(part(rest, nextBeat.minus(start), false));
                    rest = part(rest, end.minus(nextBeat), true);
                }
            }
            cut.add(rest);
            position = position.plus(event.duration());
        }
        return cut;
    }

    /** A piece of the event: the first piece ties to what follows, the second is tied from what came before. */
    private static Event part(Event event, Duration duration, boolean second) {
        if (event instanceof Note note) return piece(note, duration, second);
        if (event instanceof Chord chord) {
            return new Chord(chord.notes().stream().map(n -> piece(n, duration, second)).toList());
        }
        return new Rest(duration);
    }

    private static Note piece(Note note, Duration duration, boolean second) {
        Tie tie = second ? Tie.of(true, note.tie().tiedToNext()) : Tie.of(note.tie().tiedFromPrevious(), true);
        return new Note(note.pitch(), duration, tie);
    }

    private static boolean isBinary(Duration d) {
        return Long.bitCount(d.den()) == 1;
    }
}
