package org.segue.musicxml.internal.musicxml;

import java.util.ArrayList;
import java.util.List;

import org.audiveris.proxymusic.Identification;
import org.audiveris.proxymusic.ScorePart;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.TypedText;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;

/**
 * Turns a partwise MusicXML score into the model: the title ({@code <movement-title>}, else {@code <work-title>}),
 * the first {@code <creator type="composer">}, and each part with the name its {@code <score-part>} gives.
 */
final class ScoreReader {

    private final String file;
    private final ReadNotices notices;

    ScoreReader(String file) {
        this(file, new ReadNotices(file));
    }

    /** With notices that the steps before (unpacking, decoding) already added to. */
    ScoreReader(String file, ReadNotices notices) {
        this.file = file;
        this.notices = notices;
    }

    Score read(ScorePartwise score) throws ScoreFileException {
        if (score.getPart().isEmpty()) {
            throw new ScoreFileException(file, null, "has no <part>, so there is no music to read; "
                    + "export the score again with its parts");
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < score.getPart().size(); i++) {
            ScorePartwise.Part part = score.getPart().get(i);
            ScorePart header = part.getId() instanceof ScorePart p ? p : null;
            String id = header != null && header.getId() != null ? header.getId() : "P" + (i + 1);
            String name = header != null && header.getPartName() != null ? header.getPartName().getValue() : "";
            parts.add(new PartReader(file, id, name, notices).read(part.getMeasure()));
        }
        notices.log();
        return new Score(title(score), composer(score.getIdentification()), parts);
    }

    private static String title(ScorePartwise score) {
        String movement = score.getMovementTitle();
        if (movement != null && !movement.isBlank()) return movement.trim();
        String work = score.getWork() == null ? null : score.getWork().getWorkTitle();
        return work == null ? "" : work.trim();
    }

    private static String composer(Identification identification) {
        if (identification == null) return "";
        for (TypedText creator : identification.getCreator()) {
            if ("composer".equalsIgnoreCase(creator.getType()) && creator.getValue() != null) {
                return creator.getValue().trim();
            }
        }
        return "";
    }
}
