package org.segue.core.internal.network;

import java.util.Objects;

import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.preprocess.SequenceWindows.Window;

/** One window of one encoded stream: a training or scoring sequence. */
public record Sequence(EncodedStream stream, Window window) {

    public Sequence {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(window, "window");
        if (window.start() + window.length() >= stream.size()) {
            throw new IllegalArgumentException("window " + window + " needs " + (window.start() + window.length() + 1)
                    + " tokens but " + stream.piece() + " has " + stream.size());
        }
    }
}
