package org.segue.musicxml.internal.audio;

import org.segue.model.Measure;
import org.segue.model.Score;
import org.segue.model.Tempo;

/**
 * How long a score lasts when played at its tempo marks: each measure of the first part (where the MIDI writer
 * takes the tempo from) at the tempo in force at its start, 120 quarter notes per minute before the first mark, as
 * a MIDI file without a tempo event plays.
 */
final class ScoreClock {

    private ScoreClock() {
    }

    /** The seconds from the start of the first measure to the end of the last. */
    static double seconds(Score score) {
        if (score.parts().isEmpty()) return 0;
        double seconds = 0;
        double quartersPerMinute = Tempo.DEFAULT.quarterNotesPerMinute();
        for (Measure m : score.parts().get(0).measures()) {
            if (m.tempo() != null) quartersPerMinute = m.tempo().quarterNotesPerMinute();
            seconds += m.length().toQuarters() * 60.0 / quartersPerMinute;
        }
        return seconds;
    }
}
