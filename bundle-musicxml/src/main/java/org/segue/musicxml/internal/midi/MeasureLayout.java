package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.segue.model.Duration;
import org.segue.model.TimeSignature;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.internal.midi.MidiContent.TimeChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lays the measures out from the time signature events: measure 1 starts at tick 0 (MIDI cannot tell a pickup),
 * 4/4 holds until the first event, and each event takes effect where it falls, moved to the nearest 1/96 of a whole
 * note. An event inside a measure cuts that measure short there (it keeps its time signature and is shorter, like
 * a pickup); the new signature starts a measure at the event. Measures go on until {@code end}; the last one is
 * whole.
 */
final class MeasureLayout {

    private static final Logger LOG = LoggerFactory.getLogger(MeasureLayout.class);

    /** One measure: where it starts, how long it lasts and its time signature. */
    record Span(int index, Duration start, Duration length, TimeSignature time) {
        Duration end() {
            return start.plus(length);
        }
    }

    private MeasureLayout() {
    }

    /**
     * @param end where the music ends; at least one measure is laid out even when it is 0
     * @param maxMeasures a bound against damaged files whose events lie absurdly far away
     * @throws ScoreFileException when the music needs more than {@code maxMeasures} measures
     */
    static List<Span> layout(List<TimeChange> changes, Quantizer quantizer, Duration end, int maxMeasures,
                             String fileName) throws ScoreFileException {
        NavigableMap<Duration, TimeSignature> byPosition = new TreeMap<>();
        for (TimeChange c : changes) {
            byPosition.put(Quantizer.position(Math.round(quantizer.units(c.tick()))), c.time());
        }
        TimeSignature time = TimeSignature.COMMON;
        Duration position = Duration.ZERO;
        List<Span> spans = new ArrayList<>();
        while (spans.isEmpty() || position.compareTo(end) < 0) {
            if (spans.size() >= maxMeasures) {
                throw new ScoreFileException(fileName, "measure " + (maxMeasures + 1), "the notes go on for more "
                        + "than the " + maxMeasures + " measures this reader accepts (until " + end.toQuarters()
                        + " quarter notes); the file is probably damaged");
            }
            var atOrBefore = byPosition.floorEntry(position);
            if (atOrBefore != null) time = atOrBefore.getValue();
            Duration length = time.measureLength();
            Duration nextChange = byPosition.higherKey(position);
            if (nextChange != null && nextChange.compareTo(position.plus(length)) < 0
                    && !byPosition.get(nextChange).equals(time)) {
                LOG.warn("{}: measure {}: the time signature changes to {} inside it, {} after its start; the "
                        + "measure is cut short there", fileName, spans.size() + 1, byPosition.get(nextChange),
                        nextChange.minus(position));
                length = nextChange.minus(position);
            }
            spans.add(new Span(spans.size(), position, length, time));
            position = position.plus(length);
        }
        return spans;
    }
}
