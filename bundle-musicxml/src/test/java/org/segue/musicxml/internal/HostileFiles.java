package org.segue.musicxml.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile and broken score files, made here so that none needs to be kept in the repository: what an attacker or
 * a broken exporter sends to a MusicXML, compressed MusicXML or MIDI reader. Each comes with a piece of the one
 * line it must be refused with (after the file name). Shared with the other modules' tests (the command line).
 */
public final class HostileFiles {

    /**
     * @param name the file name, whose extension picks the reader
     * @param bytes the content
     * @param expected a piece of the one-line message it is refused with; null for a file that must be read
     *        without fetching anything
     */
    public record Case(String name, byte[] bytes, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String BODY = "<part-list><score-part id=\"P1\"><part-name>Piano</part-name></score-part>"
            + "</part-list><part id=\"P1\"><measure number=\"1\"><attributes><divisions>1</divisions><time><beats>4"
            + "</beats><beat-type>4</beat-type></time></attributes>NOTE</measure></part>";
    private static final String NOTE = "<note><pitch><step>C</step><octave>4</octave></pitch><duration>4</duration>"
            + "<type>whole</type></note>";

    private HostileFiles() {
    }

    /** A one-measure MusicXML score; {@code note} replaces its only note, {@code doctype} goes before the root. */
    public static String score(String doctype, String note) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + "<score-partwise version=\"4.0\">"
                + BODY.replace("NOTE", note) + "</score-partwise>\n";
    }

