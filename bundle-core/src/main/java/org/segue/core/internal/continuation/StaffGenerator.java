package org.segue.core.internal.continuation;

import java.util.List;
import java.util.function.IntPredicate;

import org.segue.core.internal.model.Distributions;
import org.segue.core.internal.model.StaffModel;
import org.segue.core.internal.model.StaffSession;
import org.segue.core.internal.model.Token;
import org.segue.core.internal.preprocess.EventLabel;
import org.segue.model.Duration;
import org.segue.model.Pitch;

/**
 * One staff's network writing its next sounds: it samples an event among the k likeliest and a duration among
 * the k likeliest (never the category "other", which has no length), turns the event's label from C major /
 * A minor into the output key, spells it, and feeds the choice back into its session.
 *
 * <p>Harmony: when the other staff's sound at this staff's onset is already known (it always is for the staff
 * that is behind, which is the one that goes next), a candidate whose outer pitch would make a dissonance with
 * it (anything but a unison, third, fifth, sixth or octave, or their compounds, between the bass's lowest and the
 * treble's highest pitch) has its weight multiplied by {@code 1 - harmony}. A harmony of 0 leaves the network's
 * choice alone, as in the published design.
 *
 * <p>Rhythm: a duration is drawn only among those after which the next onset still lies on the score's grid, a
 * multiple of a 16th or of an eighth-note triplet from the bar line, so that the staves never drift into
 * positions no one could read (a 32nd after a triplet, say); where no duration fits, any is allowed.
 *
 * <p>Rests: drawn within the {@link RestLimits} the piece sets for this staff; notes outside the key, within its
 * {@link KeyLimits}.
 *
 * <p>Listening: a listening network predicts each sound knowing the other staff's sound at its onset (see
 * {@link ContextSource}). That is known only when this staff's turn comes, so the token chosen last is fed to the
 * network then, with the context of the onset that follows it, rather than as soon as it is chosen.
 *
 * <p>The generator writes one row of a session that may hold other variations' rows. The network reads its last
 * choice either in {@link #next()} itself or, for many generators at once, from whoever steps the session's rows
 * together ({@link #pending()}, {@link #pendingContext()}, {@link #read}).
 */
final class StaffGenerator implements StreamBalancer.SoundSource {

    private static final boolean[] CONSONANT = new boolean[12];

    static {
        for (int interval : new int[] {0, 3, 4, 7, 8, 9}) CONSONANT[interval] = true;
    }

    private final StaffModel model;
    private final StaffSession session;
    private final int row;
    private final boolean upper;
    private final int semitones;
    private final PitchSpeller speller;
    private final TopKSampler events;
    private final TopKSampler durations;
    private final double harmony;
    private final Timeline own;
    private final Timeline other;
    private final Duration origin;
    private final RestLimits restLimits;
    private final KeyLimits keyLimits;
    private final ContextSource context;
    private Token pending;
    private Distributions next;
    private Duration silence = Duration.ZERO;
    private double silentQuarters;
    private double totalQuarters;
    private int notes;
    private int notesOutsideKey;

    /**
     * @param session the staff's network, which has read the staff's last events but the last one
     * @param row this generator's row of the session
     * @param last the staff's last event, which the session reads when this staff's first turn comes
     * @param upper whether this is the upper staff (its highest pitch meets the lower staff's lowest)
     * @param semitones the move from C major / A minor to the output key
     * @param own where this staff's sounds are recorded
     * @param other the other staff's sounds, or an empty timeline for a one-staff part
     */
    StaffGenerator(StaffModel model, StaffSession session, int row, Token last, boolean upper, int semitones,
                   PitchSpeller speller, TopKSampler events, TopKSampler durations, double harmony, Timeline own,
                   Timeline other, Duration origin, RestLimits restLimits, KeyLimits keyLimits,
                   ContextSource context) {
        this.model = model;
        this.session = session;
        this.row = row;
        this.upper = upper;
        this.semitones = semitones;
        this.speller = speller;
        this.events = events;
        this.durations = durations;
        this.harmony = harmony;
        this.own = own;
        this.other = other;
        this.origin = origin;
        this.restLimits = restLimits;
        this.keyLimits = keyLimits;
        this.context = context;
        this.pending = last;
    }

