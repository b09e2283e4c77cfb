package org.segue.musicxml.internal.lilypond;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.model.Score;
import org.segue.musicxml.WriteOptions;
import org.segue.musicxml.internal.RequiredProgram;
import org.segue.musicxml.internal.ScoreFilesComponent;
import org.segue.musicxml.internal.musicxml.SharedData;

/**
 * Every file of the MusicXML test suite and both OpenScore songs, as Segue reads them, engraved to PDF by the real
 * LilyPond without an error. To keep CI short the files are engraved in two LilyPond processes of many files each
 * (LilyPond's start is most of the cost of a small file); the input is the same that {@code .pdf} output writes.
 * Prints the counts.
 */
class LilyPondCorpusTest {

    private static final int PROCESSES = 2;

    @TempDir
    Path folder;

    @Test
    void everyImportedFileEngravesWithoutALilyPondError() throws Exception {
        Path lilypond = RequiredProgram.find("lilypond", "lilypond");
        ScoreFilesComponent files = new ScoreFilesComponent();
        List<Path> pieces = new ArrayList<>(SharedData.scores("musicxml-testsuite"));
        pieces.addAll(SharedData.scores("openscore-chopin-songs"));
        List<String> names = new ArrayList<>();
        for (Path piece : pieces) {
            Score score = files.read(piece);
            String name = baseName(piece);
            Files.writeString(folder.resolve(name + ".ly"),
                    LilyPondFormat.lilyPondInput(score, name + ".pdf", WriteOptions.DEFAULT), StandardCharsets.UTF_8);
            names.add(name);
        }

        long start = System.nanoTime();
        List<String> log = engrave(lilypond, names);
        double seconds = (System.nanoTime() - start) / 1e9;

        List<String> failed = new ArrayList<>();
        int warned = 0;
        for (String name : names) {
            List<String> errors = log.stream().filter(l -> l.startsWith(name + ".ly:") && l.contains("error")).toList();
            if (!errors.isEmpty() || !Files.isRegularFile(folder.resolve(name + ".pdf"))) {
                failed.add(name + (errors.isEmpty() ? ": no PDF" : ": " + errors.get(0)));
            }
            if (log.stream().anyMatch(l -> l.startsWith(name + ".ly:") && l.contains("warning"))) warned++;
        }
        System.out.printf("LilyPond: %d imported files engraved to PDF in %.0f s (%d processes): %d without error "
                + "(%d of them with a LilyPond warning), %d failed%n", names.size(), seconds, PROCESSES,
                names.size() - failed.size(), warned, failed.size());
        assertThat(names).hasSize(168);
        assertThat(failed).isEmpty();
    }

    /** Runs LilyPond on the files, split over {@link #PROCESSES} processes; returns their messages' lines. */
    private List<String> engrave(Path lilypond, List<String> names) throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            List<String> command = new ArrayList<>(List.of(lilypond.toString(), "--loglevel=WARNING",
                    "-dno-point-and-click", "--pdf"));
            for (int i = p; i < names.size(); i += PROCESSES) command.add(names.get(i) + ".ly");
            Path log = folder.resolve("lilypond-" + p + ".log");
            logs.add(log);
            processes.add(new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start());
        }
        for (Process process : processes) {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("LilyPond took longer than 15 minutes on the test suite");
            }
        }
        List<String> lines = new ArrayList<>();
        for (Path log : logs) lines.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
        return lines;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
