package org.segue.musicxml.internal.musicxml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Note;
import org.segue.model.Rest;
import org.segue.model.Tie;
import org.segue.model.Voice;

/**
 * Forms the model's voices of one measure from the events the reader found. Events are grouped by (staff, voice),
 * so a MusicXML voice that crosses staves becomes one model voice per staff. Within a group, notes with the same
 * onset and duration form a chord; a note that overlaps an earlier one of its voice (a chord note of another
 * length, or music that {@code <backup>} layered into one voice) goes to an extra voice on the same staff, numbered
 * after the staff's other voices. Rests are kept where they fit between the notes and dropped where they overlap
 * them; every other gap, and the end up to the measure's length, becomes a rest. A staff with no voice at all gets
 * one whole-measure rest, so that every staff of every measure has at least one voice.
 */
final class VoiceBuilder {

    private final Duration length;
    private final int staves;
    private int droppedRests;
    private int extraVoices;

    VoiceBuilder(Duration length, int staves) {
        this.length = length;
        this.staves = staves;
    }

    /** Rests dropped because they overlapped notes of their voice. */
    int droppedRests() {
        return droppedRests;
    }

    /** Voices added for notes that overlapped others of their voice. */
    int extraVoices() {
        return extraVoices;
    }

    List<Voice> build(List<TimedEvent> events) {
        Map<Integer, Map<Integer, List<TimedEvent>>> byStaffAndVoice = new TreeMap<>();
        for (TimedEvent e : events) {
            byStaffAndVoice.computeIfAbsent(e.staff(), s -> new TreeMap<>())
                    .computeIfAbsent(e.voice(), v -> new ArrayList<>()).add(e);
        }
        List<Voice> voices = new ArrayList<>();
        for (int staff = 1; staff <= staves; staff++) {
            Map<Integer, List<TimedEvent>> byVoice = byStaffAndVoice.getOrDefault(staff, Map.of());
            voices.addAll(voicesOfStaff(staff, byVoice));
        }
        return voices;
    }

    private List<Voice> voicesOfStaff(int staff, Map<Integer, List<TimedEvent>> byVoice) {
        TreeSet<Integer> used = new TreeSet<>(byVoice.keySet());
        List<Voice> voices = new ArrayList<>();
        for (Map.Entry<Integer, List<TimedEvent>> group : byVoice.entrySet()) {
            List<TreeMap<Duration, Slot>> layers = layers(group.getValue());
            for (int i = 0; i < layers.size(); i++) {
                int number = group.getKey();
                if (i > 0) {
                    number = used.last() + 1;
                    used.add(number);
                    extraVoices++;
                }
                voices.add(new Voice(number, staff, filled(layers.get(i))));
            }
        }
        if (voices.isEmpty()) voices.add(new Voice(1, staff, List.of(new Rest(length))));
        voices.sort(Comparator.comparingInt(Voice::number));
        return voices;
    }

    /** A slot in a layer: an event of the model and where it starts. */
    private record Slot(Duration onset, Event event) {
        Duration end() {
            return onset.plus(event.duration());
        }
    }

    private List<TreeMap<Duration, Slot>> layers(List<TimedEvent> group) {
        List<TreeMap<Duration, Slot>> layers = new ArrayList<>();
        for (Slot chord : chords(group)) {
            TreeMap<Duration, Slot> free = null;
            for (TreeMap<Duration, Slot> layer : layers) {
                if (layer.isEmpty() || layer.lastEntry().getValue().end().compareTo(chord.onset()) <= 0) {
                    free = layer;
                    break;
                }
            }
            if (free == null) {
                free = new TreeMap<>();
                layers.add(free);
            }
            free.put(chord.onset(), chord);
        }
        List<TimedEvent> rests = group.stream().filter(TimedEvent::isRest)
                .sorted(Comparator.comparing(TimedEvent::onset)).toList();
        for (TimedEvent rest : rests) placeRest(layers, rest);
        return layers;
    }

    /** Notes with equal onset and duration become one chord; the slots come in the order of their onsets. */
    private static List<Slot> chords(List<TimedEvent> group) {
        Map<Duration, Map<Duration, List<Note>>> byOnsetAndLength = new TreeMap<>();
        for (TimedEvent e : group) {
            if (e.isRest()) continue;
            byOnsetAndLength.computeIfAbsent(e.onset(), o -> new TreeMap<>(Comparator.reverseOrder()))
                    .computeIfAbsent(e.duration(), d -> new ArrayList<>())
                    .add(new Note(e.pitch(), e.duration(), Tie.of(e.tieFromPrevious(), e.tieToNext()), e.unpitched()));
        }
        List<Slot> slots = new ArrayList<>();
        byOnsetAndLength.forEach((onset, byLength) -> byLength.values().forEach(notes ->
                slots.add(new Slot(onset, notes.size() == 1 ? notes.get(0) : new Chord(notes)))));
        return slots;
    }

    private void placeRest(List<TreeMap<Duration, Slot>> layers, TimedEvent rest) {
        if (layers.isEmpty()) layers.add(new TreeMap<>());
        for (TreeMap<Duration, Slot> layer : layers) {
            if (isFree(layer, rest.onset(), rest.end())) {
                layer.put(rest.onset(), new Slot(rest.onset(), new Rest(rest.duration())));
                return;
            }
        }
        droppedRests++;
    }

    private static boolean isFree(TreeMap<Duration, Slot> layer, Duration from, Duration to) {
        Map.Entry<Duration, Slot> before = layer.floorEntry(from);
        if (before != null && before.getValue().end().compareTo(from) > 0) return false;
        Map.Entry<Duration, Slot> after = layer.ceilingEntry(from);
        return after == null || after.getKey().compareTo(to) >= 0;
    }

    private List<Event> filled(TreeMap<Duration, Slot> layer) {
        List<Event> events = new ArrayList<>();
        Duration time = Duration.ZERO;
        for (Slot slot : layer.values()) {
            if (slot.onset().compareTo(time) > 0) events.add(new Rest(slot.onset().minus(time)));
            events.add(slot.event());
            time = slot.end();
        }
        if (time.compareTo(length) < 0) events.add(new Rest(length.minus(time)));
        return events;
    }
}
