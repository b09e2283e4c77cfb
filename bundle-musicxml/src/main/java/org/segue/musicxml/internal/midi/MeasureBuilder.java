package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.segue.model.Chord;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.Tempo;
import org.segue.model.Tie;
import org.segue.model.Voice;
import org.segue.musicxml.internal.midi.MeasureLayout.Span;
import org.segue.musicxml.internal.midi.VoiceBuilder.Item;
import org.segue.musicxml.internal.midi.VoiceBuilder.VoiceLine;

/**
 * Cuts the voices of a piano part into measures. An item that crosses a bar line is split there and its pieces
 * are tied (start, continue, stop); gaps become rests, and every voice present in a measure is filled with rests
 * to the measure's exact length. Voice 1 of each staff is in every measure (a whole-measure rest where it has
 * nothing); further voices only in the measures where they have notes. Black keys are spelled with flats in flat
 * keys and with sharps otherwise.
 */
final class MeasureBuilder {

    static final List<Clef> PIANO_CLEFS = List.of(Clef.TREBLE, Clef.BASS);

    private static final Comparator<Voice> BY_STAFF_AND_NUMBER =
            Comparator.comparingInt(Voice::staff).thenComparingInt(Voice::number);

    private final List<Span> spans;
    private final List<KeySignature> keys;
    private final List<Tempo> tempos;

    MeasureBuilder(List<Span> spans, List<KeySignature> keys, List<Tempo> tempos) {
        this.spans = spans;
        this.keys = keys;
        this.tempos = tempos;
    }

    /** @param staves the voices of each staff; index 0 is staff 1 (treble) */
    List<Measure> build(List<List<VoiceLine>> staves) {
        List<List<Voice>> voicesByMeasure = new ArrayList<>();
        for (int m = 0; m < spans.size(); m++) voicesByMeasure.add(new ArrayList<>());
        for (int s = 0; s < staves.size(); s++) {
            for (VoiceLine line : staves.get(s)) addVoice(line, s + 1, voicesByMeasure);
            addRestsWhereVoice1IsMissing(s + 1, voicesByMeasure);
        }
        List<Measure> measures = new ArrayList<>(spans.size());
        for (Span span : spans) {
            int m = span.index();
            voicesByMeasure.get(m).sort(BY_STAFF_AND_NUMBER);
            measures.add(new Measure(Integer.toString(m + 1), keys.get(m), span.time(), PIANO_CLEFS, tempos.get(m),
                    span.length(), voicesByMeasure.get(m)));
        }
        return measures;
    }

    private void addRestsWhereVoice1IsMissing(int staff, List<List<Voice>> voicesByMeasure) {
        for (int m = 0; m < spans.size(); m++) {
            if (voicesByMeasure.get(m).stream().noneMatch(v -> v.staff() == staff && v.number() == 1)) {
                voicesByMeasure.get(m).add(new Voice(1, staff, List.of(new Rest(spans.get(m).length()))));
            }
        }
    }

    private void addVoice(VoiceLine line, int staff, List<List<Voice>> voicesByMeasure) {
        List<List<Event>> events = new ArrayList<>();
        for (int m = 0; m < spans.size(); m++) events.add(null);
        Duration[] filled = new Duration[spans.size()];
        int m = 0;
        for (Item item : line.items()) {
            while (spans.get(m).end().compareTo(item.onset()) <= 0) m++;
            for (int k = m; k < spans.size() && spans.get(k).start().compareTo(item.end()) < 0; k++) {
                addPiece(item, k, events, filled);
            }
        }
        for (int k = 0; k < spans.size(); k++) {
            if (events.get(k) == null) continue;
            restUntil(events.get(k), filled, k, spans.get(k).length());
            voicesByMeasure.get(k).add(new Voice(line.number(), staff, events.get(k)));
        }
    }

    /** Adds the part of {@code item} that lies in measure {@code m}, tied to the pieces around it. */
    private void addPiece(Item item, int m, List<List<Event>> events, Duration[] filled) {
        Span span = spans.get(m);
        if (events.get(m) == null) {
            events.set(m, new ArrayList<>());
            filled[m] = Duration.ZERO;
        }
        Duration from = item.onset().max(span.start()).minus(span.start());
        Duration to = item.end().min(span.end()).minus(span.start());
        restUntil(events.get(m), filled, m, from);
        Tie tie = Tie.of(item.onset().compareTo(span.start()) < 0, item.end().compareTo(span.end()) > 0);
        events.get(m).add(event(item.pitches(), to.minus(from), tie, keys.get(m)));
        filled[m] = to;
    }

    private static void restUntil(List<Event> events, Duration[] filled, int m, Duration until) {
        if (until.compareTo(filled[m]) > 0) events.add(new Rest(until.minus(filled[m])));
        filled[m] = until.max(filled[m]);
    }

    private static Event event(List<Integer> pitches, Duration duration, Tie tie, KeySignature key) {
        List<Note> notes = new ArrayList<>(pitches.size());
        for (int p : pitches) notes.add(new Note(Pitch.fromMidi(p, key.prefersFlats()), duration, tie));
        return notes.size() == 1 ? notes.get(0) : new Chord(notes);
    }
}
