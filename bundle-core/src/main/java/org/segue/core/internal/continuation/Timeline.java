package org.segue.core.internal.continuation;

import java.util.ArrayList;
import java.util.List;

import org.segue.model.Duration;

/** The sounds a staff has generated so far, with their onsets, so the other staff can ask what sounds when. */
final class Timeline {

    private final List<Duration> onsets = new ArrayList<>();
    private final List<Sound> sounds = new ArrayList<>();
    private Duration end = Duration.ZERO;

    void add(Sound sound) {
        onsets.add(end);
        sounds.add(sound);
        end = end.plus(sound.duration());
    }

    Duration end() {
        return end;
    }

    /**
     * The latest sound that starts before {@code t} (or at {@code t}, when {@code orAt}), with its onset; null when
     * none does.
     */
    Placed latestStarting(Duration t, boolean orAt) {
        for (int i = sounds.size() - 1; i >= 0; i--) {
            int c = onsets.get(i).compareTo(t);
            if (c < 0 || (orAt && c == 0)) return new Placed(onsets.get(i), sounds.get(i));
        }
        return null;
    }

    /** A sound with its onset. */
    record Placed(Duration onset, Sound sound) {
    }

    /** The sound that has begun and not yet ended at {@code t}, or null where nothing known sounds then. */
    Sound soundingAt(Duration t) {
        for (int i = sounds.size() - 1; i >= 0; i--) {
            if (onsets.get(i).compareTo(t) <= 0) {
                return t.compareTo(onsets.get(i).plus(sounds.get(i).duration())) < 0 ? sounds.get(i) : null;
            }
        }
        return null;
    }
}
