package org.segue.musicxml.internal.musicxml;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.audiveris.proxymusic.Encoding;
import org.audiveris.proxymusic.Identification;
import org.audiveris.proxymusic.MidiInstrument;
import org.audiveris.proxymusic.ObjectFactory;
import org.audiveris.proxymusic.PartList;
import org.audiveris.proxymusic.PartName;
import org.audiveris.proxymusic.ScoreInstrument;
import org.audiveris.proxymusic.ScorePart;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.TypedText;
import org.audiveris.proxymusic.Work;
import org.segue.model.Clef;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;

/**
 * Turns a score into MusicXML 4.0 {@code score-partwise}: the title as {@code <work-title>}, the composer as
 * {@code <creator type="composer">}, a {@code <score-part>} with its name, a {@code <score-instrument>} and a
 * {@code <midi-instrument>} (piano, on the channel the MIDI writer uses) for each part, and the parts measure by
 * measure through {@link MeasureWriter}, each part with its own {@link Divisions}.
 */
final class ScoreWriter {

    static final String VERSION = "4.0";
    /** General MIDI program 1, numbered from 1 as MusicXML does; what the MIDI writer plays every part with. */
    private static final int ACOUSTIC_GRAND_PIANO = 1;
    private static final int DRUM_CHANNEL = 10;
    private static final Pattern XML_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

    private final String file;

    ScoreWriter(String file) {
        this.file = file;
    }

    ScorePartwise write(Score score) throws ScoreFileException {
        if (score.parts().isEmpty()) {
            throw new ScoreFileException(file, null, "the score has no parts; MusicXML needs at least one");
        }
        ScorePartwise xml = new ScorePartwise();
        xml.setVersion(VERSION);
        if (!score.title().isBlank()) {
            Work work = new Work();
            work.setWorkTitle(score.title());
            xml.setWork(work);
        }
        xml.setIdentification(identification(score.composer()));
        PartList partList = new PartList();
        xml.setPartList(partList);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < score.parts().size(); i++) {
            Part part = score.parts().get(i);
            ScorePart header = header(part, i, ids);
            partList.getPartGroupOrScorePart().add(header);
            xml.getPart().add(part(part, header));
        }
        return xml;
    }

    private static Identification identification(String composer) {
        Identification identification = new Identification();
        if (!composer.isBlank()) {
            TypedText creator = new TypedText();
            creator.setType("composer");
            creator.setValue(composer);
            identification.getCreator().add(creator);
        }
        Encoding encoding = new Encoding();
        encoding.getEncodingDateOrEncoderOrSoftware().add(new ObjectFactory().createEncodingSoftware("Segue"));
        identification.setEncoding(encoding);
        return identification;
    }

    /** The part's {@code <score-part>}: its id where that is a valid, unused XML id, else P1, P2 ... */
    private static ScorePart header(Part part, int index, Set<String> ids) {
        String id = part.id();
        for (int n = index + 1; !XML_ID.matcher(id).matches() || ids.contains(id); n++) id = "P" + n;
        ids.add(id);
        ScorePart header = new ScorePart();
        header.setId(id);
        PartName name = new PartName();
        name.setValue(part.name());
        header.setPartName(name);
        ScoreInstrument instrument = new ScoreInstrument();
        instrument.setId(id + "-I1");
        instrument.setInstrumentName(part.name().isBlank() ? "Piano" : part.name());
        header.getScoreInstrument().add(instrument);
        MidiInstrument midi = new MidiInstrument();
        midi.setId(instrument);
        midi.setMidiChannel(midiChannel(index));
        midi.setMidiProgram(ACOUSTIC_GRAND_PIANO);
        header.getMidiDeviceAndMidiInstrument().add(midi);
        return header;
    }

    /** As the MIDI writer plays them: part 1 on channel 1, the next parts on the next, never on the drums (10). */
    private static int midiChannel(int partIndex) {
        int channel = partIndex % 15 + 1;
        return channel >= DRUM_CHANNEL ? channel + 1 : channel;
    }

    private ScorePartwise.Part part(Part part, ScorePart header) throws ScoreFileException {
        if (part.measures().isEmpty()) {
            throw new ScoreFileException(file, "part " + header.getId(), "has no measures; MusicXML needs at least "
                    + "one per part");
        }
        ScorePartwise.Part xml = new ScorePartwise.Part();
        xml.setId(header);
        int staves = Math.max(1, part.staffCount());
        long divisions;
        try {
            divisions = Divisions.of(part);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ScoreFileException(file, "part " + header.getId(), OneLine.of(e)
                    + "; quantize the part before writing it", e);
        }
        MeasureWriter writer = new MeasureWriter(divisions, staves);
        Clef[] clefsInForce = new Clef[staves];
        List<Measure> measures = part.measures();
        for (int i = 0; i < measures.size(); i++) {
            Measure measure = measures.get(i);
            try {
                xml.getMeasure().add(writer.write(measure, i == 0 ? null : measures.get(i - 1), clefsInForce));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ScoreFileException(file, "part " + header.getId() + ", measure " + measure.number(),
                        OneLine.of(e) + "; this score cannot be written as MusicXML", e);
            }
        }
        return xml;
    }
}
