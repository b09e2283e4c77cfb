package org.segue.musicxml.internal.musicxml;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.audiveris.proxymusic.Notations;
import org.audiveris.proxymusic.StartStop;
import org.audiveris.proxymusic.Tie;
import org.audiveris.proxymusic.Tied;
import org.audiveris.proxymusic.TimeModification;
import org.audiveris.proxymusic.Unpitched;
import org.audiveris.proxymusic.YesNo;
import org.segue.model.Duration;
import org.segue.model.Pitch;
import org.segue.model.Step;
import org.segue.musicxml.internal.musicxml.ReadNotices.Kind;

/**
 * Reads one {@code <note>} into a {@link TimedEvent} and moves the measure cursor.
 *
 * <ul>
 * <li>Duration: {@code <duration>} where it is given and positive, as MuseScore does, even where it contradicts
 * {@code <type>}, {@code <dot>} and {@code <time-modification>} (a warning names the first such note); otherwise
 * the length those three give, also with a warning. A note with neither is refused.</li>
 * <li>Grace notes are dropped: they take no time, so the model cannot place them. Cue notes take time but are not
 * played: the cursor moves on and their time stays silent.</li>
 * <li>Pitch: {@code <alter>} is rounded to the nearest semitone, half-tones away from natural (a half-sharp is read
 * as a sharp); a transposing part keeps its written pitches (the measure holds its transposition); unpitched notes
 * are kept as such, at their display step and octave (B4 without one).</li>
 * <li>Ties come from {@code <tie>}, or from {@code <notations><tied>} where a note has no {@code <tie>}.</li>
 * </ul>
 */
final class NoteReader {

    private static final Pitch UNPITCHED_DEFAULT = new Pitch(Step.B, 0, 4);

    private final VoiceNumbers voices;
    private final ReadNotices notices;

    NoteReader(VoiceNumbers voices, ReadNotices notices) {
        this.voices = voices;
        this.notices = notices;
    }

    void read(org.audiveris.proxymusic.Note note, MeasureCursor cursor, AttributesState state, String place) {
        if (note.getGrace() != null) {
            notices.add(Kind.GRACE_DROPPED, place);
            return;
        }
        Duration duration = duration(note, state, place);
        Duration onset = cursor.placeNote(duration, note.getChord() != null);
        if (note.getCue() != null) {
            notices.add(Kind.CUE_SILENCED, place);
            return;
        }
        int staff = note.getStaff() == null ? 1 : note.getStaff().intValue();
        int voice = voices.numberOf(note.getVoice());
        if (note.getRest() != null) {
            cursor.add(TimedEvent.rest(staff, voice, onset, duration));
            return;
        }
        Pitch pitch = pitch(note, place);
        boolean[] tie = ties(note);
        cursor.add(new TimedEvent(staff, voice, onset, duration, pitch, tie[0], tie[1], note.getPitch() == null));
    }

    private Duration duration(org.audiveris.proxymusic.Note note, AttributesState state, String place) {
        Duration written = writtenDuration(note);
        BigDecimal count = note.getDuration();
        if (count != null && count.signum() > 0) {
            Duration duration;
            try {
                duration = state.duration(count);
            } catch (IllegalArgumentException | ArithmeticException unusable) {
                if (written == null) throw unusable;
                notices.add(Kind.DURATION_REPAIRED, place + ": " + OneLine.of(unusable));
                return written;
            }
            if (written != null && !written.equals(duration) && note.getRest() == null) {
                notices.add(Kind.DURATION_MISMATCH, place + ": <duration> " + count.toString() + " is "
                        + duration + " but <type> " + note.getType().getValue() + " gives " + written);
            }
            return duration;
        }
        if (note.getRest() != null && note.getRest().getMeasure() == YesNo.YES) {
            return state.time().measureLength();
        }
        if (written == null) {
            throw new IllegalArgumentException("a note has neither a <duration> nor a <type>; add a <duration>");
        }
        notices.add(Kind.DURATION_FROM_TYPE, place);
        return written;
    }

    /** The length that {@code <type>}, {@code <dot>} and {@code <time-modification>} give, or null without a type. */
    static Duration writtenDuration(org.audiveris.proxymusic.Note note) {
        Duration type = note.getType() == null ? null : NoteValue.typeDuration(note.getType().getValue());
        if (type == null) return null;
        Duration written = NoteValue.dotted(type, note.getDot().size());
        TimeModification tuplet = note.getTimeModification();
        if (tuplet != null && tuplet.getActualNotes() != null && tuplet.getNormalNotes() != null
                && tuplet.getActualNotes().signum() > 0 && tuplet.getNormalNotes().signum() > 0) {
            written = written.times(Duration.of(tuplet.getNormalNotes().longValueExact(),
                    tuplet.getActualNotes().longValueExact()));
        }
        return written;
    }

    private Pitch pitch(org.audiveris.proxymusic.Note note, String place) {
        if (note.getPitch() != null) {
            org.audiveris.proxymusic.Pitch p = note.getPitch();
            if (p.getStep() == null) throw new IllegalArgumentException("a <pitch> has no valid <step>");
            return spelled(Step.valueOf(p.getStep().name()), p.getAlter(), p.getOctave(), place);
        }
        Unpitched unpitched = note.getUnpitched();
        if (unpitched != null) {
            notices.add(Kind.UNPITCHED, place);
            if (unpitched.getDisplayStep() == null || unpitched.getDisplayOctave() == null) return UNPITCHED_DEFAULT;
            return new Pitch(Step.valueOf(unpitched.getDisplayStep().name()), 0, unpitched.getDisplayOctave());
        }
        throw new IllegalArgumentException("a <note> has no <pitch>, <unpitched> or <rest>; add one of them");
    }

    private Pitch spelled(Step step, BigDecimal alter, int octave, String place) {
        int semitones = 0;
        if (alter != null) {
            if (alter.abs().compareTo(BigDecimal.TEN) > 0) {
                throw new IllegalArgumentException("<alter> " + alter + " is not a number of semitones a note can "
                        + "have; use -2 to 2");
            }
            BigDecimal rounded = alter.setScale(0, RoundingMode.HALF_UP);
            if (rounded.compareTo(alter) != 0) notices.add(Kind.MICROTONE, place + ": <alter> " + alter.toString());
            semitones = rounded.intValueExact();
        }
        if (semitones >= -2 && semitones <= 2) return new Pitch(step, semitones, octave);
        notices.add(Kind.ALTER_RESPELLED, place + ": <alter> " + semitones);
        return Pitch.fromMidi(new Pitch(step, 0, octave).midi() + semitones, semitones < 0);
    }

    /** [tied from the previous note, tied to the next note]. */
    private static boolean[] ties(org.audiveris.proxymusic.Note note) {
        boolean[] tie = new boolean[2];
        for (Tie t : note.getTie()) {
            if (t.getType() == StartStop.STOP) tie[0] = true;
            if (t.getType() == StartStop.START) tie[1] = true;
        }
        if (!note.getTie().isEmpty()) return tie;
        for (Notations notations : note.getNotations()) {
            for (Object o : notations.getTiedOrSlurOrTuplet()) {
                if (!(o instanceof Tied tied) || tied.getType() == null) continue;
                switch (tied.getType()) {
                    case STOP -> tie[0] = true;
                    case START -> tie[1] = true;
                    case CONTINUE -> {
                        tie[0] = true;
                        tie[1] = true;
                    }
                    default -> { } // let-ring: the note is not tied to another
                }
            }
        }
        return tie;
    }
}
