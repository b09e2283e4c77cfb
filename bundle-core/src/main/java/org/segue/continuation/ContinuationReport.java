package org.segue.continuation;

/**
 * How one continuation relates to its piece, for composers and for us. Shares are in [0, 1]; divergences are
 * Jensen–Shannon divergences in bits, in [0, 1] (0: the same distribution).
 *
 * @param notesInScale share of the generated notes (chord notes counted one by one) whose pitch class belongs to
 *        the scale of the new bars' key (major, or natural minor plus the raised 6th and 7th for minor keys)
 * @param pitchClassDivergence between the pitch-class histograms (counted from the tonic, weighted by duration)
 *        of the new bars and of the piece's part
 * @param durationDivergence between the histograms of event durations of the new bars and of the piece's part
 * @param repeatedBars share of new measures whose content, both staves together, equals an earlier measure's
 * @param consonantStrongBeats share of all strong beats of the new measures where both staves sound and the lowest
 *        bass pitch and the highest treble pitch form a unison, third, fifth, sixth or octave (or a compound of
 *        them); a strong beat where a staff is silent is not consonant (see {@code silentStrongBeats})
 * @param generatedNotes how many notes were generated (chord notes counted one by one)
 * @param strongBeats how many strong beats the new measures have
 * @param silentStrongBeats share of those strong beats where at least one staff is silent
 * @param treble how much the treble staff plays, new against the piece
 * @param bass how much the bass staff plays, new against the piece
 */
public record ContinuationReport(double notesInScale, double pitchClassDivergence, double durationDivergence,
                                 double repeatedBars, double consonantStrongBeats, int generatedNotes,
                                 int strongBeats, double silentStrongBeats, StaffActivity treble,
                                 StaffActivity bass) {

    /** How many of the piece's last measures {@link StaffActivity} compares the new bars with. */
    public static final int PIECE_WINDOW = 16;

    public ContinuationReport {
        treble = treble == null ? StaffActivity.NONE : treble;
        bass = bass == null ? StaffActivity.NONE : bass;
    }

    /** The report of version 1.0, without the staves' activity. */
    public ContinuationReport(double notesInScale, double pitchClassDivergence, double durationDivergence,
                              double repeatedBars, double consonantStrongBeats, int generatedNotes, int strongBeats) {
        this(notesInScale, pitchClassDivergence, durationDivergence, repeatedBars, consonantStrongBeats,
                generatedNotes, strongBeats, 0, StaffActivity.NONE, StaffActivity.NONE);
    }
}
