package org.segue.musicxml.internal.musicxml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.Backup;
import org.audiveris.proxymusic.Direction;
import org.audiveris.proxymusic.Forward;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.Sound;
import org.segue.model.Duration;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Tempo;
import org.segue.model.Voice;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.internal.musicxml.ReadNotices.Kind;

/**
 * Reads one {@code <part>}, measure by measure, with a {@link MeasureCursor} per measure and the
 * {@link AttributesState} carried across measures. Every measure of the part gets as many staves as the part uses
 * anywhere ({@code <staves>}, or the highest {@code <staff>} of a note or clef). Harmony, figured bass, lyrics,
 * dynamics, articulations, beams, layout and repeats are not read (repeats are not unrolled).
 */
final class PartReader {

    private final String file;
    private final String id;
    private final String name;
    private final ReadNotices notices;

    PartReader(String file, String id, String name, ReadNotices notices) {
        this.file = file;
        this.id = id;
        this.name = name;
        this.notices = notices;
    }

    Part read(List<ScorePartwise.Part.Measure> measures) throws ScoreFileException {
        int staves;
        try {
            staves = PartScan.staves(measures);
        } catch (IllegalArgumentException e) {
            throw new ScoreFileException(file, "part " + id, OneLine.of(e) + "; split it into several parts", e);
        }
        AttributesState state = new AttributesState(staves);
        BigDecimal late = PartScan.lateDivisions(measures);
        if (late != null) {
            state.startWithDivisions(late);
            notices.add(Kind.LATE_DIVISIONS, "part " + id + ": <divisions> " + late.toString());
        }
        NoteReader notes = new NoteReader(new VoiceNumbers(PartScan.largestNumericVoice(measures)), notices);
        List<Measure> result = new ArrayList<>(measures.size());
        for (int i = 0; i < measures.size(); i++) {
            ScorePartwise.Part.Measure measure = measures.get(i);
            String number = measure.getNumber() == null || measure.getNumber().isBlank()
                    ? String.valueOf(i + 1) : measure.getNumber().trim();
            String place = "part " + id + ", measure " + number;
            try {
                result.add(readMeasure(measure, number, staves, state, notes, place));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ScoreFileException(file, place, OneLine.of(e)
                        + "; correct this measure in a score editor and export the file again", e);
            }
        }
        return new Part(id, name, result);
    }

    private Measure readMeasure(ScorePartwise.Part.Measure measure, String number, int staves, AttributesState state,
                                NoteReader notes, String place) {
        MeasureCursor cursor = state.startMeasure();
        for (Object element : measure.getNoteOrBackupOrForward()) {
            if (element instanceof org.audiveris.proxymusic.Note note) {
                notes.read(note, cursor, state, place);
            } else if (element instanceof Backup backup) {
                if (!cursor.backup(state.backup(required(backup.getDuration(), "backup")))) {
                    notices.add(Kind.BACKUP_BEFORE_START, place);
                }
            } else if (element instanceof Forward forward) {
                cursor.forward(state.duration(required(forward.getDuration(), "forward")));
                if (cursor.position().compareTo(AttributesState.LONGEST) > 0) {
                    throw new IllegalArgumentException("<forward> moves " + cursor.position() + " whole notes "
                            + "into the measure, more than the " + AttributesState.LONGEST + " a measure can hold");
                }
            } else if (element instanceof Attributes attributes) {
                state.apply(attributes, cursor, place, notices);
            } else if (element instanceof Direction direction) {
                tempo(cursor, TempoReader.of(direction));
            } else if (element instanceof Sound sound) {
                tempo(cursor, TempoReader.of(sound));
            }
        }
        state.endMeasure(cursor);
        Duration length = cursor.length();
        if (length.compareTo(AttributesState.LONGEST) > 0) {
            throw new IllegalArgumentException("the measure lasts " + length + " whole notes, more than the "
                    + AttributesState.LONGEST + " a measure can hold");
        }
        VoiceBuilder builder = new VoiceBuilder(length, staves);
        List<Voice> voices = builder.build(cursor.events());
        notices.add(Kind.REST_DROPPED, place, builder.droppedRests());
        notices.add(Kind.EXTRA_VOICE, place, builder.extraVoices());
        return new Measure(number, cursor.startKey, cursor.startTime, List.of(cursor.startClefs), cursor.tempo,
                length, voices, cursor.clefChanges(length), cursor.transposition);
    }

    private static void tempo(MeasureCursor cursor, Tempo tempo) {
        if (tempo != null) cursor.tempo(tempo);
    }

    private static BigDecimal required(BigDecimal duration, String element) {
        if (duration == null || duration.signum() < 0) {
            throw new IllegalArgumentException("a <" + element + "> has no valid <duration> (" + duration + ")");
        }
        return duration;
    }
}
