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
 * @param consonantStrongBeats share of the strong beats of the new measures, among those where both staves sound,
 *        where the lowest bass pitch and the highest treble pitch form a unison, third, fifth, sixth or octave
 *        (or a compound of them)
 * @param generatedNotes how many notes were generated (chord notes counted one by one)
 * @param strongBeats how many strong beats had sound in both staves and were compared
 */
public record ContinuationReport(double notesInScale, double pitchClassDivergence, double durationDivergence,
                                 double repeatedBars, double consonantStrongBeats, int generatedNotes,
                                 int strongBeats) {
}
