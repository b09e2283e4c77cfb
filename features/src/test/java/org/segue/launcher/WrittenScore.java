package org.segue.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The music of one part of a MusicXML file as the tests compare it, whoever wrote the file (Segue, MuseScore):
 * per staff, the sounding notes with their onset, pitch, spelling and length, tied notes joined into one (so a
 * quarter tied to a 16th and a 5/16 note are the same music however each writer splits it); per measure, its
 * length and how far each voice of each staff reaches.
 */
final class WrittenScore {

    /** A fraction of a whole note. */
    record Time(long num, long den) implements Comparable<Time> {

        static final Time ZERO = new Time(0, 1);

        Time {
            if (den <= 0) throw new IllegalArgumentException("den must be > 0, not " + den);
            long g = gcd(Math.abs(num), den);
            num /= g;
            den /= g;
        }

        Time plus(Time other) {
            return new Time(num * other.den + other.num * den, den * other.den);
        }

        Time minus(Time other) {
            return plus(new Time(-other.num, other.den));
        }

        @Override
        public int compareTo(Time other) {
            return Long.compare(num * other.den, other.num * den);
        }

        @Override
        public String toString() {
            return num + "/" + den;
        }

        private static long gcd(long a, long b) {
            return b == 0 ? Math.max(a, 1) : gcd(b, a % b);
        }
    }

    /** A note as it sounds: from its onset (from the first measure asked for) for its whole tied length. */
    record Sounding(Time onset, int midi, String spelling, Time length) {

        @Override
        public String toString() {
            return spelling + "@" + onset + "+" + length;
        }
    }

    /**
     * A measure: its index (from 1), the length its time signature gives, and per voice ("staff/voice") the time
     * the voice reaches.
     */
    record MeasureFill(int index, Time timeSignature, Map<String, Time> voiceEnds) {

        /** Whether the staff has a voice and every voice of it reaches the end of the measure. */
        boolean filled(int staff) {
            List<Time> ends = voiceEnds.entrySet().stream().filter(e -> e.getKey().startsWith(staff + "/"))
                    .map(Map.Entry::getValue).toList();
            return !ends.isEmpty() && ends.stream().allMatch(end -> end.equals(timeSignature));
        }
    }

    /** One written notehead. */
    private record Head(int measure, int staff, Time onset, int midi, String spelling, Time length, boolean tieStart,
                        boolean tieStop) {
    }

    private final List<Head> heads = new ArrayList<>();
    private final Map<Integer, String> barStyles = new HashMap<>();
    private final List<MeasureFill> measures = new ArrayList<>();
    private final List<Time> starts = new ArrayList<>();

    private WrittenScore() {
    }

    /** The first part of a MusicXML file. */
    static WrittenScore readMusicXml(Path file) throws IOException {
        return parse(new InputSource(file.toUri().toString()), file.toString());
    }

    /**
     * The sounding notes of each staff (index 0: staff 1) of a continue answer's {@code newBars}, onsets counted from
     * the start of its first new measure.
     */
    static List<List<Sounding>> newBars(JsonNode bars) {
        List<Head> heads = new ArrayList<>();
        Time measureStart = Time.ZERO;
        int index = bars.path("firstMeasure").asInt();
        int staves = 0;
        for (JsonNode measure : bars.path("measures")) {
            String[] time = measure.path("time").asText().split("/");
            for (JsonNode staff : measure.path("staves")) {
                int number = staff.path("staff").asInt();
                staves = Math.max(staves, number);
                for (JsonNode voice : staff.path("voices")) {
                    Time at = Time.ZERO;
                    for (JsonNode event : voice.path("events")) {
                        Time duration = new Time(event.at("/duration/num").asLong(), event.at("/duration/den").asLong());
                        for (JsonNode pitch : event.path("pitches")) {
                            String step = pitch.path("step").asText();
                            int alter = pitch.path("alter").asInt();
                            int octave = pitch.path("octave").asInt();
                            heads.add(new Head(index, number, measureStart.plus(at), pitch.path("midi").asInt(),
                                    spelling(step, alter, octave), duration, pitch.path("tieStart").asBoolean(),
                                    pitch.path("tieStop").asBoolean()));
                        }
                        at = at.plus(duration);
                    }
                }
            }
            index++;
            measureStart = measureStart.plus(new Time(Long.parseLong(time[0]), Long.parseLong(time[1])));
        }
        List<List<Sounding>> sounding = new ArrayList<>();
        for (int staff = 1; staff <= staves; staff++) {
            int wanted = staff;
            sounding.add(joinTies(heads.stream().filter(h -> h.staff() == wanted).toList()));
        }
        return sounding;
    }

