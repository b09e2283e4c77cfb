package org.segue.benchmark;

/**
 * The sizes that decide what one network step costs.
 *
 * @param batch sequences per training minibatch
 * @param steps events per training sequence, each with a target
 * @param hidden units of each of the three LSTM layers
 * @param events labels of the event vocabulary (the event head's width)
 * @param durations duration categories (the duration head's width)
 * @param eventEmbedding length of an event's input vector
 * @param durationEmbedding length of a duration's input vector
 * @param dense units of the dense layer before the heads
 */
public record NetworkShape(int batch, int steps, int hidden, int events, int durations, int eventEmbedding,
                           int durationEmbedding, int dense) {

    public NetworkShape {
        for (int v : new int[] {batch, steps, hidden, events, durations, eventEmbedding, durationEmbedding, dense}) {
            if (v < 1) throw new IllegalArgumentException("every size of a network shape must be >= 1: " + v);
        }
    }
}
