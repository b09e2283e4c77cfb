package org.segue.musicxml.internal.musicxml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.audiveris.proxymusic.AboveBelow;
import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.Backup;
import org.audiveris.proxymusic.Direction;
import org.audiveris.proxymusic.DirectionType;
import org.audiveris.proxymusic.Empty;
import org.audiveris.proxymusic.Key;
import org.audiveris.proxymusic.Metronome;
import org.audiveris.proxymusic.ObjectFactory;
import org.audiveris.proxymusic.PerMinute;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.Sound;
import org.audiveris.proxymusic.Time;
import org.audiveris.proxymusic.Transpose;
import org.audiveris.proxymusic.YesNo;
import org.segue.model.Clef;
import org.segue.model.ClefChange;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Measure;
import org.segue.model.Mode;
import org.segue.model.Rest;
import org.segue.model.Tempo;
import org.segue.model.Transposition;
import org.segue.model.Voice;

/**
 * Writes one measure: the attributes that differ from what is in force (all of them in the first measure, and a
 * {@code <transpose>} where a transposing part's interval starts or changes), a tempo
 * mark, then each voice from the measure's start, staff by staff, with a {@code <backup>} before each further
 * voice. Voices are numbered from 1 on staff 1 and from 5 on staff 2 (4 per staff, more where a staff has more
 * voices). Every voice is filled to the measure's length with rests; a staff without a voice gets a whole-measure
 * rest. Clef changes inside the measure come last: a {@code <backup>} to their offset, then the clef.
 */
final class MeasureWriter {

    private static final ObjectFactory FACTORY = new ObjectFactory();
    private static final int VOICES_PER_STAFF = 4;

    private final long divisions;
    private final int staves;
    private final NoteWriter notes;
    private List<Object> content;
    private long position;

    MeasureWriter(long divisions, int staves) {
        this.divisions = divisions;
        this.staves = staves;
        this.notes = new NoteWriter(divisions, staves > 1);
    }

    /**
     * @param measure the measure to write
     * @param previous the measure before it, or null for the first
     * @param clefsInForce the clef of each staff at the end of the previous measure (index 0 is staff 1); updated
     */
    ScorePartwise.Part.Measure write(Measure measure, Measure previous, Clef[] clefsInForce) {
        ScorePartwise.Part.Measure xml = new ScorePartwise.Part.Measure();
        xml.setNumber(measure.number().isBlank() ? "0" : measure.number());
        if (previous == null && measure.length().compareTo(measure.time().measureLength()) < 0) {
            xml.setImplicit(YesNo.YES); // a pickup: its number is not shown and it does not count
        }
        content = xml.getNoteOrBackupOrForward();
        position = 0;
        Attributes attributes = attributes(measure, previous, clefsInForce);
        if (attributes != null) content.add(attributes);
        if (measure.tempo() != null) content.add(tempo(measure.tempo()));
        writeVoices(measure);
        writeClefChanges(measure.clefChanges(), clefsInForce);
        return xml;
    }

    private Attributes attributes(Measure measure, Measure previous, Clef[] clefsInForce) {
        Attributes attributes = new Attributes();
        boolean changed = false;
        if (previous == null) {
            attributes.setDivisions(BigDecimal.valueOf(divisions));
            if (staves > 1) attributes.setStaves(BigInteger.valueOf(staves));
            changed = true;
        }
        if (previous == null || !measure.key().equals(previous.key())) {
            Key key = new Key();
            key.setFifths(BigInteger.valueOf(measure.key().fifths()));
            if (measure.key().mode() != Mode.NONE) key.setMode(measure.key().mode().xmlName());
            attributes.getKey().add(key);
            changed = true;
        }
        if (previous == null || !measure.time().equals(previous.time())) {
            Time time = new Time();
            time.getTimeSignature().add(FACTORY.createTimeBeats(String.valueOf(measure.time().beats())));
            time.getTimeSignature().add(FACTORY.createTimeBeatType(String.valueOf(measure.time().beatType())));
            attributes.getTime().add(time);
            changed = true;
        }
        for (int staff = 1; staff <= Math.min(staves, measure.clefs().size()); staff++) {
            Clef clef = measure.clefs().get(staff - 1);
            if (previous != null && clef.equals(clefsInForce[staff - 1])) continue;
            attributes.getClef().add(clef(clef, staff));
            clefsInForce[staff - 1] = clef;
            changed = true;
        }
        Transposition before = previous == null ? Transposition.NONE : previous.transposition();
        if (!measure.transposition().equals(before)) {
            attributes.getTranspose().add(transpose(measure.transposition()));
            changed = true;
        }
        return changed ? attributes : null;
    }

