package org.segue.musicxml.internal.musicxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segue.model.Chord;
import org.segue.model.Clef;
import org.segue.model.ClefChange;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Mode;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.model.Tie;
import org.segue.model.TimeSignature;
import org.segue.model.Voice;
import org.segue.musicxml.ScoreFileException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class MusicXmlWriterTest {

    private static final KeySignature F_MAJOR = new KeySignature(-1, Mode.MAJOR);
    private static final TimeSignature THREE_FOUR = new TimeSignature(3, 4);

    private static XsdValidator xsd;

    @BeforeAll
    static void loadSchema() throws Exception {
        xsd = XsdValidator.load(SharedData.folder("musicxml-4.0-schema"), "musicxml.xsd");
    }

    private static Note n(String pitch, long num, long den) {
        return new Note(Pitch.parse(pitch), Duration.of(num, den));
    }

    private static Rest r(long num, long den) {
        return new Rest(Duration.of(num, den));
    }

    private static Voice voice(int number, int staff, Event... events) {
        return new Voice(number, staff, List.of(events));
    }

    /**
     * A piano piece in F: a pickup with a tempo mark, a measure with two voices on the upper staff, a chord, a
     * triplet, a tie across the bar line and a clef change in the lower staff, then a measure in C and 4/4 with a
     * note of 5/16 that no single note value expresses.
     */
    static Score pianoPiece() {
        List<Clef> pianoClefs = List.of(Clef.TREBLE, Clef.BASS);
        Measure pickup = new Measure("0", F_MAJOR, THREE_FOUR, pianoClefs, Tempo.quarterNotesPerMinute(90),
                Duration.QUARTER, List.of(voice(1, 1, n("C5", 1, 4)), voice(1, 2, r(1, 4))));
        Measure first = new Measure("1", F_MAJOR, THREE_FOUR, pianoClefs, null, Duration.of(3, 4), List.of(
                voice(1, 1, n("F4", 1, 4), n("A4", 1, 2).withTie(Tie.START)),
                voice(2, 1, n("C4", 3, 4)),
                voice(1, 2, new Chord(List.of(n("F2", 1, 2), n("C3", 1, 2))), n("A3", 1, 12), n("C4", 1, 12),
                        n("F4", 1, 12))),
                List.of(new ClefChange(2, Duration.HALF, Clef.TREBLE)));
        Measure second = new Measure("2", KeySignature.C_MAJOR, TimeSignature.COMMON,
                List.of(Clef.TREBLE, Clef.TREBLE), null, Duration.WHOLE, List.of(
                voice(1, 1, n("A4", 1, 4).withTie(Tie.STOP), n("G4", 5, 16), r(7, 16)),
                voice(1, 2, n("D4", 1, 1))));
        return new Score("Study", "A. Composer", List.of(new Part("P1", "Piano", List.of(pickup, first, second))));
    }

    private static byte[] write(Score score) throws ScoreFileException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MusicXmlFormat().write(score, out, "piece.musicxml");
        return out.toByteArray();
    }

    private static Document dom(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Document doc, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
    }

    private static List<String> texts(Document doc, String xpath) throws Exception {
        XPath path = XPathFactory.newInstance().newXPath();
        NodeList nodes = (NodeList) path.evaluate(xpath, doc, XPathConstants.NODESET);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()
                .trim()).toList();
    }

    @Test
    void pianoScoreValidatesAgainstTheMusicXmlSchema() throws Exception {
        byte[] xml = write(pianoPiece());
        assertThat(xsd.validate(xml)).isEmpty();
        Document doc = dom(xml);
        assertThat(text(doc, "/score-partwise/@version")).isEqualTo("4.0");
        assertThat(text(doc, "/score-partwise/work/work-title")).isEqualTo("Study");
        assertThat(text(doc, "//creator[@type='composer']")).isEqualTo("A. Composer");
        assertThat(text(doc, "//score-part[@id='P1']/part-name")).isEqualTo("Piano");
    }

    @Test
    void writtenScoreReadsBackToTheSameMusic() throws Exception {
        Score again = MusicXmlSnippets.read(write(pianoPiece()), "piece.musicxml");
        assertThat(MusicXmlRoundTripTest.difference(pianoPiece(), again)).isNull();
    }

    @Test
    void divisionsCoverEveryDenominatorOfThePart() throws Exception {
        // triplet eighths need 3 per quarter, 16ths need 4: 12
        assertThat(text(dom(write(pianoPiece())), "//measure[1]/attributes/divisions")).isEqualTo("12");
    }

    @Test
    void everyVoiceFillsTheMeasureWithBackupBetweenVoices() throws Exception {
        Document doc = dom(write(pianoPiece()));
        // measure 1 lasts 3 quarters = 36 divisions: each voice's notes (chord notes aside) add up to that
        for (String voice : List.of("1", "2", "5")) {
            List<String> durations = texts(doc, "//measure[@number='1']/note[voice='" + voice + "' and not(chord)]"
                    + "/duration");
            assertThat(durations.stream().mapToInt(Integer::parseInt).sum()).as("voice %s", voice).isEqualTo(36);
        }
        assertThat(texts(doc, "//measure[@number='1']/backup/duration")).startsWith("36", "36");
    }

    @Test
    void upperStaffVoicesAreNumberedFromOneAndLowerStaffVoicesFromFive() throws Exception {
        Document doc = dom(write(pianoPiece()));
        assertThat(texts(doc, "//measure[@number='1']/note[staff='1']/voice")).containsOnly("1", "2");
        assertThat(texts(doc, "//measure[@number='1']/note[staff='2']/voice")).containsOnly("5");
    }

    @Test
    void tieAcrossTheBarLineIsWrittenAsTieAndTied() throws Exception {
        Document doc = dom(write(pianoPiece()));
        String last = "//measure[@number='1']/note[voice='1'][last()]";
        assertThat(text(doc, last + "/tie/@type")).isEqualTo("start");
        assertThat(text(doc, last + "/notations/tied/@type")).isEqualTo("start");
        String next = "//measure[@number='2']/note[voice='1'][1]";
        assertThat(text(doc, next + "/tie/@type")).isEqualTo("stop");
        assertThat(text(doc, next + "/notations/tied/@type")).isEqualTo("stop");
    }

    @Test
    void typeDotsAndTimeModificationComeFromEachDuration() throws Exception {
        Document doc = dom(write(pianoPiece()));
        assertThat(texts(doc, "//measure[@number='1']/note[voice='5' and time-modification]/type"))
                .containsExactly("eighth", "eighth", "eighth");
        assertThat(text(doc, "//measure[@number='1']/note[voice='5'][last()]/time-modification/actual-notes"))
                .isEqualTo("3");
        // 5/16 is a quarter tied to a 16th; the 7/16 rest is a double-dotted quarter
        assertThat(texts(doc, "//measure[@number='2']/note[voice='1']/type"))
                .containsExactly("quarter", "quarter", "16th", "quarter");
        assertThat(texts(doc, "//measure[@number='2']/note[voice='1'][pitch/step='G']/tie/@type"))
                .containsExactly("start", "stop");
        assertThat(texts(doc, "//measure[@number='2']/note[rest]/dot")).hasSize(2);
        assertThat(texts(doc, "//measure[@number='1']/note[voice='2']/dot")).hasSize(1); // 3/4: a dotted half
    }

    @Test
    void pickupMeasureIsImplicitAndKeepsItsLength() throws Exception {
        Document doc = dom(write(pianoPiece()));
        assertThat(text(doc, "//measure[1]/@implicit")).isEqualTo("yes");
        assertThat(text(doc, "//measure[1]/note[voice='1']/duration")).isEqualTo("12");
        assertThat(text(doc, "//measure[2]/@implicit")).isEmpty();
    }

    @Test
    void tempoIsAMetronomeMarkWithSoundTempo() throws Exception {
        Document doc = dom(write(pianoPiece()));
        assertThat(text(doc, "//measure[1]/direction/direction-type/metronome/beat-unit")).isEqualTo("quarter");
        assertThat(text(doc, "//measure[1]/direction/direction-type/metronome/per-minute")).isEqualTo("90");
        assertThat(text(doc, "//measure[1]/direction/sound/@tempo")).isEqualTo("90");
        assertThat(texts(doc, "//direction")).hasSize(1);
    }

    @Test
    void dottedBeatUnitsKeepTheirDotAndSoundTempoCountsQuarters() throws Exception {
        Score piece = pianoPiece();
        Part part = piece.parts().get(0);
        Measure pickup = part.measures().get(0).withTempo(new Tempo(Duration.of(3, 8), 60));
        Score dotted = piece.withParts(List.of(part.withMeasures(List.of(pickup, part.measures().get(1),
                part.measures().get(2)))));
        Document doc = dom(write(dotted));
        assertThat(texts(doc, "//metronome/*")).containsExactly("quarter", "", "60");
        assertThat(text(doc, "//sound/@tempo")).isEqualTo("90");
    }

    @Test
    void keyTimeAndClefsAreWrittenWhereTheyChange() throws Exception {
        Document doc = dom(write(pianoPiece()));
        assertThat(texts(doc, "//measure/attributes/key/fifths")).containsExactly("-1", "0");
        assertThat(texts(doc, "//measure[@number='2']/attributes/time/beats")).containsExactly("4");
        assertThat(texts(doc, "//measure[@number='1']/attributes/time")).isEmpty();
        assertThat(text(doc, "//measure[1]/attributes/staves")).isEqualTo("2");
        assertThat(texts(doc, "//measure[1]/attributes/clef/sign")).containsExactly("G", "F");
        // the lower staff's change to treble inside measure 1 carries into measure 2: no clef there
        assertThat(texts(doc, "//measure[@number='2']/attributes/clef")).isEmpty();
    }

    @Test
    void clefChangeInsideAMeasureIsWrittenAtItsOffset() throws Exception {
        Document doc = dom(write(pianoPiece()));
        // after the last voice (at 36 divisions) a backup of 12 leads to the change at the half note (24)
        assertThat(text(doc, "//measure[@number='1']/attributes[clef]/preceding-sibling::*[1]/duration"))
                .isEqualTo("12");
        assertThat(text(doc, "//measure[@number='1']/attributes[clef]/clef/@number")).isEqualTo("2");
        assertThat(text(doc, "//measure[@number='1']/attributes[clef]/clef/sign")).isEqualTo("G");
    }

    @Test
    void staffWithoutVoicesGetsAWholeMeasureRest() throws Exception {
        Measure upperOnly = new Measure("1", KeySignature.C_MAJOR, TimeSignature.COMMON, List.of(Clef.TREBLE,
                Clef.BASS), null, Duration.WHOLE, List.of(voice(1, 1, n("C5", 1, 2))));
        Score score = new Score("", "", List.of(new Part("P1", "", List.of(upperOnly))));
        byte[] xml = write(score);
        assertThat(xsd.validate(xml)).isEmpty();
        Document doc = dom(xml);
        assertThat(text(doc, "//note[voice='5']/rest/@measure")).isEqualTo("yes");
        assertThat(texts(doc, "//note[voice='1']/duration")).containsExactly("2", "2"); // filled with a half rest
    }

    @Test
    void scoreWithoutPartsIsRefused() {
        assertThatThrownBy(() -> write(new Score("t", "", List.of()))).isInstanceOf(ScoreFileException.class)
                .hasMessage("piece.musicxml: the score has no parts; MusicXML needs at least one");
    }

    @Test
    void partWithoutMeasuresIsRefused() {
        assertThatThrownBy(() -> write(new Score("t", "", List.of(new Part("Pno", "Piano", List.of())))))
                .isInstanceOf(ScoreFileException.class)
                .hasMessage("piece.musicxml: part Pno: has no measures; MusicXML needs at least one per part");
    }

    @Test
    void pitchBelowOctaveZeroIsRefusedWithItsPlace() {
        Measure low = new Measure("3", KeySignature.C_MAJOR, TimeSignature.COMMON, List.of(Clef.BASS), null,
                Duration.WHOLE, List.of(voice(1, 1, new Note(new Pitch(org.segue.model.Step.B, 0, -1),
                Duration.WHOLE))));
        assertThatThrownBy(() -> write(new Score("", "", List.of(new Part("P1", "", List.of(low))))))
                .isInstanceOf(ScoreFileException.class)
                .hasMessageStartingWith("piece.musicxml: part P1, measure 3: pitch B-1 is below octave 0");
    }
}
