package org.segue.musicxml.internal.lilypond;

import java.util.ArrayList;
import java.util.List;

import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Note;
import org.segue.model.Rest;
import org.segue.musicxml.internal.musicxml.BeatCutter;
import org.segue.musicxml.internal.musicxml.NoteValue;
import org.segue.musicxml.internal.musicxml.TupletGroups;

/**
 * Writes the events of one voice in one measure as LilyPond music: each duration as the note values
 * {@link NoteValue#split} gives (tied notes, or rests one after another, where one value cannot express it), the
 * tuplet brackets that {@link TupletGroups} finds as {@code \tuplet 3/2 { ... }}, chords as {@code <c' e' g'>4}
 * with a tie on each note that has one.
 */
final class EventWriter {

    private EventWriter() {
    }

    /**
     * The events, then rests up to {@code length} where they end earlier; cut at the beats of length {@code beat}
     * where a tuplet would be left open ({@link BeatCutter}).
     */
    static String measure(List<Event> events, Duration length, Duration beat) {
        record Piece(Event event, NoteValue value, boolean last) {
        }
        List<Event> filled = new ArrayList<>(events);
        Duration sum = events.stream().map(Event::duration).reduce(Duration.ZERO, Duration::plus);
        if (sum.compareTo(length) < 0) filled.add(new Rest(length.minus(sum)));
        List<Piece> pieces = new ArrayList<>();
        for (Event event : BeatCutter.cut(filled, beat)) {
            List<NoteValue> values = NoteValue.split(event.duration());
            for (int i = 0; i < values.size(); i++) {
                pieces.add(new Piece(event, values.get(i), i == values.size() - 1));
            }
        }
        List<TupletGroups.Group> groups = TupletGroups.of(pieces.stream().map(Piece::value).toList());
        StringBuilder out = new StringBuilder();
        int group = 0;
        for (int i = 0; i < pieces.size(); i++) {
            TupletGroups.Group current = group < groups.size() ? groups.get(group) : null;
            if (current != null && current.first() == i) {
                out.append("\\tuplet ").append(current.actualNotes()).append('/').append(current.normalNotes())
                        .append(" { ");
            }
            Piece piece = pieces.get(i);
            out.append(piece(piece.event(), piece.value(), piece.last())).append(' ');
            if (current != null && current.last() == i) {
                out.append("} ");
                group++;
            }
        }
        return out.toString().trim();
    }

    private static String piece(Event event, NoteValue value, boolean lastPiece) {
        String duration = LilyPondSyntax.duration(value);
        if (event instanceof Note note) {
            return LilyPondSyntax.pitch(note.pitch()) + duration + tie(note, lastPiece);
        }
        if (event instanceof Chord chord) {
            StringBuilder s = new StringBuilder("<");
            for (Note note : chord.notes()) {
                if (s.length() > 1) s.append(' ');
                s.append(LilyPondSyntax.pitch(note.pitch())).append(tie(note, lastPiece));
            }
            return s.append('>').append(duration).toString();
        }
        return "r" + duration;
    }

    /** The pieces of one note are tied together; the last piece keeps the note's own tie to the next note. */
    private static String tie(Note note, boolean lastPiece) {
        return !lastPiece || note.tie().tiedToNext() ? "~" : "";
    }
}
