package org.segue.core.internal.preprocess;

import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.segue.training.Staff;

/**
 * The label encoding of one staff: a vocabulary of event labels and one of duration categories, built from the
 * training pieces, with the policy for labels they lack ({@link NearestEvent} for events; for a duration category,
 * the known category nearest by ratio, and for {@code other}, the most frequent category).
 */
public final class StaffVocabularies {

    private final Staff staff;
    private final Vocabulary events;
    private final Vocabulary durations;
    private final NearestEvent nearestEvent;

    public StaffVocabularies(Staff staff, Vocabulary events, Vocabulary durations) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.events = events;
        this.durations = durations;
        this.nearestEvent = new NearestEvent(events);
        for (String label : durations.labels()) DurationCategory.parse(label);
    }

    /**
     * Counts the training streams' labels: events seen at least {@code minEventCount} times (but always at least
     * the most frequent one) and every duration category seen, in the table's order.
     */
    public static StaffVocabularies count(Staff staff, List<StaffStream> trainingStreams, int minEventCount) {
        Map<String, Integer> eventCounts = new HashMap<>();
        Map<String, Integer> durationCounts = new HashMap<>();
        for (StaffStream stream : trainingStreams) {
            for (StreamEvent e : stream.events()) {
                eventCounts.merge(e.label().toString(), 1, Integer::sum);
                durationCounts.merge(e.category().label(), 1, Integer::sum);
            }
        }
        if (eventCounts.isEmpty()) throw new IllegalArgumentException("no " + staff.label() + " events to count");
        int most = eventCounts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        Vocabulary events = Vocabulary.byFrequency(eventCounts, Math.min(minEventCount, most));
        Vocabulary durations = Vocabulary.of(durationCounts, 1,
                Comparator.comparing(label -> DurationCategory.parse(label).ordinal()));
        return new StaffVocabularies(staff, events, durations);
    }

    public Staff staff() {
        return staff;
    }

    public Vocabulary events() {
        return events;
    }

    public Vocabulary durations() {
        return durations;
    }

    /** The index of an event label, or of its nearest known label. */
    public int eventIndex(EventLabel label) {
        return nearestEvent.indexOf(label);
    }

    /** The index of a duration category, or of its nearest known category. */
    public int durationIndex(DurationCategory category) {
        int exact = durations.indexOf(category.label());
        if (exact >= 0) return exact;
        int best = durations.mostFrequent();
        double bestRatio = Double.POSITIVE_INFINITY;
        for (int i = 0; i < durations.size(); i++) {
            double r = category.ratioTo(DurationCategory.parse(durations.label(i)));
            if (r < bestRatio) {
                best = i;
                bestRatio = r;
            }
        }
        return best;
    }

    /** The event label at an index. */
    public EventLabel event(int index) {
        return EventLabel.parse(events.label(index));
    }

    /** The duration category at an index. */
    public DurationCategory duration(int index) {
        return DurationCategory.parse(durations.label(index));
    }

    /** A whole stream as tokens, marking the steps whose labels were replaced. */
    public EncodedStream encode(String piece, StaffStream stream) {
        int n = stream.size();
        int[] eventIds = new int[n];
        int[] durationIds = new int[n];
        BitSet replacedEvents = new BitSet(n);
        BitSet replacedDurations = new BitSet(n);
        for (int i = 0; i < n; i++) {
            StreamEvent e = stream.events().get(i);
            eventIds[i] = eventIndex(e.label());
            durationIds[i] = durationIndex(e.category());
            replacedEvents.set(i, !events.contains(e.label().toString()));
            replacedDurations.set(i, !durations.contains(e.category().label()));
        }
        return new EncodedStream(piece, staff, eventIds, durationIds, replacedEvents, replacedDurations);
    }
}
