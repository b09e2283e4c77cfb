package org.segue.core.internal.continuation;

import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Draws one of the k likeliest classes of a distribution: the probabilities of the k best allowed classes are
 * raised to 1/temperature, multiplied by a weight, normalised, and one is drawn with the sampler's own random
 * source, so the same seed gives the same draws.
 */
final class TopKSampler {

    private final int k;
    private final double inverseTemperature;
    private final SplittableRandom random;

    TopKSampler(int k, double temperature, SplittableRandom random) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, not " + k);
        this.k = k;
        this.inverseTemperature = 1 / temperature;
        this.random = random;
    }

    /**
     * @param probabilities one value per class
     * @param allowed the classes that may be drawn at all
     * @param weight a factor >= 0 for each candidate (1 leaves the network's choice alone)
     * @return the index drawn
     * @throws IllegalArgumentException when no class is allowed
     */
    int sample(float[] probabilities, IntPredicate allowed, IntToDoubleFunction weight) {
        int[] best = topK(probabilities, allowed);
        if (best.length == 0) throw new IllegalArgumentException("no class is allowed for sampling");
        double[] w = new double[best.length];
        double total = 0;
        for (int i = 0; i < best.length; i++) {
            w[i] = Math.pow(Math.max(probabilities[best[i]], 1e-30f), inverseTemperature) * weight.applyAsDouble(best[i]);
            total += w[i];
        }
        if (!(total > 0)) return best[0];
        double draw = random.nextDouble() * total;
        for (int i = 0; i < best.length; i++) {
            draw -= w[i];
            if (draw < 0) return best[i];
        }
        return best[best.length - 1];
    }

    /** The allowed indices of the k largest probabilities, largest first (the lower index first on a tie). */
    private int[] topK(float[] p, IntPredicate allowed) {
        int[] best = new int[Math.min(k, p.length)];
        int size = 0;
        for (int c = 0; c < p.length; c++) {
            if (!allowed.test(c)) continue;
            if (size < best.length) {
                best[size++] = c;
            } else if (p[c] > p[best[size - 1]]) {
                best[size - 1] = c;
            } else {
                continue;
            }
            for (int i = size - 1; i > 0 && p[best[i]] > p[best[i - 1]]; i--) {
                int t = best[i];
                best[i] = best[i - 1];
                best[i - 1] = t;
            }
        }
        return java.util.Arrays.copyOf(best, size);
    }
}
