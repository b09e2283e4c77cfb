package org.segue.core.internal.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy for an event label that a vocabulary lacks (a rare chord in training, or a composer's chord the
 * corpus never had): it is replaced by the nearest label the vocabulary knows.
 * <ul>
 *   <li>a chord goes to the known chord with the smallest pitch-set distance; a note to the nearest known note by
 *       semitones; when the vocabulary has no label of that kind, to the nearest known note or chord;</li>
 *   <li>the distance between two pitch sets adds, for every pitch of each set, the semitones to the closest pitch
 *       of the other set (so C4.E4.G4 to C4.E4.G4.C5 is 5, and to C4.Eb4.G4 is 2);</li>
 *   <li>ties go to the label the training pieces held more often, then to the lower index;</li>
 *   <li>a rest stays a rest; if the vocabulary has none (never in practice), it takes the most frequent label.</li>
 * </ul>
 * Replacements are cached; instances are thread-safe.
 */
public final class NearestEvent {

    private final Vocabulary vocabulary;
    private final List<EventLabel> known = new ArrayList<>();
    private final Map<String, Integer> cache = new ConcurrentHashMap<>();

    public NearestEvent(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        for (String label : vocabulary.labels()) known.add(EventLabel.parse(label));
    }

    /** The index of the label itself when known, else of its nearest known label. */
    public int indexOf(EventLabel label) {
        String text = label.toString();
        int exact = vocabulary.indexOf(text);
        if (exact >= 0) return exact;
        return cache.computeIfAbsent(text, t -> nearest(label));
    }

    private int nearest(EventLabel label) {
        if (label.isRest()) return vocabulary.mostFrequent();
        int best = nearestOfKind(label, true);
        return best >= 0 ? best : nearestOfKind(label, false);
    }

    private int nearestOfKind(EventLabel label, boolean sameKind) {
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < known.size(); i++) {
            EventLabel candidate = known.get(i);
            if (candidate.isRest() || (sameKind && candidate.isChord() != label.isChord())) continue;
            long d = distance(label.midis(), candidate.midis());
            if (d < bestDistance || (d == bestDistance && vocabulary.count(i) > vocabulary.count(best))) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The pitch-set distance described in the class comment. */
    static long distance(List<Integer> a, List<Integer> b) {
        return oneWay(a, b) + oneWay(b, a);
    }

    private static long oneWay(List<Integer> from, List<Integer> to) {
        long sum = 0;
        for (int p : from) {
            int closest = Integer.MAX_VALUE;
            for (int q : to) closest = Math.min(closest, Math.abs(p - q));
            sum += closest;
        }
        return sum;
    }
}
