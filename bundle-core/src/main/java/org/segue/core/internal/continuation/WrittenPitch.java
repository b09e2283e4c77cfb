package org.segue.core.internal.continuation;

import java.util.ArrayList;
import java.util.List;

import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.model.Transposition;

/**
 * Gives a continuation, made at concert pitch, back the written pitches of the piece's transposing parts: a
 * measure the continuation left as it was is the original measure again, and every other measure (the completed
 * last one, the new ones) is written for the transposition in force at that point, the last one of the part for
 * the new measures. So a clarinet in A keeps reading a minor third above what sounds, in the new bars too.
 */
final class WrittenPitch {

    private WrittenPitch() {
    }

    /**
     * @param concert the continued piece at concert pitch, with the parts of {@code original} in the same order
     * @param original the piece as it was read, at written pitch
     */
    static Score restore(Score concert, Score original) {
        List<Part> parts = new ArrayList<>();
        for (int p = 0; p < concert.parts().size(); p++) {
            Part part = concert.parts().get(p);
            List<Measure> before = original.parts().get(p).measures();
            List<Measure> measures = new ArrayList<>(part.measures().size());
            Transposition inForce = Transposition.NONE;
            for (int m = 0; m < part.measures().size(); m++) {
                Measure measure = part.measures().get(m);
                Measure was = m < before.size() ? before.get(m) : null;
                if (was != null) inForce = was.transposition();
                measures.add(was != null && was.sounding().equals(measure) ? was : measure.written(inForce));
            }
            parts.add(part.withMeasures(measures));
        }
        return concert.withParts(parts);
    }
}
