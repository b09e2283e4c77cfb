package org.segue.core.internal.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.segue.model.Duration;

/**
 * The other forms in which a training stream is learned, so that a network learns the shapes of a staff (steps,
 * leaps, rhythms) rather than the registers and note values of the few pieces it saw:
 * <ul>
 *   <li>an octave up and an octave down: every pitch moved by 12 semitones, which keeps C major / A minor; a form
 *       with a pitch outside the piano (A0 to C8) is left out;</li>
 *   <li>twice as slow and twice as fast: every onset and duration doubled or halved, as the same music written
 *       in other note values (a run of 16ths becomes eighths or 32nds).</li>
 * </ul>
 * Only training streams get these forms, and the vocabularies count them, so their events are known labels. The
 * held-out pieces are never changed, and the baselines are fitted on the training pieces as they are. A form has
 * as many events as its stream, so the same windows cut it.
 */
public final class Augmentation {

    /** The lowest and highest key of a piano, as MIDI note numbers. */
    public static final int LOWEST_MIDI = 21;
    public static final int HIGHEST_MIDI = 108;

    private static final Duration TWICE = Duration.of(2, 1);
    private static final Duration HALF = Duration.of(1, 2);

    private Augmentation() {
    }

    /** The other forms of {@code stream}: octave up, octave down, twice as slow, twice as fast (some left out). */
    public static List<StaffStream> formsOf(StaffStream stream) {
        List<StaffStream> forms = new ArrayList<>(4);
        transposed(stream, 12).ifPresent(forms::add);
        transposed(stream, -12).ifPresent(forms::add);
        forms.add(scaled(stream, TWICE));
        forms.add(scaled(stream, HALF));
        return forms;
    }

    /** The stream moved by {@code semitones}, or empty when a pitch would leave the piano's range. */
    public static Optional<StaffStream> transposed(StaffStream stream, int semitones) {
        List<StreamEvent> events = new ArrayList<>(stream.size());
        for (StreamEvent e : stream.events()) {
            for (int midi : e.label().midis()) {
                int moved = midi + semitones;
                if (moved < LOWEST_MIDI || moved > HIGHEST_MIDI) return Optional.empty();
            }
            events.add(new StreamEvent(e.label().transpose(semitones), e.onset(), e.duration()));
        }
        return Optional.of(new StaffStream(stream.staff(), events));
    }

    /** The stream with every onset and duration multiplied by {@code factor}. */
    public static StaffStream scaled(StaffStream stream, Duration factor) {
        List<StreamEvent> events = new ArrayList<>(stream.size());
        for (StreamEvent e : stream.events()) {
            events.add(new StreamEvent(e.label(), e.onset().times(factor), e.duration().times(factor)));
        }
        return new StaffStream(stream.staff(), events);
    }
}
