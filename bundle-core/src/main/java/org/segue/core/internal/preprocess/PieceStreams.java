package org.segue.core.internal.preprocess;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.segue.model.Duration;
import org.segue.training.Staff;

/**
 * A piece prepared for the networks: its key, the move to C major / A minor, its treble and bass streams (one of
 * them may be missing, for a piece with one staff), and its bars.
 */
public record PieceStreams(PieceKey key, Transposition transposition, Map<Staff, StaffStream> streams, Meter meter) {

    public PieceStreams {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(transposition, "transposition");
        Objects.requireNonNull(meter, "meter");
        streams = streams.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(streams));
    }

    /** The other staff of a two-staff piece: the bass for the treble, the treble for the bass. */
    public static Staff other(Staff staff) {
        return staff == Staff.TREBLE ? Staff.BASS : Staff.TREBLE;
    }

    /**
     * The onset contexts (see {@link OnsetContext}) of {@code form}: the stream of {@code staff} itself, or one of
     * its other forms (see {@link Augmentation}), whose time scale is found from its length; the other staff and
     * the bars are scaled with it.
     */
    public float[] contextOf(Staff staff, StaffStream form) {
        Duration length = stream(staff).orElseThrow().length();
        Duration factor = form.length().dividedBy(length);
        boolean same = factor.equals(Duration.of(1, 1));
        StaffStream other = stream(other(staff)).map(o -> same ? o : Augmentation.scaled(o, factor)).orElse(null);
        return OnsetContext.of(form, other, same ? meter : meter.scaled(factor));
    }

    public Optional<StaffStream> stream(Staff staff) {
        return Optional.ofNullable(streams.get(staff));
    }
}
