package org.segue.musicxml.internal.midi;

import java.util.ArrayList;
import java.util.List;

import org.segue.model.Duration;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.internal.midi.VoiceBuilder.VoiceLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a piano score from what a MIDI file holds: one part, "Piano", with a treble and a bass staff. The steps
 * are {@link StaffAssigner}, {@link LegatoGaps}, {@link Quantizer}, {@link SamePitchOverlaps}, {@link VoiceBuilder},
 * {@link MeasureLayout}, {@link TempoMap}, {@link KeyPlan} and {@link MeasureBuilder}.
 */
final class MidiScoreBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(MidiScoreBuilder.class);

    /** More measures than any piece has; a file needing more is damaged (a note a million bars away). */
    static final int MAX_MEASURES = 20_000;

    static final String PART_ID = "P1";
    static final String PART_NAME = "Piano";

    private MidiScoreBuilder() {
    }

    static Score build(MidiContent content, String fileName, LegatoGaps legato) throws ScoreFileException {
        StaffAssigner.Staves staves = StaffAssigner.assign(content);
        Quantizer quantizer = new Quantizer(content.ticksPerQuarter());
        List<QuantizedNote> allNotes = new ArrayList<>();
        List<List<VoiceLine>> voices = new ArrayList<>();
        int merged = 0;
        int trimmed = 0;
        int legatoNotes = 0;
        for (int staff = StaffAssigner.TREBLE; staff <= StaffAssigner.BASS; staff++) {
            LegatoGaps.Closed closed = legato.close(staves.staff(staff), content.ticksPerQuarter());
            legatoNotes += closed.lengthened();
            SamePitchOverlaps.Result clean =
                    SamePitchOverlaps.resolve(legato.closeOnGrid(quantizer.quantize(closed.notes(), staff)));
            merged += clean.merged();
            trimmed += clean.trimmed();
            allNotes.addAll(clean.notes());
            voices.add(VoiceBuilder.build(clean.notes()));
        }
        Duration end = allNotes.stream().map(QuantizedNote::end).max(Duration::compareTo).orElse(Duration.ZERO);
        List<MeasureLayout.Span> spans =
                MeasureLayout.layout(content.timeChanges(), quantizer, end, MAX_MEASURES, fileName);
        List<KeySignature> keys = KeyPlan.keys(content.keyChanges(), spans, quantizer, allNotes);
        List<Tempo> tempos = new TempoMap(content.tempoChanges(), content.ticksPerQuarter()).marks(spans);
        List<Measure> measures = new MeasureBuilder(spans, keys, tempos).build(voices);
        long lengthened = allNotes.stream().filter(QuantizedNote::lengthened).count();
        LOG.info("{}: {} notes, staves {}; {} measures; voices per staff {}/{}; {} notes lengthened to the next onset "
                + "(gaps of up to {}), {} lengthened to the grid, {} same-pitch notes merged, {} trimmed; key {}", fileName, allNotes.size(), staves.rule(),
                measures.size(), voices.get(0).size(), voices.get(1).size(), legatoNotes, legato.maxGap(), lengthened, merged, trimmed,
                keys.get(0).displayName());
        if (allNotes.isEmpty()) LOG.warn("{}: the file has no notes; the score is one measure of rests", fileName);
        return new Score(title(content, fileName), "", List.of(new Part(PART_ID, PART_NAME, measures)));
    }

    /** The first track's name or text, else the file name without its folder and extension. */
    static String title(MidiContent content, String fileName) {
        if (content.title() != null && !content.title().isBlank()) return content.title();
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
