package org.segue.core.internal.continuation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.segue.continuation.ContinuationReport;
import org.segue.continuation.StaffActivity;
import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Pitch;
import org.segue.model.Voice;

/** Measures a continuation against its piece; see {@link ContinuationReport} for what each number means. */
final class ContinuationReporter {

    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 9, 10, 11}; // natural minor with raised 6th and 7th
    private static final int[] CONSONANT = {0, 3, 4, 7, 8, 9};        // semitones above the bass, modulo 12

    private ContinuationReporter() {
    }

    /**
     * @param original the continued part's measures as they were
     * @param added the new measures of that part
     */
    static ContinuationReport report(List<Measure> original, List<Measure> added) {
        int generated = 0;
        int inScale = 0;
        for (Measure m : added) {
            for (Voice v : m.voices()) {
                for (Event e : v.events()) {
                    for (Note n : attacks(e)) {
                        generated++;
                        if (inScale(m.key(), n.pitch())) inScale++;
                    }
                }
            }
        }
        int[] beats = strongBeats(added);
        List<Measure> recent = recent(original);
        return new ContinuationReport(
                generated == 0 ? 0 : (double) inScale / generated,
                jensenShannon(pitchClasses(added), pitchClasses(original)),
                jensenShannon(durations(added), durations(original)),
                repeatedShare(original, added),
                share(beats[0], beats[2]),
                generated,
                beats[2],
                share(beats[1], beats[2]),
                activity(recent, added, 1),
                activity(recent, added, 2));
    }

    private static double share(int count, int total) {
        return total == 0 ? 0 : (double) count / total;
    }

    /** How much {@code staff} plays in the new measures against the piece's recent ones. */
    private static StaffActivity activity(List<Measure> piece, List<Measure> added, int staff) {
        int[] inPiece = beatsPlayed(piece, staff);
        int[] inNew = beatsPlayed(added, staff);
        return new StaffActivity(share(inNew[0], inNew[2]), share(inPiece[0], inPiece[2]),
                density(inNew), density(inPiece), inNew[3], inPiece[3]);
    }

    private static double density(int[] counts) {
        return counts[2] == 0 ? 0 : (double) counts[1] / counts[2];
    }

    /**
     * {beats on which the staff sounds, notes and chords struck, beats, silent measures} over some measures; a
     * measure is silent when the staff strikes no note in it and sounds on none of its beats.
     */
    private static int[] beatsPlayed(List<Measure> measures, int staff) {
        int sounding = 0;
        int struck = 0;
        int beats = 0;
        int silentMeasures = 0;
        for (Measure m : measures) {
            if (m.staffCount() < staff) continue;
            int soundingHere = 0;
            int struckHere = 0;
            for (Duration beat : beats(m)) {
                beats++;
                if (!soundingAt(m, staff, beat).isEmpty()) soundingHere++;
            }
            for (Voice v : m.voicesOnStaff(staff)) {
                for (Event e : v.events()) {
                    if (!attacks(e).isEmpty()) struckHere++;
                }
            }
            if (soundingHere == 0 && struckHere == 0) silentMeasures++;
            sounding += soundingHere;
            struck += struckHere;
        }
        return new int[] {sounding, struck, beats, silentMeasures};
    }

    /** The beats of a measure as it really lasts (a pickup has fewer): every beat, dotted in compound time. */
    private static List<Duration> beats(Measure m) {
        Duration beat = m.time().isCompound() ? Duration.of(3, m.time().beatType()) : Duration.of(1, m.time().beatType());
        List<Duration> beats = new ArrayList<>();
        for (Duration t = Duration.ZERO; t.compareTo(m.length()) < 0; t = t.plus(beat)) beats.add(t);
        return beats;
    }

    /**
     * The piece's last {@value ContinuationReport#PIECE_WINDOW} measures (all of them if it has fewer): what the
     * new bars are compared with here, and what the sampling limits learn from.
     */
    static List<Measure> recent(List<Measure> piece) {
        return piece.subList(Math.max(0, piece.size() - ContinuationReport.PIECE_WINDOW), piece.size());
    }

    /** Notes that start here (a note tied from the one before is not a new note). */
    static List<Note> attacks(Event e) {
        List<Note> notes = e instanceof Note n ? List.of(n) : e instanceof Chord c ? c.notes() : List.of();
        return notes.stream().filter(n -> !n.tie().tiedFromPrevious()).toList();
    }

    /** Whether {@code pitch} is in the key's scale: major, or natural minor with its raised 6th and 7th. */
    static boolean inScale(KeySignature key, Pitch pitch) {
        int fromTonic = Math.floorMod(pitch.pitchClass() - key.tonic().pitchClass(), 12);
        for (int s : key.isMinor() ? MINOR : MAJOR) if (s == fromTonic) return true;
        return false;
    }

    /** Sounding time per pitch class counted from each measure's tonic. */
    private static Map<Object, Double> pitchClasses(List<Measure> measures) {
        Map<Object, Double> histogram = new HashMap<>();
        for (Measure m : measures) {
            int tonic = m.key().tonic().pitchClass();
            for (Voice v : m.voices()) {
                for (Event e : v.events()) {
                    List<Note> notes = e instanceof Note n ? List.of(n) : e instanceof Chord c ? c.notes() : List.of();
                    for (Note n : notes) {
                        if (n.unpitched()) continue;
                        histogram.merge(Math.floorMod(n.pitch().pitchClass() - tonic, 12),
                                e.duration().toQuarters(), Double::sum);
                    }
                }
            }
        }
        return histogram;
    }

    /** How often each event duration occurs. */
    private static Map<Object, Double> durations(List<Measure> measures) {
        Map<Object, Double> histogram = new HashMap<>();
        for (Measure m : measures) {
            for (Voice v : m.voices()) for (Event e : v.events()) histogram.merge(e.duration(), 1.0, Double::sum);
        }
        return histogram;
    }

    /** Jensen–Shannon divergence in bits of two histograms (normalised here); 0 when either is empty. */
    static double jensenShannon(Map<Object, Double> p, Map<Object, Double> q) {
        double sumP = p.values().stream().mapToDouble(Double::doubleValue).sum();
        double sumQ = q.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sumP == 0 || sumQ == 0) return 0;
        Map<Object, Double> keys = new HashMap<>(p);
        q.forEach((k, v) -> keys.putIfAbsent(k, 0.0));
        double js = 0;
        for (Object k : keys.keySet()) {
            double a = p.getOrDefault(k, 0.0) / sumP;
            double b = q.getOrDefault(k, 0.0) / sumQ;
            double m = (a + b) / 2;
            if (a > 0) js += 0.5 * a * Math.log(a / m);
            if (b > 0) js += 0.5 * b * Math.log(b / m);
        }
        return Math.max(0, js / Math.log(2));
    }

    private static double repeatedShare(List<Measure> original, List<Measure> added) {
        if (added.isEmpty()) return 0;
        List<Object> earlier = new ArrayList<>();
        for (Measure m : original) earlier.add(content(m));
        int repeated = 0;
        for (Measure m : added) {
            Object c = content(m);
            if (earlier.contains(c)) repeated++;
            earlier.add(c);
        }
        return (double) repeated / added.size();
    }

    /** What a measure sounds like, both staves, without its number or attributes. */
    private static Object content(Measure m) {
        return m.voices().stream().sorted(Comparator.comparingInt(Voice::staff).thenComparingInt(Voice::number))
                .map(v -> List.of(v.staff(), v.events())).toList();
    }

    /** {consonant, with a staff silent, all} over the strong beats of the new measures. */
    private static int[] strongBeats(List<Measure> added) {
        int consonant = 0;
        int silent = 0;
        int all = 0;
        for (Measure m : added) {
            for (Duration beat : m.time().strongBeats()) {
                all++;
                List<Pitch> treble = soundingAt(m, 1, beat);
                List<Pitch> bass = soundingAt(m, 2, beat);
                if (treble.isEmpty() || bass.isEmpty()) {
                    silent++;
                    continue;
                }
                int interval = Math.floorMod(treble.get(treble.size() - 1).midi() - bass.get(0).midi(), 12);
                for (int c : CONSONANT) {
                    if (c == interval) {
                        consonant++;
                        break;
                    }
                }
            }
        }
        return new int[] {consonant, silent, all};
    }

    /** The pitches sounding on a staff at an offset in a measure, lowest first. */
    private static List<Pitch> soundingAt(Measure m, int staff, Duration at) {
        List<Pitch> pitches = new ArrayList<>();
        for (Voice v : m.voicesOnStaff(staff)) {
            Duration onset = Duration.ZERO;
            for (Event e : v.events()) {
                Duration end = onset.plus(e.duration());
                if (onset.compareTo(at) <= 0 && at.compareTo(end) < 0) {
                    if (e instanceof Note n) pitches.add(n.pitch());
                    if (e instanceof Chord c) pitches.addAll(c.pitches());
                }
                onset = end;
            }
        }
        pitches.sort(Comparator.naturalOrder());
        return pitches;
    }
}
