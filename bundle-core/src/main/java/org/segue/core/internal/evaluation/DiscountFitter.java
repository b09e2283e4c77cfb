package org.segue.core.internal.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.segue.core.internal.evaluation.KneserNeyModel.Discounting;

/**
 * Fits a modified Kneser–Ney model's discounts to pieces its counts did not come from: the pieces are dealt into
 * {@value #FOLDS} folds, each fold is scored by a model counted on the other folds, and a coordinate search moves
 * one discount at a time, by shrinking factors, while that lowers the left-out tokens' total negative
 * log-likelihood. Fewer than two pieces leave the starting discounts as they are.
 */
final class DiscountFitter {

    static final int FOLDS = 5;
    static final double MIN_DISCOUNT = 0.05;
    /** The factors tried on a discount, coarse to fine; each stage sweeps until nothing improves (at most 4 times). */
    private static final double[][] STAGES = {{0.5, 0.7, 1.4, 2.0}, {0.85, 1.15}, {0.95, 1.05}};
    private static final int SWEEPS = 4;

    private DiscountFitter() {
    }

    /** Discounts per order n in 1..order, at indices 1..3 of {@code result[n]}, starting from {@code start}. */
    static double[][] fit(int order, int vocabularySize, List<int[]> sequences, double[][] start) {
        double[][] d = new double[order + 1][];
        for (int n = 0; n <= order; n++) d[n] = start[n].clone();
        List<int[]> pieces = sequences.stream().filter(s -> s.length >= 2).toList();
        if (pieces.size() < 2) return d;
        LeftOut leftOut = leftOut(order, vocabularySize, pieces);
        double best = leftOut.nats(d);
        for (double[] factors : STAGES) {
            boolean improved = true;
            for (int sweep = 0; sweep < SWEEPS && improved; sweep++) {
                improved = false;
                for (int n = 1; n <= order; n++) {
                    for (int k = 1; k <= 3; k++) {
                        double kept = d[n][k];
                        for (double factor : factors) {
                            d[n][k] = Math.max(MIN_DISCOUNT, Math.min(k, kept * factor));
                            double nats = leftOut.nats(d);
                            if (nats < best - 1e-9) {
                                best = nats;
                                kept = d[n][k];
                                improved = true;
                            }
                        }
                        d[n][k] = kept;
                    }
                }
            }
        }
        return d;
    }

    /** Every left-out token's statistics under the model counted without its fold. */
    private static LeftOut leftOut(int order, int vocabularySize, List<int[]> pieces) {
        int folds = Math.min(FOLDS, pieces.size());
        List<int[]> statistics = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<int[]> counted = new ArrayList<>();
            List<int[]> scored = new ArrayList<>();
            for (int i = 0; i < pieces.size(); i++) (i % folds == f ? scored : counted).add(pieces.get(i));
            KneserNeyModel model = new KneserNeyModel(order, vocabularySize, Discounting.MODIFIED, counted);
            for (int[] s : scored) {
                for (int i = 1; i < s.length; i++) statistics.add(model.statistics(s, i));
            }
        }
        return new LeftOut(order, vocabularySize, statistics);
    }

    private record LeftOut(int order, int vocabularySize, List<int[]> statistics) {

        double nats(double[][] d) {
            double nats = 0;
            for (int[] s : statistics) {
                double p = 1.0 / vocabularySize;
                for (int n = 1; n <= order; n++) {
                    int at = 5 * (n - 1);
                    if (s[at] == 0) continue;
                    p = KneserNeyModel.interpolate(d[n], s[at + 4], s[at], s[at + 1], s[at + 2], s[at + 3], p);
                }
                nats -= Math.log(p);
            }
            return nats;
        }
    }
}