    /**
     * Every case. {@code localUrl} is an address that must never be fetched (a test listens there and counts
     * connections); {@code localFile} a file that must never be read.
     */
    public static List<Case> cases(String localUrl, String localFile) {
        List<Case> cases = new ArrayList<>();
        String normal = score("", NOTE);
        // entities and DTDs of every kind
        cases.add(xml("external-entity-file.musicxml", score("<!DOCTYPE score-partwise [<!ENTITY x SYSTEM \""
                + localFile + "\">]>\n", NOTE.replace("<step>C", "<step>&x;C")), "declares the external entity 'x'"));
        cases.add(xml("external-entity-url.musicxml", score("<!DOCTYPE score-partwise [<!ENTITY x SYSTEM \""
                + localUrl + "\">]>\n", NOTE.replace("<step>C", "<step>&x;C")), "declares the external entity 'x'"));
        cases.add(xml("parameter-entity.musicxml", score("<!DOCTYPE score-partwise [<!ENTITY % p SYSTEM \""
                + localUrl + "\"> %p;]>\n", NOTE), "declares the external entity '%p'"));
        cases.add(xml("unparsed-entity.musicxml", score("<!DOCTYPE score-partwise [<!NOTATION n SYSTEM \"x\">"
                + "<!ENTITY u SYSTEM \"" + localUrl + "\" NDATA n>]>\n", NOTE), "declares the external entity 'u'"));
        StringBuilder laughs = new StringBuilder("<!DOCTYPE score-partwise [<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 12; i++) {
            laughs.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        cases.add(xml("billion-laughs.musicxml", score(laughs + "]>\n", NOTE.replace("<step>C", "<step>&a12;C")),
                "exceeds a safety limit of the XML parser"));
        String big = "x".repeat(100_000);
        cases.add(xml("quadratic-blowup.musicxml", score("<!DOCTYPE score-partwise [<!ENTITY b \"" + big + "\">]>\n",
                NOTE.replace("<step>C", "<step>" + "&b;".repeat(2_000) + "C")), "exceeds a safety limit"));
        cases.add(xml("deep-nesting.musicxml", normal.replace("<part-list>", "<credit>" + "<a>".repeat(50_000)
                + "</a>".repeat(50_000) + "</credit><part-list>"), "never nested that deeply"));
        cases.add(xml("external-dtd-only-network.musicxml", ("<?xml version=\"1.0\"?>\n<!DOCTYPE score-partwise "
                + "SYSTEM \"" + localUrl + "\">\n<score-partwise version=\"4.0\">" + BODY.replace("NOTE", NOTE)
                + "</score-partwise>"), null));
        // broken and truncated
        cases.add(new Case("empty.musicxml", new byte[0], "is empty; there is no score in it"));
        cases.add(new Case("empty.mxl", new byte[0], "is empty; there is no score in it"));
        cases.add(new Case("empty.mid", new byte[0], "is not a Standard MIDI File"));
        byte[] whole = normal.getBytes(StandardCharsets.UTF_8);
        cases.add(new Case("truncated.musicxml", Arrays.copyOf(whole, whole.length / 2), "is not well-formed XML"));
        byte[] mxl = mxl(List.of(new Entry("META-INF/container.xml", container("score.xml")),
                new Entry("score.xml", whole)));
        cases.add(new Case("truncated.mxl", Arrays.copyOf(mxl, mxl.length / 2), "truncated or damaged"));
        Random random = new Random(13);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        cases.add(new Case("random.musicxml", noise, "is not"));
        cases.add(new Case("random.mxl", noise, "is not"));
        cases.add(new Case("random.mid", noise, "is not a Standard MIDI File"));
        byte[] zipNoise = noise.clone();
        zipNoise[0] = 'P';
        zipNoise[1] = 'K';
        zipNoise[2] = 3;
        zipNoise[3] = 4;
        cases.add(new Case("random-zip.mxl", zipNoise, "truncated or damaged"));
        cases.add(xml("not-musicxml.musicxml", "<?xml version=\"1.0\"?><html><body>hello</body></html>",
                "its root element is <html>"));
        cases.add(xml("plain-text.xml", "this is not XML at all", "is not"));
        // archives
        cases.add(new Case("zip-bomb.mxl", mxl(List.of(new Entry("score.xml", new byte[80 * 1024 * 1024]))),
                "refused as a possible zip bomb"));
        cases.add(new Case("zip-slip.mxl", mxl(List.of(new Entry("META-INF/container.xml",
                container("../../evil.xml")), new Entry("../../evil.xml", whole))), "leads out of the archive"));
        cases.add(new Case("absolute-entry.mxl", mxl(List.of(new Entry("/etc/score.xml", whole))),
                "leads out of the archive"));
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < 2000; i++) many.add(new Entry("f" + i + ".txt", new byte[0]));
        cases.add(new Case("many-entries.mxl", mxl(many), "entries; refused"));
        cases.add(new Case("no-score.mxl", mxl(List.of(new Entry("readme.txt", "hi".getBytes()))),
                "holds no MusicXML score"));
        // numbers
        cases.add(xml("zero-divisions-no-type.musicxml", score("", NOTE.replace("<type>whole</type>", ""))
                .replace("<divisions>1", "<divisions>0"), "cannot be measured"));
        // repaired from <type>, with a warning on the log, into a valid score
        cases.add(xml("zero-divisions-with-type.musicxml", score("", NOTE).replace("<divisions>1", "<divisions>0"),
                null));
        cases.add(xml("negative-divisions-with-type.musicxml", score("", NOTE).replace("<divisions>1",
                "<divisions>-8"), null));
        cases.add(xml("enormous-duration-with-type.musicxml", score("", NOTE.replace("<duration>4",
                "<duration>99999999999")), null));
        cases.add(xml("zero-and-negative-durations-with-type.musicxml", score("", NOTE.replace("<duration>4",
                "<duration>0").replace("whole", "half") + NOTE.replace("<duration>4", "<duration>-2")
                .replace("whole", "half")), null));
        cases.add(xml("negative-backup.musicxml", score("", NOTE + "<backup><duration>-4</duration></backup>"),
                "has no valid <duration>"));
        cases.add(xml("enormous-duration-no-type.musicxml", score("", NOTE.replace("<duration>4", "<duration>"
                + "99999999999").replace("<type>whole</type>", "")), "a measure can hold"));
        cases.add(xml("enormous-exponent.musicxml", score("", NOTE.replace("<duration>4", "<duration>1E999999999")
                .replace("<type>whole</type>", "")), "too many digits"));
        cases.add(xml("tiny-exponent.musicxml", score("", NOTE.replace("<duration>4", "<duration>1E-999999999")
                .replace("<type>whole</type>", "")), "too many digits"));
        cases.add(xml("enormous-divisions.musicxml", score("", NOTE.replace("<type>whole</type>", ""))
                .replace("<divisions>1", "<divisions>1E999999999"), "too many digits"));
        cases.add(xml("enormous-forward.musicxml", score("", NOTE + "<forward><duration>1000000</duration></forward>"),
                "a measure can hold"));
        cases.add(xml("enormous-alter.musicxml", score("", NOTE.replace("<step>C</step>",
                "<step>C</step><alter>1E999999999</alter>")), "is not a number of semitones"));
        cases.add(xml("enormous-transpose.musicxml", score("", NOTE).replace("</time>", "</time><transpose>"
                + "<chromatic>1E999999999</chromatic></transpose>"), "more than ten octaves"));
        cases.add(xml("too-many-staves.musicxml", score("", NOTE.replace("</type>", "</type><staff>1000000</staff>")),
                "staves"));
        // MIDI
        cases.add(new Case("not-midi.mid", normal.getBytes(StandardCharsets.UTF_8), "is not a Standard MIDI File"));
        cases.add(new Case("header-only.mid", midiHeader(1, 1, 480), "track 1"));
        cases.add(new Case("huge-track-length.mid", concat(midiHeader(0, 1, 480), new byte[] {'M', 'T', 'r', 'k',
                0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, (byte) 0x90, 60, 100}), "truncated"));
        cases.add(new Case("many-tracks-declared.mid", midiHeader(1, 65535, 480), "track"));
        cases.add(new Case("zero-ticks.mid", concat(midiHeader(0, 1, 0), track(new byte[] {0, (byte) 0x90, 60, 100,
                0x60, (byte) 0x80, 60, 0, 0, (byte) 0xFF, 0x2F, 0})), "ticks"));
        cases.add(new Case("endless-delta.mid", concat(midiHeader(0, 1, 480), track(new byte[] {(byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x90, 60, 100})), ""));
        // found by fuzzing (ScoreReadersFuzzTest): a status byte where a note's key should be
        cases.add(new Case("status-byte-as-data.mid", concat(midiHeader(0, 1, 480), track(new byte[] {0, (byte) 0x99,
                (byte) 0xE2, (byte) 0x9B, 0x7C, 0, (byte) 0xFF, 0x2F, 0})), "data bytes are below 0x80"));
        cases.add(new Case("no-notes.mid", concat(midiHeader(0, 1, 480), track(new byte[] {0, (byte) 0xFF, 0x2F, 0})),
                null)); // an empty piece: it reads, and only continue refuses it

        return cases;
    }

    private static Case xml(String name, String text, String expected) {
        return new Case(name, text.getBytes(StandardCharsets.UTF_8), expected);
    }

    private record Entry(String name, byte[] content) {
    }

    private static byte[] container(String path) {
        return ("<?xml version=\"1.0\"?><container><rootfiles><rootfile full-path=\"" + path
                + "\" media-type=\"application/vnd.recordare.musicxml+xml\"/></rootfiles></container>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mxl(List<Entry> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Entry e : entries) {
                    zip.putNextEntry(new ZipEntry(e.name()));
                    zip.write(e.content());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] midiHeader(int type, int tracks, int division) {
        return new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, (byte) type, (byte) (tracks >> 8), (byte) tracks,
                (byte) (division >> 8), (byte) division};
    }

    private static byte[] track(byte[] events) {
        int n = events.length;
        return concat(new byte[] {'M', 'T', 'r', 'k', (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8),
                (byte) n}, events);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
