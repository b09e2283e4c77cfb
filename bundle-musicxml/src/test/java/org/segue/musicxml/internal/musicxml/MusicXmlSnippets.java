package org.segue.musicxml.internal.musicxml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;

/** Small MusicXML documents for tests, written the way editors write them. */
final class MusicXmlSnippets {

    static final String DOCTYPE = "<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 Partwise//EN\" "
            + "\"http://www.musicxml.org/dtds/partwise.dtd\">\n";

    private MusicXmlSnippets() {
    }

    /** A one-part score around the given measures. */
    static String partwise(String measures) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + DOCTYPE + "<score-partwise version=\"4.0\">\n"
                + "<part-list><score-part id=\"P1\"><part-name>Piano</part-name></score-part></part-list>\n"
                + "<part id=\"P1\">\n" + measures + "</part>\n</score-partwise>\n";
    }

    /** A measure whose first element sets divisions (per quarter) and a 4/4 time signature. */
    static String firstMeasure(int divisions, String content) {
        return "<measure number=\"1\"><attributes><divisions>" + divisions + "</divisions>"
                + "<time><beats>4</beats><beat-type>4</beat-type></time></attributes>\n" + content + "</measure>\n";
    }

    static String measure(String number, String content) {
        return "<measure number=\"" + number + "\">" + content + "</measure>\n";
    }

    /**
     * A pitched note like {@code note("C#4", 4, "quarter", "<voice>1</voice>", "<dot/>")}; the extra children are
     * put into the schema's order (chord, pitch, duration, tie, voice, type, dot, time-modification, staff, notations).
     */
    static String note(String pitch, int duration, String type, String... more) {
        String step = pitch.substring(0, 1);
        String alter = pitch.contains("#") ? "<alter>1</alter>" : pitch.substring(1).contains("b") ? "<alter>-1</alter>" : "";
        String octave = pitch.replaceAll("[^0-9-]", "");
        return element("<pitch><step>" + step + "</step>" + alter + "<octave>" + octave + "</octave></pitch>",
                duration, type, more);
    }

    static String rest(int duration, String type, String... more) {
        return element("<rest/>", duration, type, more);
    }

    private static final List<String> ORDER = List.of("<chord", "<pitch", "<rest", "<duration", "<tie", "<voice",
            "<type", "<dot", "<time-modification", "<staff", "<notations");

    private static String element(String content, int duration, String type, String... more) {
        List<String> parts = new ArrayList<>(List.of(more));
        parts.add(content);
        parts.add("<duration>" + duration + "</duration>");
        if (type != null) parts.add("<type>" + type + "</type>");
        parts.sort(Comparator.comparingInt(MusicXmlSnippets::rank));
        return "<note>" + String.join("", parts) + "</note>\n";
    }

    private static int rank(String part) {
        for (int i = 0; i < ORDER.size(); i++) if (part.startsWith(ORDER.get(i))) return i;
        throw new IllegalArgumentException("no place for " + part);
    }

    static Score read(String xml) throws ScoreFileException {
        return read(xml.getBytes(StandardCharsets.UTF_8), "test.musicxml");
    }

    static Score read(byte[] bytes, String name) throws ScoreFileException {
        return new MusicXmlFormat().read(new ByteArrayInputStream(bytes), name);
    }
}