    private static WrittenScore parse(InputSource source, String name) throws IOException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            document = builder.parse(source);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(name + " is not well-formed MusicXML: " + e.getMessage(), e);
        }
        List<Element> parts = children(document.getDocumentElement(), "part");
        if (parts.isEmpty()) throw new IOException(name + " has no part");
        WrittenScore score = new WrittenScore();
        score.read(parts.get(0));
        return score;
    }

    private void read(Element part) {
        long divisions = 1;
        Time timeSignature = null;
        Time measureStart = Time.ZERO;
        int index = 0;
        for (Element measure : children(part, "measure")) {
            index++;
            Time position = Time.ZERO;
            Time lastOnset = Time.ZERO;
            Time length = Time.ZERO;
            Map<String, Time> voiceEnds = new LinkedHashMap<>();
            for (Element element : children(measure, null)) {
                switch (element.getTagName()) {
                    case "attributes" -> {
                        String text = childText(element, "divisions");
                        if (text != null) divisions = Long.parseLong(text.trim());
                        for (Element time : children(element, "time")) {
                            timeSignature = new Time(Long.parseLong(childText(time, "beats").trim()),
                                    Long.parseLong(childText(time, "beat-type").trim()));
                        }
                    }
                    case "barline" -> {
                        String style = childText(element, "bar-style");
                        if (style != null && !"left".equals(element.getAttribute("location"))) {
                            barStyles.put(index, style.trim());
                        }
                    }
                    case "backup" -> position = position.minus(duration(element, divisions));
                    case "forward" -> position = position.plus(duration(element, divisions));
                    case "note" -> {
                        if (!children(element, "grace").isEmpty()) continue;
                        Time duration = duration(element, divisions);
                        boolean chord = !children(element, "chord").isEmpty();
                        Time onset = chord ? lastOnset : position;
                        if (!chord) {
                            lastOnset = position;
                            position = position.plus(duration);
                        }
                        int staff = childText(element, "staff") == null ? 1 : Integer.parseInt(childText(element, "staff").trim());
                        String voice = childText(element, "voice") == null ? "1" : childText(element, "voice").trim();
                        voiceEnds.merge(staff + "/" + voice, onset.plus(duration), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                        if (position.compareTo(length) > 0) length = position;
                        List<Element> pitches = children(element, "pitch");
                        if (pitches.isEmpty()) continue;
                        Element pitch = pitches.get(0);
                        String step = childText(pitch, "step").trim();
                        String alterText = childText(pitch, "alter");
                        int alter = alterText == null ? 0 : (int) Math.round(Double.parseDouble(alterText.trim()));
                        int octave = Integer.parseInt(childText(pitch, "octave").trim());
                        boolean tieStart = false;
                        boolean tieStop = false;
                        for (Element tie : children(element, "tie")) {
                            tieStart |= "start".equals(tie.getAttribute("type"));
                            tieStop |= "stop".equals(tie.getAttribute("type"));
                        }
                        heads.add(new Head(index, staff, measureStart.plus(onset), midi(step, alter, octave),
                                spelling(step, alter, octave), duration, tieStart, tieStop));
                    }
                    default -> {
                    }
                }
            }
            starts.add(measureStart);
            measures.add(new MeasureFill(index, timeSignature == null ? length : timeSignature, voiceEnds));
            measureStart = measureStart.plus(length);
        }
    }

    /** The style of the bar line that ends measure {@code index} (1-based), "regular" where none is written. */
    String barStyle(int index) {
        return barStyles.getOrDefault(index, "regular");
    }

    int measureCount() {
        return measures.size();
    }

    List<MeasureFill> measures() {
        return measures;
    }

    /** Where measure {@code index} (1-based) starts. */
    Time start(int index) {
        return starts.get(index - 1);
    }

    /**
     * The sounding notes of one staff in measures {@code first..last} (1-based, inclusive), onsets counted from the
     * start of {@code first}.
     */
    List<Sounding> staff(int staff, int first, int last) {
        Time origin = start(first);
        List<Head> selected = new ArrayList<>();
        for (Head head : heads) {
            if (head.measure() < first || head.measure() > last || head.staff() != staff) continue;
            selected.add(new Head(head.measure(), staff, head.onset().minus(origin), head.midi(), head.spelling(),
                    head.length(), head.tieStart(), head.tieStop()));
        }
        return joinTies(selected);
    }

    /** Joins each note to the notes tied on from it, in time order; each chain counts once, from its first note. */
    private static List<Sounding> joinTies(List<Head> heads) {
        List<Head> ordered = new ArrayList<>(heads);
        ordered.sort(Comparator.comparing(Head::onset).thenComparingInt(Head::midi));
        List<Sounding> sounding = new ArrayList<>();
        Map<String, Integer> open = new HashMap<>(); // "midi@end" -> index in sounding of a chain that goes on
        for (Head head : ordered) {
            String key = head.midi() + "@" + head.onset();
            Integer chain = head.tieStop() ? open.remove(key) : null;
            if (chain != null) {
                Sounding earlier = sounding.get(chain);
                sounding.set(chain, new Sounding(earlier.onset(), earlier.midi(), earlier.spelling(),
                        earlier.length().plus(head.length())));
            } else {
                sounding.add(new Sounding(head.onset(), head.midi(), head.spelling(), head.length()));
                chain = sounding.size() - 1;
            }
            if (head.tieStart()) {
                Sounding current = sounding.get(chain);
                open.put(head.midi() + "@" + current.onset().plus(current.length()), chain);
            }
        }
        return sounding;
    }

    private static Time duration(Element element, long divisions) {
        return new Time(Long.parseLong(childText(element, "duration").trim()), divisions * 4);
    }

    static int midi(String step, int alter, int octave) {
        int semitone = switch (step) {
            case "C" -> 0;
            case "D" -> 2;
            case "E" -> 4;
            case "F" -> 5;
            case "G" -> 7;
            case "A" -> 9;
            case "B" -> 11;
            default -> throw new IllegalArgumentException("not a step: " + step);
        };
        return 12 * (octave + 1) + semitone + alter;
    }

    private static String spelling(String step, int alter, int octave) {
        return step + (alter < 0 ? "b".repeat(-alter) : "#".repeat(alter)) + octave;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (tag == null || tag.equals(element.getTagName()))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String childText(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }
}