    /** The token chosen last, while the network has not read it; else null. */
    Token pending() {
        return pending;
    }

    /** The onset context the network reads with {@link #pending()}: where this staff now ends. */
    float[] pendingContext() {
        return session.contextWidth() > 0 ? context.at(own.end()) : null;
    }

    /** Takes the network's distributions after it read {@link #pending()}. */
    void read(Distributions distributions) {
        next = distributions;
        pending = null;
    }

    @Override
    public Sound next() {
        if (pending != null) {
            read(session.step(new int[] {row}, new Token[] {pending}, new float[][] {pendingContext()}, 1)[0]);
        }
        Sound against = other.soundingAt(own.end());
        boolean restAllowed = restLimits.allowsRestAfter(silence);
        double restWeight = restLimits.restWeight(silentQuarters, totalQuarters);
        int event = events.sample(next.events(), c -> restAllowed || !model.event(c).isRest(),
                c -> weight(model.event(c), against) * (model.event(c).isRest() ? restWeight
                        : keyLimits.weight(keyLimits.outside(pitches(model.event(c))), notesOutsideKey, notes)));
        boolean rest = model.event(event).isRest();
        int duration = sampleDuration(rest);
        Sound sound = new Sound(pitches(model.event(event)), model.duration(duration).orElseThrow());
        notes += sound.pitches().size();
        notesOutsideKey += keyLimits.outside(sound.pitches());
        own.add(sound);
        silence = rest ? silence.plus(sound.duration()) : Duration.ZERO;
        if (rest) silentQuarters += sound.duration().toQuarters();
        totalQuarters += sound.duration().toQuarters();
        pending = new Token(event, duration);
        return sound;
    }

    /** A duration on the grid and, for a rest, within the rest limits; each condition gives way if none fits. */
    private int sampleDuration(boolean rest) {
        Duration position = origin.plus(own.end());
        IntPredicate known = c -> model.duration(c).isPresent();
        IntPredicate onGrid = c -> model.duration(c).map(d -> onGrid(position.plus(d))).orElse(false);
        IntPredicate fits = c -> !rest || model.duration(c).map(d -> restLimits.allowsRest(silence, d)).orElse(false);
        for (IntPredicate allowed : List.of(onGrid.and(fits), fits.and(known), onGrid, known)) {
            if (any(allowed)) return durations.sample(next.durations(), allowed, c -> 1);
        }
        throw new IllegalStateException("the duration vocabulary has no known duration");
    }

    private boolean any(IntPredicate allowed) {
        for (int c = 0; c < next.durations().length; c++) if (allowed.test(c)) return true;
        return false;
    }

    /** Whether a position after a bar line is a multiple of a 16th or of an eighth-note triplet. */
    static boolean onGrid(Duration position) {
        Duration inFortyEighths = position.times(48);
        if (inFortyEighths.den() != 1) return false;
        long n = inFortyEighths.num();
        return n % 3 == 0 || n % 4 == 0;
    }

    private List<Pitch> pitches(EventLabel label) {
        return label.midis().stream().map(m -> speller.spell(m + semitones)).toList();
    }

    private double weight(EventLabel candidate, Sound against) {
        if (harmony == 0 || against == null || against.isRest() || candidate.isRest()) return 1;
        List<Pitch> mine = pitches(candidate);
        int highest = mine.stream().mapToInt(Pitch::midi).max().orElseThrow();
        int lowest = mine.stream().mapToInt(Pitch::midi).min().orElseThrow();
        int interval = upper
                ? highest - against.pitches().get(0).midi()
                : against.pitches().get(against.pitches().size() - 1).midi() - lowest;
        return CONSONANT[Math.floorMod(Math.abs(interval), 12)] ? 1 : 1 - harmony;
    }
}
