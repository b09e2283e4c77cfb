package org.segue.core.internal.continuation;

import java.util.ArrayList;
import java.util.List;

import org.segue.model.Duration;

/**
 * Generates the staves of a continuation in step by time, so that neither runs ahead of the other: the staff
 * that is behind goes next (the upper staff on a tie), and every staff stops exactly at the same end. The last
 * sound of a staff is shortened to end there.
 *
 * <p>This is what keeps the bass in time with the treble: each staff's network is asked for its next event only
 * when that staff's music has fallen behind the other's, and both end at the same bar line.
 */
final class StreamBalancer {

    /** Where a staff's next sound comes from: the staff's network session, in generation. */
    interface SoundSource {
        Sound next();
    }

    private final Duration total;
    private final List<? extends SoundSource> sources;
    private final List<List<Sound>> streams = new ArrayList<>();
    private final Duration[] positions;

    /** A balance of {@code sources} up to {@code total}, drawn one sound at a time ({@link #draw}). */
    StreamBalancer(Duration total, List<? extends SoundSource> sources) {
        if (!total.isPositive()) throw new IllegalArgumentException("total must be > 0, not " + total);
        this.total = total;
        this.sources = sources;
        this.positions = new Duration[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            streams.add(new ArrayList<>());
            positions[i] = Duration.ZERO;
        }
    }

    /**
     * Draws sounds from each source until every staff lasts exactly {@code total}.
     *
     * @return one stream per source, in the sources' order, each lasting exactly {@code total}
     */
    static List<List<Sound>> balance(Duration total, List<? extends SoundSource> sources) {
        StreamBalancer balancer = new StreamBalancer(total, sources);
        for (int staff = balancer.behind(); staff >= 0; staff = balancer.behind()) balancer.draw(staff);
        return balancer.streams();
    }

    /** The staff furthest behind that has not reached the end yet (the first on a tie), or -1 when all have. */
    int behind() {
        int best = -1;
        for (int i = 0; i < positions.length; i++) {
            if (positions[i].compareTo(total) < 0 && (best < 0 || positions[i].compareTo(positions[best]) < 0)) {
                best = i;
            }
        }
        return best;
    }

    /** Draws the next sound of {@code staff} (the one {@link #behind()} names), shortened to end at the total. */
    void draw(int staff) {
        Sound sound = sources.get(staff).next();
        Duration room = total.minus(positions[staff]);
        if (sound.duration().compareTo(room) > 0) sound = sound.withDuration(room);
        streams.get(staff).add(sound);
        positions[staff] = positions[staff].plus(sound.duration());
    }

    /** The streams drawn so far, one per source. */
    List<List<Sound>> streams() {
        return streams;
    }
}
