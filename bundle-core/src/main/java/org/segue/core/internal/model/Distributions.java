package org.segue.core.internal.model;

/**
 * The network's prediction for the next step of one staff: a probability for every event label and for every
 * duration category of the staff's vocabularies (by index; each array sums to 1). The arrays belong to the
 * receiver.
 */
public record Distributions(float[] events, float[] durations) {

    /** The likeliest event index. */
    public int likeliestEvent() {
        return argmax(events);
    }

    /** The likeliest duration index. */
    public int likeliestDuration() {
        return argmax(durations);
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
