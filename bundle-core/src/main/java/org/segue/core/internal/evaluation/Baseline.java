package org.segue.core.internal.evaluation;

import java.util.List;

import org.segue.core.internal.evaluation.KneserNeyModel.Discounting;

/**
 * The baselines a network is measured against, each fitted on one head's tokens of the training pieces (as they
 * are, without augmentation) and scored on the same tokens as the network.
 */
public enum Baseline {

    UNIGRAM("unigram", "label frequencies, add-one smoothed") {
        @Override
        TokenModel fit(int vocabularySize, List<int[]> training) {
            return new UnigramModel(vocabularySize, training);
        }
    },
    KNESER_NEY_3("kn3", "interpolated Kneser-Ney trigram, one discount per order (the earlier baseline)") {
        @Override
        TokenModel fit(int vocabularySize, List<int[]> training) {
            return new KneserNeyModel(3, vocabularySize, Discounting.SINGLE, training);
        }
    },
    INTERPOLATED_4("jm4", "Jelinek-Mercer 4-gram, weights by deleted interpolation over the training pieces") {
        @Override
        TokenModel fit(int vocabularySize, List<int[]> training) {
            return new InterpolatedModel(4, vocabularySize, training);
        }
    },
    MODIFIED_KNESER_NEY_4("mkn4", "interpolated modified Kneser-Ney 4-gram, three discounts per order from counts "
            + "of counts") {
        @Override
        TokenModel fit(int vocabularySize, List<int[]> training) {
            return new KneserNeyModel(4, vocabularySize, Discounting.MODIFIED, training);
        }
    },
    CROSS_VALIDATED_KNESER_NEY_4("mkn4cv", "the same with its discounts fitted to left-out training pieces "
            + "(5 folds)") {
        @Override
        TokenModel fit(int vocabularySize, List<int[]> training) {
            return new KneserNeyModel(4, vocabularySize, Discounting.CROSS_VALIDATED, training);
        }
    };

    private final String label;
    private final String description;

    Baseline(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The short name reports use. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** This baseline fitted on {@code training}, a sequence of vocabulary indices per piece. */
    abstract TokenModel fit(int vocabularySize, List<int[]> training);
}
