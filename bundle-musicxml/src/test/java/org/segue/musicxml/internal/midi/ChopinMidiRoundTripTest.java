package org.segue.musicxml.internal.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.internal.ScoreFilesComponent;
import org.segue.musicxml.internal.midi.Quantizer.Grid;

/**
 * MIDI -> model -> MIDI -> model over every Chopin file, through the score file service: the second import gives
 * the same score; and the written file's notes lie within the grid of the original file's notes.
 */
class ChopinMidiRoundTripTest {

    static List<Path> files;

    @TempDir
    Path temp;

    @BeforeAll
    static void findFiles() throws IOException {
        files = ChopinFiles.all();
    }

    @Test
    void everyFileComesBackWithTheSameNotesMeasuresKeysAndTempos() throws ScoreFileException {
        ScoreFilesComponent service = new ScoreFilesComponent();
        long notes = 0;
        for (Path file : files) {
            Score first = service.read(file);
            Path written = temp.resolve(file.getFileName());
            service.write(first, written);
            Score second = service.read(written);
            Part a = first.parts().get(0);
            Part b = second.parts().get(0);
            assertThat(SoundingNotes.of(b)).as(file.toString()).isEqualTo(SoundingNotes.of(a));
            assertThat(b.measures()).hasSameSizeAs(a.measures());
            for (int m = 0; m < a.measures().size(); m++) {
                Measure x = a.measures().get(m);
                Measure y = b.measures().get(m);
                assertThat(List.of(y.time(), y.key(), y.length())).as(file + " measure " + x.number())
                        .isEqualTo(List.of(x.time(), x.key(), x.length()));
                assertThat(y.tempo()).as(file + " measure " + x.number() + " tempo").isEqualTo(x.tempo());
                assertThat(y.voices()).as(file + " measure " + x.number() + " voices").isEqualTo(x.voices());
            }
            assertThat(second.title()).isEqualTo(first.title());
            notes += SoundingNotes.of(a).size();
        }
        System.out.printf("round trip MIDI -> model -> MIDI -> model: %d files, %d notes, all identical%n",
                files.size(), notes);
    }

    @Test
    void writtenNotesLieWithinHalfAGridStepOfTheOriginalNotes() throws Exception {
        MidiFormat format = new MidiFormat();
        Tally total = new Tally();
        for (Path file : files) {
            Path written = temp.resolve(file.getFileName());
            try (var out = Files.newOutputStream(written); var in = Files.newInputStream(file)) {
                format.write(format.read(in, file.toString()), out, written.toString());
            }
            Tally tally = compare(file, written);
            total.add(tally);
        }
        System.out.printf("written vs original notes: %d original notes; %d onsets within half a grid step; "
                        + "%d ends within half a grid step; %d durations within half a step of the onset's grid; "
                        + "exceptions: %d lengthened to the minimum, %d merged with a same-pitch note, %d trimmed "
                        + "by the next same-pitch note, %d closed up to the next onset by the legato rule before the "
                        + "grid, %d on the grid%n", total.notes, total.onsetsOk, total.endsOk,
                total.durationsWithinHalfStep, total.lengthened, total.merged, total.trimmed, total.legato,
                total.legatoOnGrid);
        assertThat(total.onsetsOk).isEqualTo(total.notes);
        assertThat(total.endsOk + total.lengthened + total.merged + total.trimmed + total.legatoOnGrid)
                .isEqualTo(total.notes);
        assertThat(total.legato).isPositive();
    }

    /**
     * Counts per original note; every note is in onsetsOk, and in exactly one of the others but {@code legato},
     * which counts the notes that the legato rule lengthened before the grid (their ends are compared as
     * lengthened).
     */
    static final class Tally {
        long notes;
        long onsetsOk;
        long endsOk;
        long durationsWithinHalfStep;
        long lengthened;
        long merged;
        long trimmed;
        long legato;
        long legatoOnGrid;

        void add(Tally t) {
            legato += t.legato;
            legatoOnGrid += t.legatoOnGrid;
            notes += t.notes;
            onsetsOk += t.onsetsOk;
            endsOk += t.endsOk;
            durationsWithinHalfStep += t.durationsWithinHalfStep;
            lengthened += t.lengthened;
            merged += t.merged;
            trimmed += t.trimmed;
        }
    }

