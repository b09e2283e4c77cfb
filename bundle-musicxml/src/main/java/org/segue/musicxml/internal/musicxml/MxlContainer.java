package org.segue.musicxml.internal.musicxml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.segue.musicxml.ScoreFileException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Compressed MusicXML ({@code .mxl}): a zip archive whose {@code META-INF/container.xml} names the score inside.
 * Reading is bounded: at most {@code maxEntries} entries and {@code maxBytes} bytes once decompressed, all entries
 * together, so a zip bomb is refused before it fills the memory; an entry whose name leads out of the archive
 * ({@code ../}, an absolute path) is refused too, although nothing is ever unpacked to disk. Where {@code container.xml} is missing, the first
 * {@code .musicxml} or {@code .xml} file at the top level (outside {@code META-INF}) is the score.
 */
final class MxlContainer {

    static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    static final int DEFAULT_MAX_ENTRIES = 1000;
    static final String MEDIA_TYPE = "application/vnd.recordare.musicxml";
    static final String SCORE_MEDIA_TYPE = "application/vnd.recordare.musicxml+xml";
    static final String CONTAINER = "META-INF/container.xml";
    static final String SCORE_ENTRY = "score.musicxml";

    private final long maxBytes;
    private final int maxEntries;

    MxlContainer() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES);
    }

    MxlContainer(long maxBytes, int maxEntries) {
        if (maxBytes < 1 || maxEntries < 1) throw new IllegalArgumentException("limits must be positive");
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    /** True when the bytes start like a zip archive (a local file header). */
    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** The bytes of the score file inside the archive. */
    byte[] rootFile(byte[] zip, String file) throws ScoreFileException {
        Map<String, byte[]> entries = unzip(zip, file);
        byte[] container = entries.get(CONTAINER);
        String path = container == null ? null : rootPath(container, file);
        if (path == null) path = firstScoreAtTopLevel(entries, file);
        byte[] score = entries.get(path);
        if (score == null) {
            throw new ScoreFileException(file, CONTAINER, "names the score '" + path
                    + "', which the archive does not hold; compress the file again from a score editor");
        }
        return score;
    }

    /** Writes {@code musicXml} as a compressed MusicXML archive: mimetype, container, score. */
    static void write(byte[] musicXml, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        byte[] mimetype = MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII);
        ZipEntry first = new ZipEntry("mimetype");
        first.setMethod(ZipEntry.STORED); // readers look for it uncompressed at the very start
        first.setSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        first.setCrc(crc.getValue());
        zip.putNextEntry(first);
        zip.write(mimetype);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(CONTAINER));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container>\n  <rootfiles>\n"
                + "    <rootfile full-path=\"" + SCORE_ENTRY + "\" media-type=\"" + SCORE_MEDIA_TYPE + "\"/>\n"
                + "  </rootfiles>\n</container>\n").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(SCORE_ENTRY));
        zip.write(musicXml);
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private Map<String, byte[]> unzip(byte[] zip, String file) throws ScoreFileException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (leavesTheArchive(entry.getName())) {
                    throw new ScoreFileException(file, null, "holds an entry named '" + OneLine.of(entry.getName())
                            + "', a path that leads out of the archive; refused (compress the score again)");
                }
                if (entries.size() >= maxEntries) {
                    throw new ScoreFileException(file, null, "the archive has more than " + maxEntries
                            + " entries; refused (a compressed MusicXML file holds a few)");
                }
                byte[] content = readBounded(in, maxBytes - total, file);
                total += content.length;
                if (!entry.isDirectory()) entries.put(entry.getName(), content);
            }
        } catch (ZipException | IllegalArgumentException e) { // the latter for entry names that are not UTF-8
            throw new ScoreFileException(file, null, "is not a readable zip archive (" + OneLine.of(e)
                    + "); compress it again or save it as .musicxml", e);
        } catch (IOException e) {
            throw new ScoreFileException(file, null, "cannot be unpacked (" + OneLine.of(e) + "): the archive is "
                    + "truncated or damaged; compress the score again or save it as .musicxml", e);
        }
        if (entries.isEmpty()) {
            throw new ScoreFileException(file, null, "is an empty zip archive; a .mxl file must hold a MusicXML score");
        }
        return entries;
    }

    /** An absolute path, a drive letter or a {@code ..} step: no score editor writes such entry names. */
    private static boolean leavesTheArchive(String name) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) return true;
        for (String step : path.split("/")) if (step.equals("..")) return true;
        return false;
    }

    private byte[] readBounded(InputStream in, long allowed, String file) throws IOException, ScoreFileException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            count += n;
            if (count > allowed) {
                throw new ScoreFileException(file, null, "unpacks to more than " + maxBytes / (1024 * 1024)
                        + " MiB; refused as a possible zip bomb (a score is far smaller)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String rootPath(byte[] container, String file) throws ScoreFileException {
        RootFileFinder finder = new RootFileFinder();
        try {
            XMLReader reader = SecureXml.newReader();
            reader.setContentHandler(finder);
            reader.parse(new InputSource(new ByteArrayInputStream(container)));
        } catch (SAXException | IOException e) {
            throw new ScoreFileException(file, CONTAINER, "is not well-formed XML (" + OneLine.of(e)
                    + "); compress the file again from a score editor", e);
        }
        return finder.path;
    }

    private static String firstScoreAtTopLevel(Map<String, byte[]> entries, String file) throws ScoreFileException {
        for (String name : entries.keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!name.contains("/") && (lower.endsWith(".musicxml") || lower.endsWith(".xml"))) return name;
        }
        throw new ScoreFileException(file, null, "the archive has no " + CONTAINER
                + " and no .musicxml or .xml file at its top level; it holds no MusicXML score");
    }

    /** Takes the first rootfile that is MusicXML (no media type, or the MusicXML one). */
    private static final class RootFileFinder extends DefaultHandler {
        String path;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            if (path != null || !"rootfile".equals(name)) return;
            String fullPath = attributes.getValue("full-path");
            String mediaType = attributes.getValue("media-type");
            if (fullPath != null && !fullPath.isBlank()
                    && (mediaType == null || mediaType.isBlank() || SCORE_MEDIA_TYPE.equals(mediaType.trim()))) {
                path = fullPath.trim();
            }
        }
    }
}
