package org.segue.ui.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.segue.model.Chord;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.TimeSignature;
import org.segue.model.Voice;

/**
 * What {@code segue info} reports about a score: its header values at the start and, per staff, the clef it
 * starts with and how many single notes, chords (each chord once) and rests (including those that fill gaps) it
 * holds.
 *
 * @param tempo quarter notes per minute at the start; 120 where the score marks no tempo
 * @param tempoMarked whether the score marks a tempo anywhere, so that 120 can be told from a default
 */
public record ScoreSummary(String title, String composer, int parts, int measures, KeySignature key,
                           TimeSignature time, double tempo, boolean tempoMarked, List<StaffSummary> staves) {

    /** One staff of one part. */
    public record StaffSummary(String part, String partName, int staff, String clef, int notes, int chords,
                               int rests) {
    }

    public ScoreSummary {
        staves = List.copyOf(staves);
    }

    public static ScoreSummary of(Score score) {
        boolean tempoMarked = score.parts().stream().flatMap(p -> p.measures().stream())
                .map(Measure::tempo).anyMatch(Objects::nonNull);
        List<StaffSummary> staves = new ArrayList<>();
        for (Part part : score.parts()) {
            for (int staff = 1; staff <= part.staffCount(); staff++) staves.add(staffSummary(part, staff));
        }
        return new ScoreSummary(score.title(), score.composer(), score.parts().size(), score.measureCount(),
                score.initialKey(), score.initialTime(), score.initialTempo().quarterNotesPerMinute(), tempoMarked,
                staves);
    }

    private static StaffSummary staffSummary(Part part, int staff) {
        String clef = part.measures().stream().filter(m -> m.staffCount() >= staff).findFirst()
                .map(m -> m.clefs().get(staff - 1).displayName()).orElse("none");
        int notes = 0;
        int chords = 0;
        int rests = 0;
        for (Measure measure : part.measures()) {
            for (Voice voice : measure.voicesOnStaff(staff)) {
                for (Event event : voice.events()) {
                    if (event instanceof Note) notes++;
                    else if (event instanceof Chord) chords++;
                    else if (event instanceof Rest) rests++;
                }
            }
        }
        return new StaffSummary(part.id(), part.name(), staff, clef, notes, chords, rests);
    }
}
