package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Puts every note on the upper (treble, staff 1) or the lower (bass, staff 2) staff of a piano part. Piano files
 * usually keep the hands apart, so the staves come from the first of these that applies:
 * <ol>
 * <li><b>tracks</b>, when two or more tracks hold notes (piano-midi.de files put both hands on channel 1, in the
 * tracks 'Piano right' and 'Piano left');</li>
 * <li><b>channels</b>, when one track holds notes on two or more channels (type 0 files);</li>
 * <li><b>a pitch split</b> otherwise: notes from middle C (MIDI 60) up go to the treble staff, lower ones to the
 * bass.</li>
 * </ol>
 * With tracks or channels, each group (a track or a channel) keeps all its notes on one staff. The groups are
 * ordered by their average pitch and cut once into an upper and a lower set, where the cut makes the two sets'
 * average pitches most distinct (the exact two-means split in one dimension, each group weighted by its number of
 * notes). Two groups thus become treble (the higher) and bass; a right hand written in two tracks joins the treble.
 */
final class StaffAssigner {

    static final int TREBLE = 1;
    static final int BASS = 2;
    static final int MIDDLE_C = 60;

    /** The notes of each staff (index 0 is staff 1) and a sentence that says how they were split. */
    record Staves(List<MidiNote> treble, List<MidiNote> bass, String rule) {
        Staves {
            treble = List.copyOf(treble);
            bass = List.copyOf(bass);
        }

        List<MidiNote> staff(int number) {
            return number == TREBLE ? treble : bass;
        }
    }

    private StaffAssigner() {
    }

    static Staves assign(MidiContent content) {
        List<MidiNote> notes = content.notes();
        Map<Integer, List<MidiNote>> byTrack = group(notes, MidiNote::track);
        if (byTrack.size() >= 2) return splitGroups(byTrack, content::describeTrack, "tracks");
        Map<Integer, List<MidiNote>> byChannel = group(notes, MidiNote::channel);
        if (byChannel.size() >= 2) return splitGroups(byChannel, c -> "channel " + (c + 1), "channels");
        return splitAtMiddleC(notes);
    }

    private static Map<Integer, List<MidiNote>> group(List<MidiNote> notes, ToIntFunction<MidiNote> key) {
        Map<Integer, List<MidiNote>> groups = new TreeMap<>();
        for (MidiNote n : notes) groups.computeIfAbsent(key.applyAsInt(n), k -> new ArrayList<>()).add(n);
        return groups;
    }

    private static Staves splitAtMiddleC(List<MidiNote> notes) {
        List<MidiNote> treble = new ArrayList<>();
        List<MidiNote> bass = new ArrayList<>();
        for (MidiNote n : notes) (n.pitch() >= MIDDLE_C ? treble : bass).add(n);
        return new Staves(treble, bass, "split at middle C (one track, one channel)");
    }

    private static Staves splitGroups(Map<Integer, List<MidiNote>> groups,
                                      IntFunction<String> describe, String kind) {
        List<Map.Entry<Integer, List<MidiNote>>> ordered = new ArrayList<>(groups.entrySet());
        ordered.sort(Comparator.comparingDouble(e -> -averagePitch(e.getValue()))); // highest first
        int cut = bestCut(ordered.stream().map(Map.Entry::getValue).toList());
        List<MidiNote> treble = new ArrayList<>();
        List<MidiNote> bass = new ArrayList<>();
        StringBuilder rule = new StringBuilder("from " + kind + ": treble =");
        for (int i = 0; i < ordered.size(); i++) {
            if (i == cut) rule.append("; bass =");
            (i < cut ? treble : bass).addAll(ordered.get(i).getValue());
            rule.append(i == 0 || i == cut ? " " : ", ").append(describe.apply(ordered.get(i).getKey()));
        }
        return new Staves(treble, bass, rule.toString());
    }

    /**
     * The number of groups (ordered from high to low) that go to the treble: the cut with the largest
     * between-sets spread, {@code n1 * n2 * (mean1 - mean2)^2}, which is the same as the smallest within-sets one.
     */
    static int bestCut(List<List<MidiNote>> groupsHighToLow) {
        int best = 1;
        double bestSpread = -1;
        for (int cut = 1; cut < groupsHighToLow.size(); cut++) {
            double[] upper = sumAndCount(groupsHighToLow.subList(0, cut));
            double[] lower = sumAndCount(groupsHighToLow.subList(cut, groupsHighToLow.size()));
            double difference = upper[0] / upper[1] - lower[0] / lower[1];
            double spread = upper[1] * lower[1] * difference * difference;
            if (spread > bestSpread) {
                bestSpread = spread;
                best = cut;
            }
        }
        return best;
    }

    private static double[] sumAndCount(List<List<MidiNote>> groups) {
        double sum = 0;
        double count = 0;
        for (List<MidiNote> g : groups) {
            for (MidiNote n : g) sum += n.pitch();
            count += g.size();
        }
        return new double[] {sum, count};
    }

    private static double averagePitch(List<MidiNote> notes) {
        return notes.stream().mapToInt(MidiNote::pitch).average().orElse(0);
    }
}
