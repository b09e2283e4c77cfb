package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One staff cannot show one pitch twice at once, and a piano cannot sound one key twice. So, per staff and pitch,
 * after quantization: two notes with the same onset become one, lasting as long as the longer; a note that is
 * still sounding when the same pitch starts again ends there (it is trimmed).
 */
final class SamePitchOverlaps {

    /** The notes with no same-pitch overlaps, in onset order, and how many were merged or trimmed. */
    record Result(List<QuantizedNote> notes, int merged, int trimmed) {
    }

    private SamePitchOverlaps() {
    }

    static Result resolve(List<QuantizedNote> notes) {
        List<QuantizedNote> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparing(QuantizedNote::onset).thenComparingInt(QuantizedNote::pitch));
        Map<Integer, Integer> lastIndexByPitch = new HashMap<>();
        List<QuantizedNote> kept = new ArrayList<>(sorted.size());
        int merged = 0;
        int trimmed = 0;
        for (QuantizedNote n : sorted) {
            Integer last = lastIndexByPitch.get(n.pitch());
            QuantizedNote previous = last == null ? null : kept.get(last);
            if (previous != null && previous.onset().equals(n.onset())) {
                kept.set(last, previous.withEnd(previous.end().max(n.end())));
                merged++;
                continue;
            }
            if (previous != null && previous.end().compareTo(n.onset()) > 0) {
                kept.set(last, previous.withEnd(n.onset()));
                trimmed++;
            }
            lastIndexByPitch.put(n.pitch(), kept.size());
            kept.add(n);
        }
        return new Result(kept, merged, trimmed);
    }
}