    /** A {@code <transpose>}, whole octaves as {@code <octave-change>} (a guitar: -1 octave, 0 steps). */
    private static Transpose transpose(Transposition model) {
        int octaves = model.chromatic() / 12;
        Transpose transpose = new Transpose();
        transpose.setDiatonic(BigInteger.valueOf(model.diatonic() - 7L * octaves));
        transpose.setChromatic(BigDecimal.valueOf(model.chromatic() - 12L * octaves));
        if (octaves != 0) transpose.setOctaveChange(BigInteger.valueOf(octaves));
        return transpose;
    }

    private org.audiveris.proxymusic.Clef clef(Clef model, int staff) {
        org.audiveris.proxymusic.Clef clef = new org.audiveris.proxymusic.Clef();
        if (staves > 1) clef.setNumber(BigInteger.valueOf(staff));
        clef.setSign(org.audiveris.proxymusic.ClefSign.valueOf(model.sign().name()));
        if (model.line() > 0) clef.setLine(BigInteger.valueOf(model.line()));
        if (model.octaveChange() != 0) clef.setClefOctaveChange(BigInteger.valueOf(model.octaveChange()));
        return clef;
    }

    /** A metronome mark for people and {@code <sound tempo>} (quarter notes per minute) for players. */
    private Direction tempo(Tempo tempo) {
        Metronome metronome = new Metronome();
        NoteValue unit = NoteValue.exactly(tempo.beatUnit()).filter(v -> !v.isTuplet()).orElse(null);
        double perMinute = unit == null ? tempo.quarterNotesPerMinute() : tempo.perMinute();
        metronome.getBeatUnit().add(unit == null ? "quarter" : unit.type());
        for (int i = 0; unit != null && i < unit.dots(); i++) metronome.getBeatUnit().add(new Empty());
        PerMinute count = new PerMinute();
        count.setValue(decimal(perMinute).toPlainString());
        metronome.setPerMinute(count);
        DirectionType type = new DirectionType();
        type.setMetronome(metronome);
        Direction direction = new Direction();
        direction.setPlacement(AboveBelow.ABOVE);
        direction.getDirectionType().add(type);
        if (staves > 1) direction.setStaff(BigInteger.ONE);
        Sound sound = new Sound();
        sound.setTempo(decimal(tempo.quarterNotesPerMinute()));
        direction.setSound(sound);
        return direction;
    }

    private static BigDecimal decimal(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    private void writeVoices(Measure measure) {
        long length = notes.divisionsOf(measure.length());
        int next = 1;
        for (int staff = 1; staff <= staves; staff++) {
            int number = Math.max(next, VOICES_PER_STAFF * (staff - 1) + 1);
            List<Voice> voices = measure.voicesOnStaff(staff);
            if (voices.isEmpty()) {
                moveTo(0);
                content.add(notes.measureRest(measure.length(), number, staff));
                position = length;
                next = number + 1;
                continue;
            }
            for (Voice voice : voices) {
                moveTo(0);
                writeVoice(voice, measure, number++, staff);
            }
            next = number;
        }
    }

    private void writeVoice(Voice voice, Measure measure, int number, int staff) {
        Duration length = measure.length();
        if (voice.events().size() == 1 && voice.events().get(0) instanceof Rest rest
                && rest.duration().equals(length)) {
            content.add(notes.measureRest(length, number, staff));
        } else {
            List<Event> events = new ArrayList<>(voice.events());
            Duration missing = length.minus(voice.length());
            if (missing.isPositive()) events.add(new Rest(missing));
            Duration beat = Duration.of(1, measure.time().beatType());
            content.addAll(notes.voice(BeatCutter.cut(events, beat), number, staff));
        }
        position = notes.divisionsOf(length);
    }

    private void writeClefChanges(List<ClefChange> changes, Clef[] clefsInForce) {
        List<ClefChange> latestFirst = changes.stream().filter(c -> c.staff() <= staves)
                .sorted(Comparator.comparing(ClefChange::offset).reversed()).toList();
        for (ClefChange change : latestFirst) {
            moveTo(notes.divisionsOf(change.offset()));
            Attributes attributes = new Attributes();
            attributes.getClef().add(clef(change.clef(), change.staff()));
            content.add(attributes);
        }
        // what is in force at the end: each staff's last change
        changes.stream().filter(c -> c.staff() <= staves).sorted(Comparator.comparing(ClefChange::offset))
                .forEach(c -> clefsInForce[c.staff() - 1] = c.clef());
    }

    /** Moves back to an earlier point of the measure with {@code <backup>}. */
    private void moveTo(long target) {
        if (target >= position) return;
        Backup backup = new Backup();
        backup.setDuration(BigDecimal.valueOf(position - target));
        content.add(backup);
        position = target;
    }
}