    private static Tally compare(Path original, Path written) throws IOException, InvalidMidiDataException {
        MidiContent before = MidiNoteCollector.collect(MidiSystem.getSequence(original.toFile()), "original");
        MidiContent after = MidiNoteCollector.collect(MidiSystem.getSequence(written.toFile()), "written");
        StaffAssigner.Staves staves = StaffAssigner.assign(before);
        Tally tally = new Tally();
        for (int staff = 1; staff <= 2; staff++) {
            int track = staff; // the written file: conductor track 0, then staff 1, staff 2
            List<MidiNote> out = after.notes().stream().filter(n -> n.track() == track).toList();
            LegatoGaps.Closed legato = LegatoGaps.DEFAULT.close(staves.staff(staff), before.ticksPerQuarter());
            tally.legato += legato.lengthened();
            compareStaff(legato.notes(), before.ticksPerQuarter(), out, after.ticksPerQuarter(), tally);
        }
        return tally;
    }

    private static void compareStaff(List<MidiNote> in, int inTicks, List<MidiNote> out, int outTicks, Tally tally) {
        Quantizer quantizer = new Quantizer(inTicks);
        Map<Long, Grid> grids = quantizer.chooseGrids(in);
        Quantizer outUnits = new Quantizer(outTicks);
        for (MidiNote n : in) {
            tally.notes++;
            double onset = quantizer.units(n.startTick());
            double end = quantizer.units(n.endTick());
            Grid onsetGrid = Quantizer.gridAt(grids, onset);
            MidiNote match = out.stream().filter(w -> w.pitch() == n.pitch())
                    .min(Comparator.comparingDouble(w -> Math.abs(outUnits.units(w.startTick()) - onset)))
                    .orElseThrow(() -> new AssertionError("no written note for pitch " + n.pitch()));
            double wOnset = outUnits.units(match.startTick());
            double wEnd = outUnits.units(match.endTick());
            if (Math.abs(wOnset - onset) <= onsetGrid.step / 2.0) tally.onsetsOk++;
            if (Math.abs((wEnd - wOnset) - (end - onset)) <= onsetGrid.step / 2.0) tally.durationsWithinHalfStep++;
            if (Math.abs(wEnd - end) <= Quantizer.gridAt(grids, end).step / 2.0) {
                tally.endsOk++;
            } else if (Quantizer.gridAt(grids, end).snap(end) <= onsetGrid.snap(onset)
                    && wEnd - wOnset == Quantizer.gridAt(grids, wOnset).step) {
                tally.lengthened++;
            } else if (out.stream().anyMatch(w -> w.pitch() == n.pitch() && w.startTick() == match.endTick())) {
                tally.trimmed++;
            } else if (sameOnsetSamePitch(in, n, quantizer, grids) && wEnd > end) {
                tally.merged++;
            } else if (closedOnTheGrid(in, endOnGrid(onset, end, grids), wEnd, quantizer, grids)) {
                tally.legatoOnGrid++;
            } else {
                throw new AssertionError("note " + n + " was written as " + match + ": its end moved by "
                        + (wEnd - end) + " units of 1/96");
            }
        }
    }

    /** Where the quantizer puts a note's end: on the grid, at least one step after its onset. */
    private static long endOnGrid(double onset, double end, Map<Long, Grid> grids) {
        long onsetOnGrid = Quantizer.gridAt(grids, onset).snap(onset);
        long endOnGrid = Quantizer.gridAt(grids, end).snap(end);
        return endOnGrid > onsetOnGrid ? endOnGrid : onsetOnGrid + Quantizer.gridAt(grids, onsetOnGrid).step;
    }

    /**
     * Whether the written end is the staff's next onset on the grid after the note's end on the grid, less than at most the
     * legato rule's 16th (6 units) later.
     */
    private static boolean closedOnTheGrid(List<MidiNote> in, long endOnGrid, double writtenEnd, Quantizer q,
                                           Map<Long, Grid> grids) {
        long next = in.stream().mapToLong(m -> Quantizer.gridAt(grids, q.units(m.startTick()))
                .snap(q.units(m.startTick()))).filter(o -> o >= endOnGrid).min().orElse(-1);
        return next > endOnGrid && next - endOnGrid <= 6 && writtenEnd == next;
    }

    /** Whether another original note of this pitch and staff quantizes to the same onset. */
    private static boolean sameOnsetSamePitch(List<MidiNote> in, MidiNote n, Quantizer q, Map<Long, Grid> grids) {
        double u = q.units(n.startTick());
        long onset = Quantizer.gridAt(grids, u).snap(u);
        List<MidiNote> others = new ArrayList<>(in);
        others.remove(n);
        return others.stream().anyMatch(o -> o.pitch() == n.pitch()
                && Quantizer.gridAt(grids, q.units(o.startTick())).snap(q.units(o.startTick())) == onset);
    }
}
