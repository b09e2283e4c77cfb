package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.segue.analysis.KeyEstimator;
import org.segue.model.Duration;
import org.segue.model.KeySignature;
import org.segue.model.Mode;
import org.segue.musicxml.internal.midi.MidiContent.KeyChange;

/**
 * The key of every measure. Key signature events count from the bar line nearest to them (key changes are written
 * at bar lines; a sequencer may put the event a little early or late); the first one counts from measure 1.
 * An event that says minor gives a minor key. One that says major is not taken at its word, because major is also
 * what sequencers write when nobody chose a mode: {@link KeyEstimator#chooseMode} picks major or the relative minor
 * from the notes of the measures where that signature holds. A file without key signature events gets the key
 * that {@link KeyEstimator#estimate(double[])} finds for all its notes, in every measure.
 */
final class KeyPlan {

    private KeyPlan() {
    }

    static List<KeySignature> keys(List<KeyChange> changes, List<MeasureLayout.Span> spans, Quantizer quantizer,
                                   List<QuantizedNote> notes) {
        if (changes.isEmpty()) {
            KeySignature key = KeyEstimator.estimate(weights(notes, Duration.ZERO, spans.get(spans.size() - 1).end()));
            return new ArrayList<>(Collections.nCopies(spans.size(), key));
        }
        KeyChange[] byMeasure = new KeyChange[spans.size()];
        for (KeyChange change : changes) {
            Duration at = Quantizer.position(Math.round(quantizer.units(change.tick())));
            if (at.compareTo(spans.get(spans.size() - 1).end()) >= 0) continue; // after the last note
            byMeasure[nearestBarLine(spans, at)] = change;
        }
        if (byMeasure[0] == null) byMeasure[0] = changes.get(0);
        List<KeySignature> keys = new ArrayList<>(Arrays.asList(new KeySignature[spans.size()]));
        int from = 0;
        for (int m = 1; m <= spans.size(); m++) {
            if (m == spans.size() || byMeasure[m] != null) {
                KeySignature key = keyFor(byMeasure[from], notes, spans.get(from).start(), spans.get(m - 1).end());
                for (int i = from; i < m; i++) keys.set(i, key);
                from = m;
            }
        }
        return keys;
    }

    private static KeySignature keyFor(KeyChange change, List<QuantizedNote> notes, Duration from, Duration to) {
        if (change.minor()) return new KeySignature(change.fifths(), Mode.MINOR);
        return KeyEstimator.chooseMode(change.fifths(), weights(notes, from, to));
    }

    /** The index of the measure whose start is nearest to {@code at}; the later one when two are equally near. */
    static int nearestBarLine(List<MeasureLayout.Span> spans, Duration at) {
        int i = 0;
        while (i + 1 < spans.size() && spans.get(i + 1).start().compareTo(at) <= 0) i++;
        boolean nextIsNearer = i + 1 < spans.size()
                && spans.get(i + 1).start().minus(at).compareTo(at.minus(spans.get(i).start())) <= 0;
        return nextIsNearer ? i + 1 : i;
    }

    /** Sounding time per pitch class, in quarter notes, of the notes that start in [from, to). */
    static double[] weights(List<QuantizedNote> notes, Duration from, Duration to) {
        double[] weights = new double[12];
        for (QuantizedNote n : notes) {
            if (n.onset().compareTo(from) >= 0 && n.onset().compareTo(to) < 0) {
                weights[n.pitch() % 12] += n.duration().toQuarters();
            }
        }
        return weights;
    }
}
