package org.segue.core.internal.network;

/**
 * The temperatures that calibrate one staff's two heads (see {@link TemperatureFit}): scoring raises the network's
 * probabilities to {@code 1/T} and renormalises them. Generation does not: its own temperature acts on the
 * network's output as it is.
 */
public record Temperatures(double events, double durations) {

    /** No calibration: the network's probabilities as they are. */
    public static final Temperatures NONE = new Temperatures(1, 1);

    public Temperatures {
        if (!(events > 0) || !(durations > 0)) {
            throw new IllegalArgumentException("temperatures must be above 0: " + events + ", " + durations);
        }
    }
}
