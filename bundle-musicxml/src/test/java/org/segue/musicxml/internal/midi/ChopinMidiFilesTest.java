package org.segue.musicxml.internal.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segue.model.Clef;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.model.Voice;
import org.segue.musicxml.ScoreFileException;

/** Every file of ../shared/data/chopin-midi: import, checks of the model, and the timings. */
class ChopinMidiFilesTest {

    static List<Path> files;

    @BeforeAll
    static void findFiles() throws IOException {
        files = ChopinFiles.all();
    }

    @Test
    void everyFileImportsAsATwoStaffPianoPartWithEveryVoiceFilledExactly() throws IOException {
        MidiFormat format = new MidiFormat();
        int imported = 0;
        List<String> refused = new ArrayList<>();
        long notes = 0;
        long measures = 0;
        long started = System.nanoTime();
        for (Path file : files) {
            Score score;
            try (var in = Files.newInputStream(file)) {
                score = format.read(in, file.toString());
            } catch (ScoreFileException e) {
                assertThat(e.getMessage()).doesNotContain("\n").startsWith(file.toString());
                refused.add(e.getMessage());
                continue;
            }
            imported++;
            assertThat(score.parts()).hasSize(1);
            Part part = score.parts().get(0);
            assertThat(part.name()).isEqualTo("Piano");
            int fileNotes = SoundingNotes.of(part).size();
            notes += fileNotes;
            measures += part.measures().size();
            int maxVoices = 0;
            for (Measure m : part.measures()) {
                assertThat(m.clefs()).as(file + " measure " + m.number()).containsExactly(Clef.TREBLE, Clef.BASS);
                for (Voice v : m.voices()) {
                    assertThat(v.length()).as(file + " measure " + m.number() + " staff " + v.staff() + " voice "
                            + v.number()).isEqualTo(m.length());
                    maxVoices = Math.max(maxVoices, v.number());
                }
                for (int staff = 1; staff <= 2; staff++) assertThat(m.voicesOnStaff(staff)).isNotEmpty();
            }
            assertThat(fileNotes).as(file.toString()).isPositive();
            System.out.printf("%-22s %6d notes %4d measures  staves %d  up to %d voices  %s  key %s  title '%s'%n",
                    file.getFileName(), fileNotes, part.measures().size(), part.staffCount(), maxVoices,
                    score.initialTime(), score.initialKey().displayName(), score.title());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("chopin-midi: %d files, %d imported, %d refused, %d notes, %d measures, read in %.2f s%n",
                files.size(), imported, refused.size(), notes, measures, seconds);
        refused.forEach(r -> System.out.println("refused: " + r));
        assertThat(imported + refused.size()).isEqualTo(files.size());
    }
}
