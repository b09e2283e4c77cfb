package org.segue.musicxml.internal.musicxml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.audiveris.proxymusic.Empty;
import org.audiveris.proxymusic.EmptyPlacement;
import org.audiveris.proxymusic.Notations;
import org.audiveris.proxymusic.NoteType;
import org.audiveris.proxymusic.StartStop;
import org.audiveris.proxymusic.Tie;
import org.audiveris.proxymusic.Tied;
import org.audiveris.proxymusic.TiedType;
import org.audiveris.proxymusic.TimeModification;
import org.audiveris.proxymusic.Tuplet;
import org.audiveris.proxymusic.Unpitched;
import org.audiveris.proxymusic.YesNo;
import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Note;
import org.segue.model.Pitch;
import org.segue.model.Rest;

/**
 * Writes the model's events as {@code <note>} elements of one voice. Each duration is written as the note values
 * {@link NoteValue#split} gives: one note where a single value expresses it, otherwise notes tied together (rests:
 * one after another). Ties are written twice, as {@code <tie>} (sound) and {@code <notations><tied>} (display).
 * Tuplets carry {@code <time-modification>} on every note and {@code <tuplet>} where a bracket starts and stops,
 * as MuseScore and other readers expect.
 */
final class NoteWriter {

    private final long divisions;
    private final boolean writeStaff;

    /**
     * @param divisions divisions per quarter note of the part
     * @param writeStaff whether notes carry {@code <staff>} (parts with more than one staff)
     */
    NoteWriter(long divisions, boolean writeStaff) {
        this.divisions = divisions;
        this.writeStaff = writeStaff;
    }

    /** A duration in divisions; exact, since the part's divisions were chosen for every duration in it. */
    long divisionsOf(Duration duration) {
        Duration count = duration.times(4 * divisions);
        if (count.den() != 1) {
            throw new IllegalStateException("duration " + duration + " is not a whole number of divisions ("
                    + divisions + " per quarter)");
        }
        return count.num();
    }

