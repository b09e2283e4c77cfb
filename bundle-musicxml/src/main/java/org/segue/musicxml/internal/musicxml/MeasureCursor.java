package org.segue.musicxml.internal.musicxml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.segue.model.Clef;
import org.segue.model.ClefChange;
import org.segue.model.Duration;
import org.segue.model.KeySignature;
import org.segue.model.Tempo;
import org.segue.model.TimeSignature;
import org.segue.model.Transposition;

/**
 * The reader's position within one measure, as MusicXML moves it: a note moves it on by its duration, a note with
 * {@code <chord/>} starts where the previous note started and does not move it, {@code <backup>} moves it back and
 * {@code <forward>} on. It collects the measure's events, the attributes in force at its start, clef changes
 * inside it and its first tempo mark. The measure lasts until the furthest point that the cursor or an event reached.
 */
final class MeasureCursor {

    private Duration position = Duration.ZERO;
    private Duration furthest = Duration.ZERO;
    private Duration lastOnset = Duration.ZERO;
    private final List<TimedEvent> events = new ArrayList<>();
    private final Map<Integer, TreeMap<Duration, Clef>> clefChanges = new TreeMap<>();

    KeySignature startKey;
    TimeSignature startTime;
    final Clef[] startClefs;
    Tempo tempo;
    Transposition transposition;

    MeasureCursor(KeySignature key, TimeSignature time, Clef[] clefs, Transposition transposition) {
        this.startKey = key;
        this.startTime = time;
        this.startClefs = clefs.clone();
        this.transposition = transposition;
    }

    Duration position() {
        return position;
    }

    boolean atStart() {
        return position.isZero();
    }

    /**
     * Where a note of {@code duration} starts: at the cursor, which then moves on, or for a chord note where the
     * previous note started.
     */
    Duration placeNote(Duration duration, boolean chord) {
        if (!chord) {
            lastOnset = position;
            position = position.plus(duration);
        }
        furthest = furthest.max(lastOnset.plus(duration)).max(position);
        return lastOnset;
    }

    void forward(Duration duration) {
        position = position.plus(duration);
        furthest = furthest.max(position);
    }

    /** Moves back; returns false when that would go before the measure's start, where it stops instead. */
    boolean backup(Duration duration) {
        position = position.minus(duration);
        if (position.isNegative()) {
            position = Duration.ZERO;
            return false;
        }
        return true;
    }

    void add(TimedEvent event) {
        events.add(event);
        furthest = furthest.max(event.end());
    }

    List<TimedEvent> events() {
        return events;
    }

    boolean isEmpty() {
        return events.isEmpty() && furthest.isZero();
    }

    /** How long the measure lasts: as far as anything reached, or the time signature for an empty measure. */
    Duration length() {
        return furthest.isPositive() ? furthest : startTime.measureLength();
    }

    void clefChange(int staff, Clef clef) {
        clefChanges.computeIfAbsent(staff, s -> new TreeMap<>()).put(position, clef);
    }

    /**
     * The clef each staff has at the end of the measure after the changes inside it, by their place in time rather
     * than their order in the file (a writer may put a later change first); staves without a change are absent.
     */
    Map<Integer, Clef> clefsAtEnd() {
        Map<Integer, Clef> result = new TreeMap<>();
        clefChanges.forEach((staff, changes) -> result.put(staff, changes.lastEntry().getValue()));
        return result;
    }

    void tempo(Tempo mark) {
        if (tempo == null) tempo = mark;
    }

    /**
     * The clef changes that take effect inside the measure: those at its very end belong to the next measure, and
     * those that repeat the clef already in force change nothing.
     */
    List<ClefChange> clefChanges(Duration length) {
        List<ClefChange> result = new ArrayList<>();
        clefChanges.forEach((staff, changes) -> {
            Clef current = startClefs[staff - 1];
            for (Map.Entry<Duration, Clef> change : changes.entrySet()) {
                if (change.getKey().compareTo(length) >= 0 || change.getValue().equals(current)) continue;
                result.add(new ClefChange(staff, change.getKey(), change.getValue()));
                current = change.getValue();
            }
        });
        return result;
    }
}
