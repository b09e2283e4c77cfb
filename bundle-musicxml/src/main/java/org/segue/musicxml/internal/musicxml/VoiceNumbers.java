package org.segue.musicxml.internal.musicxml;

import java.util.HashMap;
import java.util.Map;

/**
 * The model's voice number for each MusicXML {@code <voice>} of a part: the number itself where it is a positive
 * integer, 1 where a note has none (MusicXML's default), and otherwise (like "X") a new number after the largest
 * numeric voice of the part, the same for every note of that voice.
 */
final class VoiceNumbers {

    private final Map<String, Integer> numbers = new HashMap<>();
    private int next;

    /** @param largestNumeric the largest numeric voice in the part (0 if none) */
    VoiceNumbers(int largestNumeric) {
        this.next = Math.max(largestNumeric, 1) + 1;
    }

    /** The number a {@code <voice>} value stands for, or -1 where it is not a positive integer. */
    static int numeric(String voice) {
        if (voice == null || voice.isBlank()) return 1;
        try {
            int n = Integer.parseInt(voice.trim());
            return n >= 1 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    int numberOf(String voice) {
        int n = numeric(voice);
        if (n > 0) return n;
        return numbers.computeIfAbsent(voice.trim(), v -> next++);
    }
}
