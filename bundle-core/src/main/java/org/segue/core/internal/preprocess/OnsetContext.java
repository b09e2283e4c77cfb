package org.segue.core.internal.preprocess;

import java.util.List;

import org.segue.model.Duration;
import org.segue.training.Staff;

/**
 * What a listening staff network reads at every step besides its own last event: the situation at the onset of the
 * event it is about to predict. {@value #WIDTH} numbers:
 * <ul>
 *   <li>the other staff's event there: its pitch classes (12 flags, C major / A minor as the labels), a flag for
 *       silence (a rest, or no other staff), its lowest and highest pitch as {@code (midi - 60) / 24}, and a flag
 *       for "it starts right here";</li>
 *   <li>the metre: how far through its bar the onset lies (0 to 1), and flags for the bar line and for a beat.</li>
 * </ul>
 * "The other staff's event there" must be known when the network is asked, in generation as in training. The
 * staves are generated in step by time, the upper staff first on a tie, so the bass knows the treble event that
 * starts at the same onset, while the treble knows the bass only up to just before it: the bass reads the latest
 * treble event starting at or before the onset, the treble the latest bass event starting before it.
 */
public final class OnsetContext {

    public static final int WIDTH = org.segue.training.TrainingConfig.CONTEXT_WIDTH;

    private static final int SILENT = 12;
    private static final int LOWEST = 13;
    private static final int HIGHEST = 14;
    private static final int STARTS_HERE = 15;
    private static final int BAR_FRACTION = 16;
    private static final int DOWNBEAT = 17;
    private static final int ON_BEAT = 18;

    private OnsetContext() {
    }

    /** Whether a staff's network knows the other staff's event that starts at the same onset as its own. */
    public static boolean seesSameOnset(Staff reader) {
        return reader == Staff.BASS;
    }

    /**
     * The context of every event of {@code own}, at that event's onset, {@value #WIDTH} numbers per event.
     *
     * @param other the other staff's stream of the same piece, or null when the piece has one staff
     */
    public static float[] of(StaffStream own, StaffStream other, Meter meter) {
        List<StreamEvent> events = own.events();
        List<StreamEvent> others = other == null ? List.of() : other.events();
        boolean sameOnset = seesSameOnset(own.staff());
        float[] context = new float[events.size() * WIDTH];
        int o = -1; // the latest other event the reader may know
        for (int i = 0; i < events.size(); i++) {
            Duration onset = events.get(i).onset();
            while (o + 1 < others.size() && known(others.get(o + 1).onset(), onset, sameOnset)) o++;
            StreamEvent against = o < 0 ? null : others.get(o);
            write(context, i * WIDTH, against == null ? null : against.label(),
                    against != null && against.onset().equals(onset), meter.position(onset));
        }
        return context;
    }

    /** Whether an other-staff event starting at {@code start} is known at {@code onset}. */
    public static boolean known(Duration start, Duration onset, boolean sameOnset) {
        int c = start.compareTo(onset);
        return c < 0 || (sameOnset && c == 0);
    }

    /**
     * Writes one context at {@code at}.
     *
     * @param other the other staff's event (in C major / A minor), or null where nothing is known to sound
     * @param startsHere whether that event starts at this onset
     */
    public static void write(float[] into, int at, EventLabel other, boolean startsHere, Meter.Position position) {
        java.util.Arrays.fill(into, at, at + WIDTH, 0f);
        if (other == null || other.isRest()) {
            into[at + SILENT] = 1f;
        } else {
            int lowest = Integer.MAX_VALUE;
            int highest = Integer.MIN_VALUE;
            for (int midi : other.midis()) {
                into[at + Math.floorMod(midi, 12)] = 1f;
                lowest = Math.min(lowest, midi);
                highest = Math.max(highest, midi);
            }
            into[at + LOWEST] = (lowest - 60) / 24f;
            into[at + HIGHEST] = (highest - 60) / 24f;
        }
        if (startsHere) into[at + STARTS_HERE] = 1f;
        into[at + BAR_FRACTION] = (float) position.fraction();
        if (position.downbeat()) into[at + DOWNBEAT] = 1f;
        if (position.onBeat()) into[at + ON_BEAT] = 1f;
    }
}
