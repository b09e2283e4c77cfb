package org.segue.core.internal.continuation;

import java.util.ArrayList;
import java.util.List;

import org.segue.model.Clef;
import org.segue.model.ClefChange;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.model.TimeSignature;
import org.segue.model.Voice;

/**
 * Appends new measures to a piece. The original measures stay exactly as they were, except that a last measure
 * shorter than its time signature is completed first (its events are kept; new ones follow them). The new
 * measures carry on the piece's time signature and clefs, and its key unless another is asked for; parts other
 * than the continued one rest.
 */
final class ScoreExtender {

    private final Score piece;
    private final int partIndex;
    private final Measure last;
    private final KeySignature key;
    private final Tempo tempo;
    private final int bars;

    /**
     * @param partIndex the part to continue
     * @param key the key of the new bars, or null to keep the piece's
     * @param tempo a tempo to mark on the first new bar, or null
     */
    ScoreExtender(Score piece, int partIndex, KeySignature key, Tempo tempo, int bars) {
        this.piece = piece;
        this.partIndex = partIndex;
        List<Measure> measures = piece.parts().get(partIndex).measures();
        if (measures.isEmpty()) throw new IllegalArgumentException("the part to continue has no measures");
        this.last = measures.get(measures.size() - 1);
        this.key = key == null ? last.key() : key;
        this.tempo = tempo;
        this.bars = bars;
    }

    /**
     * The first part with two staves (a piano part), else the first part, among those with a pitched note; -1 for
     * a score without one (only rests or unpitched percussion).
     */
    static int partToContinue(Score score) {
        for (int i = 0; i < score.parts().size(); i++) {
            if (score.parts().get(i).staffCount() == 2 && score.parts().get(i).hasPitchedNotes()) return i;
        }
        for (int i = 0; i < score.parts().size(); i++) {
            if (score.parts().get(i).hasPitchedNotes()) return i;
        }
        return -1;
    }

    KeySignature key() {
        return key;
    }

    TimeSignature time() {
        return last.time();
    }

    /** The clef of each staff at the end of the piece, after any change inside the last measure. */
    List<Clef> clefs() {
        return clefsAfter(last);
    }

    /** How much of the last measure is still to be filled; zero when it is complete. */
    Duration gap() {
        Duration missing = last.time().measureLength().minus(last.length());
        return missing.isPositive() ? missing : Duration.ZERO;
    }

    /** How far after the last bar line the new music starts: inside the last measure when it is unfinished. */
    Duration origin() {
        return gap().isPositive() ? last.length() : Duration.ZERO;
    }

    /** The lengths the generated streams are cut into: the gap (when there is one), then the new measures. */
    List<Duration> measureLengths() {
        List<Duration> lengths = new ArrayList<>();
        if (gap().isPositive()) lengths.add(gap());
        for (int i = 0; i < bars; i++) lengths.add(time().measureLength());
        return lengths;
    }

    /** The tempo in force at the end of the continued part. */
    Tempo tempoAtEnd() {
        Tempo found = null;
        for (Measure m : piece.parts().get(partIndex).measures()) if (m.tempo() != null) found = m.tempo();
        return found != null ? found : piece.initialTempo();
    }

    /**
     * The whole piece with the new measures.
     *
     * @param staves for each staff of the continued part, the events of each of {@link #measureLengths()}
     */
    Score extend(List<List<List<Event>>> staves) {
        List<Part> parts = new ArrayList<>();
        for (int p = 0; p < piece.parts().size(); p++) {
            Part part = piece.parts().get(p);
            List<Measure> measures = new ArrayList<>(part.measures());
            if (measures.isEmpty()) {
                parts.add(part);
                continue;
            }
            int start = 0;
            if (gap().isPositive()) {
                measures.set(measures.size() - 1, completed(measures.get(measures.size() - 1), p == partIndex ? staves : null));
                start = 1;
            }
            measures.addAll(newMeasures(measures, p == partIndex ? staves : null, start));
            parts.add(part.withMeasures(measures));
        }
        return piece.withParts(parts);
    }

    /** Only the new measures of {@link #extend}, marked with the tempo in force so that they stand alone. */
    Score newBarsOnly(Score extended) {
        int originalCount = piece.parts().get(partIndex).measures().size();
        List<Part> parts = new ArrayList<>();
        for (Part part : extended.parts()) {
            int from = Math.min(originalCount, part.measures().size());
            List<Measure> added = new ArrayList<>(part.measures().subList(from, part.measures().size()));
            if (!added.isEmpty() && added.get(0).tempo() == null) added.set(0, added.get(0).withTempo(tempoAtEnd()));
            parts.add(part.withMeasures(added));
        }
        return extended.withParts(parts);
    }

    private Measure completed(Measure measure, List<List<List<Event>>> staves) {
        List<Voice> voices = new ArrayList<>(measure.voices());
        for (int staff = 1; staves != null && staff <= staves.size(); staff++) {
            List<Event> gapEvents = staves.get(staff - 1).get(0);
            List<Voice> onStaff = measure.voicesOnStaff(staff);
            List<Event> events = new ArrayList<>();
            Voice first = onStaff.isEmpty() ? null : onStaff.get(0);
            if (first != null) events.addAll(first.events());
            Duration filled = first == null ? Duration.ZERO : first.length();
            Duration missing = measure.length().minus(filled);
            if (missing.isPositive()) events.add(new Rest(missing));
            events.addAll(gapEvents);
            Voice completedVoice = new Voice(first == null ? 1 : first.number(), staff, events);
            if (first == null) voices.add(completedVoice);
            else voices.set(voices.indexOf(first), completedVoice);
        }
        return new Measure(measure.number(), measure.key(), measure.time(), measure.clefs(), measure.tempo(),
                measure.time().measureLength(), voices, measure.clefChanges());
    }

    private List<Measure> newMeasures(List<Measure> before, List<List<List<Event>>> staves, int start) {
        Measure previous = before.get(before.size() - 1);
        List<Clef> clefs = clefsAfter(previous);
        int staffCount = clefs.size();
        List<Measure> measures = new ArrayList<>();
        int number = nextNumber(previous, before.size());
        for (int bar = 0; bar < bars; bar++) {
            List<Voice> voices = new ArrayList<>();
            for (int staff = 1; staff <= staffCount; staff++) {
                List<Event> events = staves != null && staff <= staves.size()
                        ? staves.get(staff - 1).get(start + bar)
                        : List.of(new Rest(time().measureLength()));
                voices.add(new Voice(1, staff, events));
            }
            measures.add(new Measure(Integer.toString(number + bar), key, time(), clefs,
                    bar == 0 ? tempo : null, time().measureLength(), voices));
        }
        return measures;
    }

    private static List<Clef> clefsAfter(Measure measure) {
        List<Clef> clefs = new ArrayList<>(measure.clefs());
        measure.clefChanges().stream().sorted((a, b) -> a.offset().compareTo(b.offset()))
                .forEach((ClefChange c) -> clefs.set(c.staff() - 1, c.clef()));
        return clefs;
    }

    /** The printed number after the previous measure's, or the count of measures plus one when not a number. */
    private static int nextNumber(Measure previous, int measuresSoFar) {
        try {
            return Integer.parseInt(previous.number().trim()) + 1;
        } catch (NumberFormatException e) {
            return measuresSoFar + 1;
        }
    }
}
