package org.segue.ui.internal.action;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.segue.continuation.ContinuationRequest;

/**
 * How far the sampling may stray from the networks' likeliest choices, in words a composer picks: each preset is a
 * temperature and the two top-k sizes. {@link #BALANCED} is the published design's setting.
 */
enum Creativity {
    FAITHFUL(0.8, 5, 3),
    BALANCED(1.0, ContinuationRequest.DEFAULT_TOP_K_EVENTS, ContinuationRequest.DEFAULT_TOP_K_DURATIONS),
    ADVENTUROUS(1.25, 20, 8);

    final double temperature;
    final int topKEvents;
    final int topKDurations;

    Creativity(double temperature, int topKEvents, int topKDurations) {
        this.temperature = temperature;
        this.topKEvents = topKEvents;
        this.topKDurations = topKDurations;
    }

    /** The preset's name as options and menus show it, like {@code balanced}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> labels() {
        return Arrays.stream(values()).map(Creativity::label).toList();
    }

    /** The preset named {@code label}, case ignored; IllegalArgumentException listing the names otherwise. */
    static Creativity of(String label) {
        for (Creativity c : values()) {
            if (c.label().equalsIgnoreCase(label.strip())) return c;
        }
        throw new IllegalArgumentException("creativity must be one of " + String.join(", ", labels()) + ", not '"
                + label + "'");
    }
}
