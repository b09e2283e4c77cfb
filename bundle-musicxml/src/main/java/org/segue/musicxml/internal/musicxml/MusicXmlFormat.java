package org.segue.musicxml.internal.musicxml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;

import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.ScoreTimewise;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.internal.ScoreFormat;
import org.segue.musicxml.internal.musicxml.ReadNotices.Kind;

/**
 * MusicXML in and out, through proxymusic: {@code .musicxml} and {@code .xml} (plain) and {@code .mxl} (compressed).
 *
 * <p>Reading: a zip archive (whatever its name) is opened as {@code .mxl} ({@link MxlContainer}); a declared
 * encoding that contradicts the bytes is corrected ({@link XmlEncoding}); the XML is parsed safely
 * ({@link SecureXml}); {@code score-timewise} is converted to partwise ({@link TimewiseConverter}); then
 * {@link ScoreReader} builds the model. What is kept: pitches (as written, with each part's transposition;
 * microtones rounded to the nearest semitone; unpitched notes at their display position), exact onsets and
 * durations ({@code <duration>} preferred to {@code <type>}), ties, chords, voices per staff, clefs and clef
 * changes, keys, time signatures, the first tempo mark of each measure, part names, title and composer. What is
 * not: grace notes (dropped: they take no time), cue notes (their time stays silent), repeats (not unrolled),
 * lyrics, dynamics, articulations, harmony and layout. Each simplification is logged once per file.
 * Inputs larger than {@value #MAX_INPUT_BYTES} bytes are refused.
 *
 * <p>Writing: MusicXML 4.0 {@code score-partwise} ({@link ScoreWriter}), compressed for a name ending in
 * {@code .mxl}. The written file validates against the MusicXML 4.0 XSD.
 */
public class MusicXmlFormat implements ScoreFormat {

    static final int MAX_INPUT_BYTES = 64 * 1024 * 1024;

    private final MxlContainer container = new MxlContainer();

    @Override
    public Set<String> extensions() {
        return Set.of("musicxml", "xml", "mxl");
    }

    @Override
    public Score read(InputStream in, String name) throws ScoreFileException {
        return read(in, name, new ReadNotices(name));
    }

    /** Reads, counting what was accepted or changed in {@code notices} (and logging it). */
    Score read(InputStream in, String name, ReadNotices notices) throws ScoreFileException {
        byte[] bytes = readAll(in, name);
        if (bytes.length == 0) throw new ScoreFileException(name, null, "is empty; there is no score in it");
        if (MxlContainer.isZip(bytes)) bytes = container.rootFile(bytes, name);
        XmlEncoding.Checked checked = XmlEncoding.check(bytes);
        if (checked.correction() != null) notices.add(Kind.ENCODING_CORRECTED, "the XML declaration, which "
                + checked.correction());
        Object root = MusicXmlJaxb.unmarshal(checked.bytes(), name);
        ScorePartwise partwise = root instanceof ScoreTimewise timewise
                ? TimewiseConverter.toPartwise(timewise) : (ScorePartwise) root;
        return new ScoreReader(name, notices).read(partwise);
    }

    @Override
    public void write(Score score, OutputStream out, String name) throws ScoreFileException {
        ScorePartwise xml = new ScoreWriter(name).write(score);
        if (!name.toLowerCase(Locale.ROOT).endsWith(".mxl")) {
            MusicXmlJaxb.marshal(xml, out, name);
            return;
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        MusicXmlJaxb.marshal(xml, plain, name);
        try {
            MxlContainer.write(plain.toByteArray(), out);
        } catch (IOException e) {
            throw new ScoreFileException(name, null, "cannot be written: " + OneLine.of(e), e);
        }
    }

    private static byte[] readAll(InputStream in, String name) throws ScoreFileException {
        try {
            byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
            if (bytes.length > MAX_INPUT_BYTES) {
                throw new ScoreFileException(name, null, "is larger than " + MAX_INPUT_BYTES / (1024 * 1024)
                        + " MiB; refused (a score is far smaller)");
            }
            return bytes;
        } catch (IOException e) {
            throw new ScoreFileException(name, null, "cannot be read: " + OneLine.of(e), e);
        }
    }
}
