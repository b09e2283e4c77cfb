package org.segue.musicxml.internal.musicxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.firstMeasure;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.note;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.partwise;
import static org.segue.musicxml.internal.musicxml.MusicXmlSnippets.read;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.model.Pitch;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;

/** Files from anywhere are parsed without network, without external entities, and with bounded expansion. */
class SecureXmlTest {

    @TempDir
    Path temp;

    private static final String BODY = "<part-list><score-part id=\"P1\"><part-name>P</part-name></score-part>"
            + "</part-list><part id=\"P1\">" + firstMeasure(1, note("E4", 4, "whole", "<voice>1</voice>")) + "</part>";

    @Test
    void doctypeIsAcceptedWithoutLoadingItsDtd() throws Exception {
        // a DTD that would break the parse if it were ever loaded, and an address that cannot be reached
        Path brokenDtd = Files.writeString(temp.resolve("broken.dtd"), "<!ELEMENT this is not a DTD");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE score-partwise SYSTEM \"" + brokenDtd.toUri() + "\">\n"
                + "<score-partwise version=\"4.0\">" + BODY + "</score-partwise>";
        String online = "<?xml version=\"1.0\"?>\n<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 "
                + "Partwise//EN\" \"http://nonexistent.invalid/partwise.dtd\">\n<score-partwise version=\"4.0\">"
                + BODY + "</score-partwise>";
        assertThat(read(xml).parts()).hasSize(1);
        assertThat(read(online).parts()).hasSize(1);
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE score-partwise [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]>\n<score-partwise version=\"4.0\"><work><work-title>a&xxe;b</work-title></work>" + BODY
                + "</score-partwise>";
        try {
            Score score = read(xml);
            assertThat(score.title()).doesNotContain("TOP-SECRET");
        } catch (ScoreFileException refused) {
            assertThat(refused.getMessage()).doesNotContain("TOP-SECRET").doesNotContain("\n");
        }
    }

    @Test
    void entityExpansionIsBoundedAndRefusedQuickly() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE score-partwise [<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            String previous = "&a" + (i - 1) + ";";
            doctype.append("<!ENTITY a").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        doctype.append("]>");
        String xml = "<?xml version=\"1.0\"?>\n" + doctype + "\n<score-partwise version=\"4.0\"><work><work-title>"
                + "&a10;</work-title></work>" + BODY + "</score-partwise>";
        long start = System.nanoTime();
        assertThatThrownBy(() -> read(xml)).isInstanceOf(ScoreFileException.class)
                .hasMessageStartingWith("test.musicxml: line ").hasMessageContaining("exceeds a safety limit")
                .hasMessageNotContaining("\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void utf16FilesAreRead() throws Exception {
        String xml = partwise(firstMeasure(1, note("F#4", 4, "whole", "<voice>1</voice>")))
                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                .replace("<part-name>Piano</part-name>", "<part-name>Klavier \u00fc\u017c</part-name>");
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_16); // big-endian with a byte order mark
        Score score = read(bytes, "utf16.musicxml");
        assertThat(score.parts().get(0).name()).isEqualTo("Klavier \u00fc\u017c");
        assertThat(SoundingNotes.notes(score).get("0/1").get(0).pitch()).isEqualTo(Pitch.parse("F#4"));
    }

    @Test
    void textThatIsNotXmlIsRefusedWithOneLine() {
        assertThatThrownBy(() -> read("MThd this is no score".getBytes(StandardCharsets.US_ASCII), "song.xml"))
                .isInstanceOf(ScoreFileException.class).hasMessageStartingWith("song.xml: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        String xml = partwise(firstMeasure(1, note("C4", 4, "whole"))).replace("</measure>", "</measur>");
        assertThatThrownBy(() -> read(xml)).isInstanceOf(ScoreFileException.class)
                .hasMessageMatching("test\\.musicxml: line \\d+, column \\d+: is not well-formed XML \\(.*\\); "
                        + "repair the file or export it again");
    }

    @Test
    void otherXmlDocumentsAreRefusedNamingTheirRoot() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><html><body/></html>"))
                .isInstanceOf(ScoreFileException.class)
                .hasMessage("test.musicxml: is not a MusicXML score: its root element is <html>, not <score-partwise> "
                        + "or <score-timewise>; open it in a score editor and export MusicXML");
    }

    @Test
    void emptyInputIsRefused() {
        assertThatThrownBy(() -> read(new byte[0], "empty.musicxml")).isInstanceOf(ScoreFileException.class)
                .hasMessage("empty.musicxml: is empty; there is no score in it");
    }

    @Test
    void valuesThatDoNotFitTheirTypeAreRefusedWithTheirLine() {
        String xml = partwise(firstMeasure(1, note("C4", 4, "whole"))).replace("<octave>4</octave>",
                "<octave>four</octave>");
        assertThatThrownBy(() -> read(xml)).isInstanceOf(ScoreFileException.class)
                .hasMessageStartingWith("test.musicxml: line ").hasMessageContaining("does not fit its MusicXML type")
                .hasMessageNotContaining("\n");
    }
}
