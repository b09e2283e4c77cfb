package org.segue.core.internal.preprocess;

import java.util.Objects;

import org.segue.analysis.KeyEstimator;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Mode;
import org.segue.model.Part;
import org.segue.model.Score;

/**
 * The key a piece is transposed from, and how it was found:
 * <ul>
 *   <li>{@code signature}: the first measure's key signature says major (or ionian) or minor (or aeolian);</li>
 *   <li>{@code signature, mode estimated}: it gives the accidentals but no mode (or a church mode), so
 *       {@link KeyEstimator#chooseMode} picks the major key or its relative minor from the pitch classes;</li>
 *   <li>{@code estimated}: there is no key information (no signature, or C major with no mode, which is what a
 *       file without a key gives), so {@link KeyEstimator#estimate} picks one of the 24 keys.</li>
 * </ul>
 * Later key changes are not followed: the whole piece moves by the interval of its opening key.
 */
public record PieceKey(KeySignature key, String source) {

    public PieceKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
    }

    /** The key of the first measure of {@code part}, judged with the pitch classes of the whole score. */
    public static PieceKey of(Score score, Part part) {
        if (part.measures().isEmpty()) return new PieceKey(KeyEstimator.estimate(score), "estimated");
        Measure first = part.measures().get(0);
        KeySignature signature = first.key();
        Mode mode = signature.mode();
        if (mode == Mode.MAJOR || mode == Mode.IONIAN) {
            return new PieceKey(new KeySignature(signature.fifths(), Mode.MAJOR), "signature");
        }
        if (mode == Mode.MINOR || mode == Mode.AEOLIAN) {
            return new PieceKey(new KeySignature(signature.fifths(), Mode.MINOR), "signature");
        }
        if (mode == Mode.NONE && signature.fifths() == 0) {
            return new PieceKey(KeyEstimator.estimate(score), "estimated");
        }
        double[] weights = KeyEstimator.pitchClassWeights(score);
        return new PieceKey(KeyEstimator.chooseMode(signature.fifths(), weights), "signature, mode estimated");
    }
}
