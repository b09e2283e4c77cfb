package org.segue.core.internal.preprocess;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.segue.training.Staff;

/**
 * A piece prepared for the networks: its key, the move to C major / A minor, and its treble and bass streams
 * (one of them may be missing, for a piece with one staff).
 */
public record PieceStreams(PieceKey key, Transposition transposition, Map<Staff, StaffStream> streams) {

    public PieceStreams {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(transposition, "transposition");
        streams = streams.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(streams));
    }

    public Optional<StaffStream> stream(Staff staff) {
        return Optional.ofNullable(streams.get(staff));
    }
}
