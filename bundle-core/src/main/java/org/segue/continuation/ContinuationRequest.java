package org.segue.continuation;

import java.nio.file.Path;

import org.segue.model.KeySignature;
import org.segue.model.Tempo;

/**
 * What to write after a piece.
 *
 * @param bars how many full measures to add, 1 to {@value #MAX_BARS}
 * @param variations how many different continuations to write, 1 to {@value #MAX_VARIATIONS}; variation i
 *        (from 0) uses the seed {@link #seedOf(int)}
 * @param topKEvents sample the next note, chord or rest among this many likeliest (default 10)
 * @param topKDurations sample the next duration among this many likeliest (default 5)
 * @param temperature divides the networks' logits before sampling: below 1 is safer, above 1 bolder (default 1)
 * @param harmony 0 to 1: how strongly a candidate note that would be dissonant with the other staff is held back
 *        (its weight is multiplied by {@code 1 - harmony}); 0 lets each network choose alone, as in the published
 *        design (default {@value #DEFAULT_HARMONY})
 * @param seed the same seed always gives the same continuations
 * @param targetKey write the new bars in this key, with its key signature; null keeps the piece's key
 * @param tempo a tempo for the new bars, marked on the first of them; null keeps the piece's tempo
 * @param model a model file written by {@code segue train}; null uses the default (Chopin) model
 */
public record ContinuationRequest(int bars, int variations, int topKEvents, int topKDurations, double temperature,
                                  double harmony, long seed, KeySignature targetKey, Tempo tempo, Path model) {

    public static final int MAX_BARS = 512;
    public static final int MAX_VARIATIONS = 64;
    public static final int DEFAULT_BARS = 8;
    public static final int DEFAULT_TOP_K_EVENTS = 10;
    public static final int DEFAULT_TOP_K_DURATIONS = 5;
    public static final long DEFAULT_SEED = 1;
    public static final double DEFAULT_HARMONY = 0.5;

    public ContinuationRequest {
        if (bars < 1 || bars > MAX_BARS) {
            throw new IllegalArgumentException("bars must be in 1.." + MAX_BARS + ", not " + bars);
        }
        if (variations < 1 || variations > MAX_VARIATIONS) {
            throw new IllegalArgumentException("variations must be in 1.." + MAX_VARIATIONS + ", not " + variations);
        }
        if (topKEvents < 1) throw new IllegalArgumentException("top-k for events must be >= 1, not " + topKEvents);
        if (topKDurations < 1) {
            throw new IllegalArgumentException("top-k for durations must be >= 1, not " + topKDurations);
        }
        if (!(temperature > 0) || temperature > 100) {
            throw new IllegalArgumentException("temperature must be in (0, 100], not " + temperature);
        }
        if (!(harmony >= 0 && harmony <= 1)) {
            throw new IllegalArgumentException("harmony must be in [0, 1], not " + harmony);
        }
    }

    /** {@code bars} new measures, one variation, with every other value at its default. */
    public static ContinuationRequest of(int bars) {
        return new ContinuationRequest(bars, 1, DEFAULT_TOP_K_EVENTS, DEFAULT_TOP_K_DURATIONS, 1.0, DEFAULT_HARMONY,
                DEFAULT_SEED,
                null, null, null);
    }

    /** The seed of variation {@code index}: the request's seed for the first, then well-spread others. */
    public long seedOf(int index) {
        return index == 0 ? seed : seed + 0x9E3779B97F4A7C15L * index;
    }

    public ContinuationRequest withBars(int newBars) {
        return new ContinuationRequest(newBars, variations, topKEvents, topKDurations, temperature, harmony, seed,
                targetKey, tempo, model);
    }

    public ContinuationRequest withVariations(int newVariations) {
        return new ContinuationRequest(bars, newVariations, topKEvents, topKDurations, temperature, harmony, seed, targetKey,
                tempo, model);
    }

    public ContinuationRequest withTopK(int events, int durations) {
        return new ContinuationRequest(bars, variations, events, durations, temperature, harmony, seed, targetKey, tempo,
                model);
    }

    public ContinuationRequest withTemperature(double newTemperature) {
        return new ContinuationRequest(bars, variations, topKEvents, topKDurations, newTemperature, harmony, seed, targetKey,
                tempo, model);
    }

    public ContinuationRequest withHarmony(double newHarmony) {
        return new ContinuationRequest(bars, variations, topKEvents, topKDurations, temperature, newHarmony, seed,
                targetKey, tempo, model);
    }

    public ContinuationRequest withSeed(long newSeed) {
        return new ContinuationRequest(bars, variations, topKEvents, topKDurations, temperature, harmony, newSeed, targetKey,
                tempo, model);
    }

    public ContinuationRequest withTargetKey(KeySignature key) {
        return new ContinuationRequest(bars, variations, topKEvents, topKDurations, temperature, harmony, seed, key, tempo,
                model);
    }

    public ContinuationRequest withTempo(Tempo newTempo) {
        return new ContinuationRequest(bars, variations, topKEvents, topKDurations, temperature, harmony, seed, targetKey,
                newTempo, model);
    }

    public ContinuationRequest withModel(Path modelFile) {
        return new ContinuationRequest(bars, variations, topKEvents, topKDurations, temperature, harmony, seed, targetKey,
                tempo, modelFile);
    }
}
