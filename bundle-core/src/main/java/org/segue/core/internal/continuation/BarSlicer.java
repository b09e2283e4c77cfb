package org.segue.core.internal.continuation;

import java.util.ArrayList;
import java.util.List;

import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Rest;

/**
 * Cuts one staff's stream of sounds into measures: a sound that crosses a bar line is split there, its notes
 * tied across it; a rest is simply split. Rests that follow each other inside a measure become one.
 */
final class BarSlicer {

    private BarSlicer() {
    }

    /**
     * @param stream sounds lasting exactly as long as all the measures together
     * @param measureLengths how long each measure is, in order
     * @return the events of each measure, each list filling its measure exactly
     */
    static List<List<Event>> slice(List<Sound> stream, List<Duration> measureLengths) {
        List<List<Event>> measures = new ArrayList<>();
        int measure = 0;
        Duration room = measureLengths.isEmpty() ? Duration.ZERO : measureLengths.get(0);
        List<Event> current = new ArrayList<>();
        for (Sound sound : stream) {
            Duration left = sound.duration();
            boolean tiedFromPrevious = false;
            while (left.isPositive()) {
                if (measure >= measureLengths.size()) {
                    throw new IllegalArgumentException("the stream lasts longer than the " + measureLengths.size()
                            + " measures it is cut into");
                }
                Duration piece = left.min(room);
                left = left.minus(piece);
                Event event = sound.toEvent(piece, tiedFromPrevious, left.isPositive());
                if (event instanceof Rest && !current.isEmpty() && current.get(current.size() - 1) instanceof Rest r) {
                    event = new Rest(r.duration().plus(piece));
                    current.remove(current.size() - 1);
                }
                current.add(event);
                tiedFromPrevious = true;
                room = room.minus(piece);
                if (room.isZero()) {
                    measures.add(List.copyOf(current));
                    current.clear();
                    measure++;
                    room = measure < measureLengths.size() ? measureLengths.get(measure) : Duration.ZERO;
                }
            }
        }
        if (measure != measureLengths.size()) {
            throw new IllegalArgumentException("the stream ends in measure " + (measure + 1) + " of "
                    + measureLengths.size() + ", not at the last bar line");
        }
        return measures;
    }
}
