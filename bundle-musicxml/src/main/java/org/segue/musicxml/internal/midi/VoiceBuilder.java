package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.segue.model.Duration;

/**
 * Shares one staff's notes among as few voices as it can. Notes that start together and end together form one
 * item (a chord when there are several); items are taken in onset order, the highest-pitched first among those
 * that start together, and each goes to the lowest-numbered voice that is free by its onset, or to a new voice.
 * This greedy rule never uses more voices than the largest number of items sounding at once, which is the least
 * possible. A voice then is a sequence of items that do not overlap; the gaps between them become rests later.
 */
final class VoiceBuilder {

    /** Pitches (MIDI numbers, ascending) that sound together from {@code onset} to {@code end}. */
    record Item(Duration onset, Duration end, List<Integer> pitches) {
        Item {
            pitches = List.copyOf(pitches);
        }

        int highestPitch() {
            return pitches.get(pitches.size() - 1);
        }
    }

    /** One voice of a staff over the whole piece: its number (1 or more) and its items, in order. */
    record VoiceLine(int number, List<Item> items) {
        VoiceLine {
            items = List.copyOf(items);
        }
    }

    private VoiceBuilder() {
    }

    static List<VoiceLine> build(List<QuantizedNote> staffNotes) {
        List<List<Item>> voices = new ArrayList<>();
        List<Duration> freeFrom = new ArrayList<>();
        for (Item item : items(staffNotes)) {
            int voice = 0;
            while (voice < voices.size() && freeFrom.get(voice).compareTo(item.onset()) > 0) voice++;
            if (voice == voices.size()) {
                voices.add(new ArrayList<>());
                freeFrom.add(item.end());
            }
            voices.get(voice).add(item);
            freeFrom.set(voice, item.end());
        }
        List<VoiceLine> lines = new ArrayList<>();
        for (int v = 0; v < voices.size(); v++) lines.add(new VoiceLine(v + 1, voices.get(v)));
        return lines;
    }

    /** Groups notes by (onset, end) and orders the groups by onset, then from the highest pitch down. */
    static List<Item> items(List<QuantizedNote> notes) {
        Map<List<Duration>, List<Integer>> groups = new LinkedHashMap<>();
        for (QuantizedNote n : notes) {
            groups.computeIfAbsent(List.of(n.onset(), n.end()), k -> new ArrayList<>()).add(n.pitch());
        }
        List<Item> items = new ArrayList<>(groups.size());
        groups.forEach((span, pitches) -> {
            pitches.sort(null);
            items.add(new Item(span.get(0), span.get(1), pitches));
        });
        items.sort(Comparator.comparing(Item::onset)
                .thenComparing(Comparator.comparingInt(Item::highestPitch).reversed()));
        return items;
    }
}
