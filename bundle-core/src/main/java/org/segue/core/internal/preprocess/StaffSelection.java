package org.segue.core.internal.preprocess;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.segue.model.Clef;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.training.Staff;

/**
 * Which staff of which part becomes the treble and the bass stream ("clef splitting"):
 * <ul>
 *   <li>the first part with two or more staves (the piano's grand staff) gives both: staff 1 is the treble stream
 *       and staff 2 the bass stream, whatever clefs they change to on the way (a left hand that moves to a treble
 *       clef for a few bars stays the bass stream); further staves and all other parts are left out;</li>
 *   <li>a score without such a part takes its one-staff parts in order: a part whose first clef is an F clef is a
 *       bass stream, any other clef a treble stream; the first part of each kind wins and later ones are left out
 *       (a voice and a cello: the voice is the treble stream, the cello the bass stream).</li>
 * </ul>
 * Parts without a pitched note (percussion, or only rests) are never taken. So a piece with one staff yields one
 * stream. MIDI files arrive from the reader as one part with a staff per
 * hand (track).
 */
public record StaffSelection(Map<Staff, Source> sources) {

    /** A staff of a part: {@code staff} counts from 1. */
    public record Source(Part part, int staff) {
        public Source {
            Objects.requireNonNull(part, "part");
            if (staff < 1) throw new IllegalArgumentException("staff number must be >= 1, not " + staff);
        }
    }

    public StaffSelection {
        sources = sources.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(sources));
    }

    public static StaffSelection of(Score score) {
        for (Part part : score.parts()) {
            if (part.staffCount() >= 2 && part.hasPitchedNotes()) {
                return new StaffSelection(Map.of(Staff.TREBLE, new Source(part, 1), Staff.BASS, new Source(part, 2)));
            }
        }
        Map<Staff, Source> sources = new EnumMap<>(Staff.class);
        for (Part part : score.parts()) {
            if (part.measures().isEmpty() || !part.hasPitchedNotes()) continue;
            Clef clef = part.measures().get(0).clefs().get(0);
            sources.putIfAbsent(clef.isBass() ? Staff.BASS : Staff.TREBLE, new Source(part, 1));
        }
        return new StaffSelection(sources);
    }

    /** The part the key is read from: the treble source's, else the bass source's; null when there is none. */
    public Part keyPart() {
        Source s = sources.getOrDefault(Staff.TREBLE, sources.get(Staff.BASS));
        return s == null ? null : s.part();
    }
}
