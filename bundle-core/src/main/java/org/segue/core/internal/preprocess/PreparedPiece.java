package org.segue.core.internal.preprocess;

import java.util.Objects;

/** One corpus piece after preprocessing, with the side of the split it is on. */
public record PreparedPiece(String name, boolean heldOut, PieceStreams streams) {

    public PreparedPiece {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(streams, "streams");
    }
}
