package org.segue.continuation;

/**
 * How much one staff plays, in the new bars and in the piece before them (its last
 * {@value ContinuationReport#PIECE_WINDOW} measures, or all of them if it has fewer), so that a staff that falls
 * silent in the new bars shows.
 *
 * @param soundingNew share of the beats of the new measures on which the staff sounds (a note or chord is heard at
 *        the beat, struck there or held from before)
 * @param soundingPiece the same share in the piece
 * @param densityNew notes and chords struck per beat in the new measures (a tied continuation is not struck)
 * @param densityPiece the same in the piece
 * @param silentBarsNew new measures in which the staff neither strikes nor holds a note: whole-bar rests
 * @param silentBarsPiece the same among the piece's measures compared
 */
public record StaffActivity(double soundingNew, double soundingPiece, double densityNew, double densityPiece,
                            int silentBarsNew, int silentBarsPiece) {

    /** A staff with no beats to measure. */
    public static final StaffActivity NONE = new StaffActivity(0, 0, 0, 0, 0, 0);

    /** The figures of report version 1.1, without the silent bars. */
    public StaffActivity(double soundingNew, double soundingPiece, double densityNew, double densityPiece) {
        this(soundingNew, soundingPiece, densityNew, densityPiece, 0, 0);
    }
}
