package org.segue.musicxml.internal.lilypond;

import java.util.List;

import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.musicxml.WriteOptions;

/**
 * Turns a score into LilyPond input: the title and composer in the header, each part in the file's order (a song's
 * voice above its piano), a part of several staves as a {@code PianoStaff} (a brace, the part's name once), a
 * one-staff part as a {@code Staff}; every staff written by {@link StaffWriter}. Time signatures are numeric (4/4,
 * not C), as MusicXML writes them. The measures from {@link WriteOptions#markFrom()} on get a boxed "Segue" mark
 * and their notes, rests, ties and accidentals in blue.
 */
final class LilyPondWriter {

    /** The LilyPond version the input is written for (Debian 12's is 2.24.1). */
    static final String VERSION = "2.24.0";

    private static final String NEW_BAR_GROBS_IN_VOICE = List.of("NoteHead", "Stem", "Flag", "Beam", "Dots", "Rest",
            "MultiMeasureRest", "Tie", "TupletBracket", "TupletNumber").stream()
            .map(grob -> "\\override " + grob + ".color = #segue-new-colour")
            .reduce((a, b) -> a + " " + b).orElseThrow();

    private LilyPondWriter() {
    }

    /**
     * @param onePage true to put the whole piece on one page as tall as it needs (for PNG and SVG, one file);
     *        false for A4 pages (PDF)
     */
    static String write(Score score, WriteOptions options, boolean onePage) {
        int markFrom = options.marks() && options.markFrom() < score.measureCount() ? options.markFrom() : -1;
        StringBuilder s = new StringBuilder();
        s.append("\\version ").append(LilyPondSyntax.string(VERSION)).append('\n');
        s.append("\\language \"english\"\n");
        s.append("\\header {\n");
        if (!score.title().isBlank()) s.append("  title = ").append(LilyPondSyntax.string(score.title())).append('\n');
        if (!score.composer().isBlank()) {
            s.append("  composer = ").append(LilyPondSyntax.string(score.composer())).append('\n');
        }
        s.append("  tagline = ##f\n}\n");
        s.append("\\paper {\n  #(set-paper-size \"a4\")\n");
        if (onePage) s.append("  page-breaking = #ly:one-page-breaking\n");
        s.append("}\n");
        s.append("#(define segue-new-colour (rgb-color 0.0 0.33 0.8))\n");
        s.append(StaffWriter.NEW_BARS.substring(1)).append(" = { ").append(NEW_BAR_GROBS_IN_VOICE).append(" }\n");
        s.append(StaffWriter.NEW_BARS_STAFF.substring(1))
                .append(" = { \\override Staff.Accidental.color = #segue-new-colour }\n");
        s.append("\\score {\n<<\n");
        boolean first = true;
        for (int p = 0; p < score.parts().size(); p++) {
            Part part = score.parts().get(p);
            s.append(part(part, p, first, markFrom));
            first = false;
        }
        s.append(">>\n");
        s.append("\\layout {\n  \\context { \\Staff \\override TimeSignature.style = #'numbered }\n}\n}\n");
        return s.toString();
    }

    private static String part(Part part, int index, boolean first, int markFrom) {
        String name = part.name().isBlank() ? "" : "instrumentName = " + LilyPondSyntax.string(part.name());
        int staves = Math.max(1, part.staffCount());
        String id = "part" + (index + 1);
        if (staves == 1) return new StaffWriter(part, 1, first, markFrom).write(id, name);
        StringBuilder s = new StringBuilder("\\new PianoStaff");
        if (!name.isEmpty()) s.append(" \\with { ").append(name).append(" }");
        s.append(" <<\n");
        for (int staff = 1; staff <= staves; staff++) {
            s.append(new StaffWriter(part, staff, first && staff == 1, markFrom).write(id + "-staff" + staff, ""));
        }
        return s.append(">>\n").toString();
    }
}
