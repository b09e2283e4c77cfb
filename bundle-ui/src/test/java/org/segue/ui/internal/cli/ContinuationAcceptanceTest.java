package org.segue.ui.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.core.internal.continuation.ContinuationComponent;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFiles;
import org.segue.musicxml.internal.ScoreFilesComponent;
import org.segue.musicxml.internal.musicxml.XsdValidator;

/**
 * Issue 4's acceptance, checked on real files with the real services and the default model: {@code continue}
 * writes MusicXML that validates against the MusicXML 4.0 XSD, keeps the original measures, adds exactly the bars
 * asked for, fills every new measure of both staves exactly, and carries on the key and the clefs. For the
 * example piece (16 bars), the 48 Chopin MIDI files and the two OpenScore songs (8 bars each). Prints the counts.
 */
class ContinuationAcceptanceTest {

    private static final ScoreFiles FILES = new ScoreFilesComponent();
    private static final ContinuationComponent CONTINUATIONS = new ContinuationComponent();
    private static XsdValidator xsd;

    @TempDir
    static Path folder;

    @BeforeAll
    static void start() throws Exception {
        CONTINUATIONS.activate();
        xsd = XsdValidator.load(SharedFolder.path("data/musicxml-4.0-schema"), "musicxml.xsd");
    }

    @AfterAll
    static void stop() {
        CONTINUATIONS.deactivate();
    }

    @Test
    void theExampleGetsSixteenGoodBars() throws Exception {
        Path example = SharedFolder.repositoryRoot().resolve("examples/little-waltz.musicxml");
        assertThat(check(example, 16)).as(example + ": problems").isEmpty();
    }

    @Test
    void everySharedPianoPieceGetsEightGoodBars() throws Exception {
        List<Path> pieces = new ArrayList<>(list(SharedFolder.path("data/chopin-midi"), ".mid"));
        pieces.addAll(list(SharedFolder.path("data/openscore-chopin-songs"), ".mxl"));
        assertThat(pieces).as("the shared pieces").hasSize(50);

        List<String> problems = new ArrayList<>();
        int good = 0;
        for (Path piece : pieces) {
            List<String> found = check(piece, 8);
            if (found.isEmpty()) good++;
            problems.addAll(found);
        }
        System.out.printf("continue --bars 8: %d pieces, %d good (valid MusicXML, originals kept, 8 bars added, "
                + "every new measure full in both staves, key and clefs carried on), %d problems%n",
                pieces.size(), good, problems.size());
        assertThat(problems).isEmpty();
    }

    /** Runs {@code continue PIECE --bars N --out OUT.musicxml} and lists what is wrong with OUT. */
    private static List<String> check(Path piece, int bars) throws Exception {
        Score original = FILES.read(piece);
        Path out = folder.resolve(piece.getFileName() + ".musicxml");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(piece.toString(), "--bars", Integer.toString(bars),
                "--out", out.toString(), "--json"));
        String model = System.getProperty("segue.model"); // to check another model than the default one
        if (model != null) args.addAll(List.of("--model", model));
        new ContinueCommand(FILES, CONTINUATIONS).run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("\"addedMeasures\":" + bars);

        List<String> problems = new ArrayList<>();
        for (String error : xsd.validate(Files.readAllBytes(out))) problems.add(piece + ": XSD: " + error);
        Score written = FILES.read(out);
        int part = pianoPart(original);
        for (int p = 0; p < original.parts().size(); p++) {
            List<Measure> before = original.parts().get(p).measures();
            List<Measure> after = written.parts().get(p).measures();
            if (after.size() != before.size() + bars) {
                problems.add(piece + ": part " + (p + 1) + " has " + after.size() + " measures, not "
                        + before.size() + " + " + bars);
                continue;
            }
            if (!SoundingNotes.of(prefix(written.parts().get(p), before.size())).equals(SoundingNotes.of(original.parts().get(p)))) {
                problems.add(piece + ": part " + (p + 1) + ": the original measures changed");
            }
            if (p == part) problems.addAll(checkNewMeasures(piece, before.get(before.size() - 1), after.subList(before.size(), after.size())));
        }
        return problems;
    }

    private static List<String> checkNewMeasures(Path piece, Measure last, List<Measure> added) {
        List<String> problems = new ArrayList<>();
        for (Measure m : added) {
            String where = piece + ": measure " + m.number() + ": ";
            if (m.key().fifths() != last.key().fifths()) problems.add(where + "key " + m.key() + " after " + last.key());
            if (!m.time().equals(last.time())) problems.add(where + "time " + m.time() + " after " + last.time());
            if (!m.clefs().equals(clefsAtEnd(last))) problems.add(where + "clefs " + m.clefs() + " after " + clefsAtEnd(last));
            if (!m.length().equals(m.time().measureLength())) problems.add(where + "lasts " + m.length());
            for (int staff = 1; staff <= m.staffCount(); staff++) {
                if (m.voicesOnStaff(staff).isEmpty()) problems.add(where + "staff " + staff + " is empty");
                for (var v : m.voicesOnStaff(staff)) {
                    if (!v.length().equals(m.time().measureLength())) {
                        problems.add(where + "staff " + staff + ", voice " + v.number() + " lasts " + v.length());
                    }
                }
            }
        }
        return problems;
    }

    private static List<org.segue.model.Clef> clefsAtEnd(Measure last) {
        List<org.segue.model.Clef> clefs = new ArrayList<>(last.clefs());
        last.clefChanges().stream().sorted((a, b) -> a.offset().compareTo(b.offset()))
                .forEach(c -> clefs.set(c.staff() - 1, c.clef()));
        return clefs;
    }

    private static int pianoPart(Score score) {
        for (int p = 0; p < score.parts().size(); p++) if (score.parts().get(p).staffCount() == 2) return p;
        return 0;
    }

    private static Part prefix(Part part, int measures) {
        return part.withMeasures(part.measures().subList(0, measures));
    }

    private static List<Path> list(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }
}
