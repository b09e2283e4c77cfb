package org.segue.core.internal.preprocess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.model.Tie;
import org.segue.model.Voice;
import org.segue.training.Staff;

/**
 * Turns a score into its treble and bass streams (see {@link StaffSelection}), transposed to C major / A minor
 * (see {@link PieceKey} and {@link Transposition}).
 *
 * <p>How one staff becomes a stream of events:
 * <ol>
 *   <li>every note of every voice of the staff is taken with its onset from the start of the piece; chord notes
 *       count one by one; rests in the voices are not taken (silence is found from the notes);</li>
 *   <li>a note tied from a note of the same pitch that ends exactly where it starts lengthens that note instead
 *       of starting a new one;</li>
 *   <li>overlapping voices are merged by onset: all notes that start at the same time, in any voice, form one
 *       event (a note, or a chord of their distinct pitches); a note still sounding when a later event starts is
 *       not repeated there;</li>
 *   <li>a rest event starts wherever no note of the staff sounds and none starts: after the last sounding note
 *       ends, or at the start of the piece before its first note;</li>
 *   <li>each event lasts until the next event starts; the last one lasts until the end of the last measure. The
 *       durations therefore add up to the staff's length exactly.</li>
 * </ol>
 * A staff without any note gives no stream.
 */
public final class StreamExtractor {

    private StreamExtractor() {
    }

    /** The streams of a score; transposing parts are taken at concert pitch. */
    public static PieceStreams extract(Score written) {
        Score score = written.atConcertPitch();
        StaffSelection selection = StaffSelection.of(score);
        Part keyPart = selection.keyPart();
        PieceKey key = keyPart == null ? new PieceKey(org.segue.model.KeySignature.C_MAJOR, "no music")
                : PieceKey.of(score, keyPart);
        Transposition transposition = Transposition.toCanonical(key.key());
        Map<Staff, StaffStream> streams = new EnumMap<>(Staff.class);
        selection.sources().forEach((staff, source) -> {
            StaffStream stream = stream(staff, source.part(), source.staff(), transposition.semitones());
            if (stream.size() > 0) streams.put(staff, stream);
        });
        Meter meter = keyPart == null ? Meter.COMMON : Meter.of(keyPart.measures());
        return new PieceStreams(key, transposition, streams, meter);
    }

    /**
     * One staff of one part as a stream, every pitch moved by {@code semitones}; the part must be at concert pitch.
     * Unpitched notes are left out (their time is silence to the networks).
     */
    public static StaffStream stream(Staff staff, Part part, int staffNumber, int semitones) {
        List<Sounding> notes = tiesMerged(notesOf(part, staffNumber));
        Duration length = Duration.ZERO;
        for (Measure m : part.measures()) length = length.plus(m.length());
        return new StaffStream(staff, events(notes, length, semitones));
    }

    /** A note from its onset to its end, as MIDI number; {@code end} grows when tied notes are merged into it. */
    private static final class Sounding {
        final Duration onset;
        Duration end;
        final int midi;
        final Tie tie;

        Sounding(Duration onset, Duration end, int midi, Tie tie) {
            this.onset = onset;
            this.end = end;
            this.midi = midi;
            this.tie = tie;
        }
    }

    private static List<Sounding> notesOf(Part part, int staffNumber) {
        List<Sounding> notes = new ArrayList<>();
        Duration measureStart = Duration.ZERO;
        for (Measure measure : part.measures()) {
            for (Voice voice : measure.voicesOnStaff(staffNumber)) {
                List<Duration> onsets = voice.onsets();
                for (int i = 0; i < voice.events().size(); i++) {
                    Duration onset = measureStart.plus(onsets.get(i));
                    Event event = voice.events().get(i);
                    if (event instanceof Note n) add(notes, n, onset);
                    else if (event instanceof Chord c) c.notes().forEach(n -> add(notes, n, onset));
                }
            }
            measureStart = measureStart.plus(measure.length());
        }
        notes.sort(Comparator.comparing((Sounding s) -> s.onset));
        return notes;
    }

    private static void add(List<Sounding> notes, Note n, Duration onset) {
        if (n.unpitched()) return; // a drum's display position is no pitch for the networks
        notes.add(new Sounding(onset, onset.plus(n.duration()), n.pitch().midi(), n.tie()));
    }

    /** Drops each tied continuation, lengthening the note it continues; notes must be sorted by onset. */
    private static List<Sounding> tiesMerged(List<Sounding> notes) {
        List<Sounding> kept = new ArrayList<>();
        Map<Integer, Sounding> lastByMidi = new HashMap<>();
        for (Sounding note : notes) {
            Sounding previous = lastByMidi.get(note.midi);
            if (note.tie.tiedFromPrevious() && previous != null && previous.end.equals(note.onset)) {
                previous.end = note.end;
                continue;
            }
            kept.add(note);
            lastByMidi.put(note.midi, note);
        }
        return kept;
    }

    /** Keeps a transposed MIDI number in 0..127 by octaves (only an extreme, non-piano note can leave it). */
    private static int onKeyboard(int midi) {
        while (midi < 0) midi += 12;
        while (midi > 127) midi -= 12;
        return midi;
    }

    private static List<StreamEvent> events(List<Sounding> notes, Duration length, int semitones) {
        List<Duration> onsets = new ArrayList<>();
        List<EventLabel> labels = new ArrayList<>();
        Duration soundingUntil = Duration.ZERO;
        int i = 0;
        while (i < notes.size()) {
            Duration onset = notes.get(i).onset;
            if (soundingUntil.compareTo(onset) < 0) {
                onsets.add(soundingUntil);
                labels.add(EventLabel.REST);
            }
            TreeSet<Integer> pitches = new TreeSet<>();
            for (; i < notes.size() && notes.get(i).onset.equals(onset); i++) {
                pitches.add(onKeyboard(notes.get(i).midi + semitones));
                soundingUntil = soundingUntil.max(notes.get(i).end);
            }
            onsets.add(onset);
            labels.add(new EventLabel(List.copyOf(pitches)));
        }
        if (!onsets.isEmpty() && soundingUntil.compareTo(length) < 0) {
            onsets.add(soundingUntil);
            labels.add(EventLabel.REST);
        }
        List<StreamEvent> events = new ArrayList<>();
        for (int k = 0; k < onsets.size(); k++) {
            Duration end = k + 1 < onsets.size() ? onsets.get(k + 1) : length.max(soundingUntil);
            events.add(new StreamEvent(labels.get(k), onsets.get(k), end.minus(onsets.get(k))));
        }
        return events;
    }
}