    /**
     * The notes of one voice's events, in order, with {@code <tuplet type="start"/"stop">} on the first and last
     * note of each bracket that {@link TupletGroups} finds (on a chord, on its first note).
     */
    List<org.audiveris.proxymusic.Note> voice(List<Event> events, int voice, int staff) {
        record Piece(Event event, NoteValue value, boolean first, boolean last) {
        }
        List<Piece> pieces = new ArrayList<>();
        for (Event event : events) {
            List<NoteValue> values = NoteValue.split(event.duration());
            for (int i = 0; i < values.size(); i++) {
                pieces.add(new Piece(event, values.get(i), i == 0, i == values.size() - 1));
            }
        }
        List<TupletGroups.Group> groups = TupletGroups.of(pieces.stream().map(Piece::value).toList());
        Set<Integer> starts = new HashSet<>();
        Set<Integer> stops = new HashSet<>();
        for (TupletGroups.Group group : groups) {
            starts.add(group.first());
            stops.add(group.last());
        }
        List<org.audiveris.proxymusic.Note> notes = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            List<org.audiveris.proxymusic.Note> written = piece(piece.event(), piece.value(), piece.first(),
                    piece.last(), voice, staff);
            if (starts.contains(i)) addNotation(written.get(0), tuplet(StartStop.START));
            if (stops.contains(i)) addNotation(written.get(0), tuplet(StartStop.STOP));
            notes.addAll(written);
        }
        return notes;
    }

    private List<org.audiveris.proxymusic.Note> piece(Event event, NoteValue value, boolean first, boolean last,
                                                      int voice, int staff) {
        if (event instanceof Note note) {
            return List.of(valued(pitched(note, value.duration(), first, last, false, voice, staff), value));
        }
        if (event instanceof Chord chord) {
            List<org.audiveris.proxymusic.Note> notes = new ArrayList<>();
            for (int j = 0; j < chord.notes().size(); j++) {
                notes.add(valued(pitched(chord.notes().get(j), value.duration(), first, last, j > 0, voice, staff),
                        value));
            }
            return notes;
        }
        return List.of(valued(rest(value.duration(), voice, staff), value));
    }

    /** Adds to the note's {@code <notations>}, creating it where the note has none yet. */
    private static void addNotation(org.audiveris.proxymusic.Note note, Object notation) {
        if (note.getNotations().isEmpty()) note.getNotations().add(new Notations());
        note.getNotations().get(0).getTiedOrSlurOrTuplet().add(notation);
    }

    private static Tuplet tuplet(StartStop type) {
        Tuplet tuplet = new Tuplet();
        tuplet.setType(type);
        return tuplet;
    }

    /** A rest that fills a whole measure, of whatever length: {@code <rest measure="yes"/>} without a type. */
    org.audiveris.proxymusic.Note measureRest(Duration length, int voice, int staff) {
        org.audiveris.proxymusic.Note note = rest(length, voice, staff);
        note.getRest().setMeasure(YesNo.YES);
        return note;
    }

    private org.audiveris.proxymusic.Note rest(Duration duration, int voice, int staff) {
        org.audiveris.proxymusic.Note note = new org.audiveris.proxymusic.Note();
        note.setRest(new org.audiveris.proxymusic.Rest());
        return common(note, duration, voice, staff);
    }

    private org.audiveris.proxymusic.Note pitched(Note model, Duration duration, boolean firstPiece,
                                                  boolean lastPiece, boolean chord, int voice, int staff) {
        org.audiveris.proxymusic.Note note = new org.audiveris.proxymusic.Note();
        if (chord) note.setChord(new Empty());
        if (model.unpitched()) {
            note.setUnpitched(unpitched(model.pitch()));
        } else {
            note.setPitch(pitch(model.pitch()));
        }
        boolean tiedFromPrevious = !firstPiece || model.tie().tiedFromPrevious();
        boolean tiedToNext = !lastPiece || model.tie().tiedToNext();
        if (tiedFromPrevious) note.getTie().add(tie(StartStop.STOP));
        if (tiedToNext) note.getTie().add(tie(StartStop.START));
        common(note, duration, voice, staff);
        if (tiedFromPrevious || tiedToNext) {
            Notations notations = new Notations();
            if (tiedFromPrevious) notations.getTiedOrSlurOrTuplet().add(tied(TiedType.STOP));
            if (tiedToNext) notations.getTiedOrSlurOrTuplet().add(tied(TiedType.START));
            note.getNotations().add(notations);
        }
        return note;
    }

    private org.audiveris.proxymusic.Note common(org.audiveris.proxymusic.Note note, Duration duration, int voice,
                                                 int staff) {
        note.setDuration(BigDecimal.valueOf(divisionsOf(duration)));
        note.setVoice(String.valueOf(voice));
        if (writeStaff) note.setStaff(BigInteger.valueOf(staff));
        return note;
    }

    /** Adds type, dots and time modification; JAXB writes them in the schema's order. */
    private static org.audiveris.proxymusic.Note valued(org.audiveris.proxymusic.Note note, NoteValue value) {
        NoteType type = new NoteType();
        type.setValue(value.type());
        note.setType(type);
        for (int i = 0; i < value.dots(); i++) note.getDot().add(new EmptyPlacement());
        if (value.isTuplet()) {
            TimeModification tuplet = new TimeModification();
            tuplet.setActualNotes(BigInteger.valueOf(value.actualNotes()));
            tuplet.setNormalNotes(BigInteger.valueOf(value.normalNotes()));
            note.setTimeModification(tuplet);
        }
        return note;
    }

    private static org.audiveris.proxymusic.Pitch pitch(Pitch model) {
        if (model.octave() < 0) {
            throw new IllegalArgumentException("pitch " + model + " is below octave 0, which MusicXML cannot write");
        }
        org.audiveris.proxymusic.Pitch pitch = new org.audiveris.proxymusic.Pitch();
        pitch.setStep(org.audiveris.proxymusic.Step.valueOf(model.step().name()));
        if (model.alter() != 0) pitch.setAlter(BigDecimal.valueOf(model.alter()));
        pitch.setOctave(model.octave());
        return pitch;
    }

    /** A percussion note at its display position. */
    private static Unpitched unpitched(Pitch position) {
        Unpitched unpitched = new Unpitched();
        unpitched.setDisplayStep(org.audiveris.proxymusic.Step.valueOf(position.step().name()));
        unpitched.setDisplayOctave(Math.max(0, position.octave()));
        return unpitched;
    }

    private static Tie tie(StartStop type) {
        Tie tie = new Tie();
        tie.setType(type);
        return tie;
    }

    private static Tied tied(TiedType type) {
        Tied tied = new Tied();
        tied.setType(type);
        return tied;
    }
}
