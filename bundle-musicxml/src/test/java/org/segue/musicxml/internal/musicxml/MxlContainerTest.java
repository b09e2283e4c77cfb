package org.segue.musicxml.internal.musicxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.firstMeasure;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.note;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.partwise;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;

class MxlContainerTest {

    private static final String SCORE = partwise(firstMeasure(1, note("B3", 4, "whole", "<voice>1</voice>")));
    private static final String CONTAINER = "<?xml version=\"1.0\"?><container><rootfiles>"
            + "<rootfile full-path=\"%s\" media-type=\"application/vnd.recordare.musicxml+xml\"/>"
            + "</rootfiles></container>";

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rootFileIsFoundThroughContainerXml() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("decoy.xml", utf8("<?xml version=\"1.0\"?><not-a-score/>"));
        entries.put("META-INF/container.xml", utf8(String.format(CONTAINER, "music/song.musicxml")));
        entries.put("music/song.musicxml", utf8(SCORE));
        assertThat(new MxlContainer().rootFile(zip(entries), "a.mxl")).isEqualTo(utf8(SCORE));
    }

    @Test
    void firstScoreAtTheTopLevelIsUsedWithoutContainerXml() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/other.xml", utf8("<x/>"));
        entries.put("deeper/inner.xml", utf8("<y/>"));
        entries.put("score.xml", utf8(SCORE));
        assertThat(new MxlContainer().rootFile(zip(entries), "a.mxl")).isEqualTo(utf8(SCORE));
    }

    @Test
    void containerNamingAMissingFileIsRefused() throws Exception {
        byte[] zip = zip(Map.of("META-INF/container.xml", utf8(String.format(CONTAINER, "gone.xml"))));
        assertThatThrownBy(() -> new MxlContainer().rootFile(zip, "a.mxl")).isInstanceOf(ScoreFileException.class)
                .hasMessage("a.mxl: META-INF/container.xml: names the score 'gone.xml', which the archive does not "
                        + "hold; compress the file again from a score editor");
    }

    @Test
    void archiveThatUnpacksBeyondTheBoundIsRefused() throws Exception {
        // 65 MiB of zeros deflate to about 64 KiB: a small zip bomb
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("score.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 65; i++) zip.write(zeros);
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> MusicXmlSnippets.read(bytes.toByteArray(), "bomb.mxl"))
                .isInstanceOf(ScoreFileException.class)
                .hasMessage("bomb.mxl: unpacks to more than 64 MiB; refused as a possible zip bomb "
                        + "(a score is far smaller)");
    }

    @Test
    void archiveWithTooManyEntriesIsRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) entries.put("f" + i + ".txt", utf8("x"));
        assertThatThrownBy(() -> new MxlContainer(1024, 10).rootFile(zip(entries), "many.mxl"))
                .isInstanceOf(ScoreFileException.class).hasMessageContaining("more than 10 entries");
    }

    @Test
    void brokenArchiveIsRefusedWithOneLine() {
        byte[] truncated = new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertThatThrownBy(() -> MusicXmlSnippets.read(truncated, "cut.mxl")).isInstanceOf(ScoreFileException.class)
                .hasMessageStartingWith("cut.mxl: ").hasMessageNotContaining("\n");
    }

    @Test
    void writtenArchiveStartsWithTheMimetypeAndReadsBack() throws Exception {
        Score score = MusicXmlSnippets.read(SCORE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MusicXmlFormat().write(score, out, "out.mxl");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            ZipEntry first = zip.getNextEntry();
            assertThat(first.getName()).isEqualTo("mimetype");
            assertThat(first.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(new String(zip.readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("application/vnd.recordare.musicxml");
            assertThat(zip.getNextEntry().getName()).isEqualTo("META-INF/container.xml");
        }
        Score again = MusicXmlSnippets.read(out.toByteArray(), "out.mxl");
        assertThat(MusicXmlRoundTripTest.difference(score, again)).isNull();
    }
}
