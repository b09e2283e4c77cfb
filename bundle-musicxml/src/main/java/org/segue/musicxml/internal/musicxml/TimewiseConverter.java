package org.segue.musicxml.internal.musicxml;

import java.util.LinkedHashMap;
import java.util.Map;

import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.ScoreTimewise;

/**
 * Turns a {@code score-timewise} document (measures holding parts) into {@code score-partwise} (parts holding
 * measures), as the official timepart.xsl does: the header is kept, and each part collects its measures in order.
 */
final class TimewiseConverter {

    private TimewiseConverter() {
    }

    static ScorePartwise toPartwise(ScoreTimewise timewise) {
        ScorePartwise partwise = new ScorePartwise();
        partwise.setVersion(timewise.getVersion());
        partwise.setWork(timewise.getWork());
        partwise.setMovementNumber(timewise.getMovementNumber());
        partwise.setMovementTitle(timewise.getMovementTitle());
        partwise.setIdentification(timewise.getIdentification());
        partwise.setDefaults(timewise.getDefaults());
        partwise.getCredit().addAll(timewise.getCredit());
        partwise.setPartList(timewise.getPartList());
        // keyed by the part's <score-part> (the resolved IDREF), so that each part keeps its header
        Map<Object, ScorePartwise.Part> parts = new LinkedHashMap<>();
        for (ScoreTimewise.Measure measure : timewise.getMeasure()) {
            for (ScoreTimewise.Measure.Part part : measure.getPart()) {
                Object key = part.getId() == null ? "P" + (parts.size() + 1) : part.getId();
                ScorePartwise.Part target = parts.computeIfAbsent(key, k -> newPart(part.getId()));
                target.getMeasure().add(copy(measure, part));
            }
        }
        partwise.getPart().addAll(parts.values());
        return partwise;
    }

    private static ScorePartwise.Part newPart(Object id) {
        ScorePartwise.Part part = new ScorePartwise.Part();
        part.setId(id);
        return part;
    }

    private static ScorePartwise.Part.Measure copy(ScoreTimewise.Measure measure, ScoreTimewise.Measure.Part part) {
        ScorePartwise.Part.Measure copy = new ScorePartwise.Part.Measure();
        copy.setNumber(measure.getNumber());
        copy.setImplicit(measure.getImplicit());
        copy.setNonControlling(measure.getNonControlling());
        copy.setText(measure.getText());
        copy.setWidth(measure.getWidth());
        copy.getNoteOrBackupOrForward().addAll(part.getNoteOrBackupOrForward());
        return copy;
    }
}
