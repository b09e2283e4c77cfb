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
