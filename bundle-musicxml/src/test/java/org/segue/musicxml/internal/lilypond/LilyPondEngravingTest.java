package org.segue.musicxml.internal.lilypond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.WriteOptions;
import org.segue.musicxml.internal.RequiredProgram;
import org.segue.musicxml.internal.ScoreFilesComponent;

/** Sheet music through the real {@code lilypond} program, and what happens when that program is missing or fails. */
class LilyPondEngravingTest {

    private static ScoreFilesComponent files;

    @TempDir
    Path folder;

    @BeforeAll
    static void lilypond() {
        Path lilypond = RequiredProgram.find("lilypond", "lilypond");
        files = new ScoreFilesComponent(ScoreFilesComponent.formats(
                new LilyPondProgram(lilypond.toString(), Duration.ofMinutes(5))));
    }

    @Test
    void theSongBecomesAPdf() throws Exception {
        Path pdf = folder.resolve("song.pdf");

        files.write(SongScore.song(), pdf, WriteOptions.DEFAULT.markingFrom(2));

        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(folder).isDirectoryContaining(p -> p.equals(pdf)).isDirectoryNotContaining(p -> !p.equals(pdf));
    }

    @Test
    void theSongBecomesOnePngAndOneSvgHoldingTheWholePiece() throws Exception {
        Path png = folder.resolve("song.png");
        Path svg = folder.resolve("song.svg");

        files.write(SongScore.song(), png);
        files.write(SongScore.song(), svg);

        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        int width = readInt(bytes, 16);
        int height = readInt(bytes, 20);
        assertThat(width).as("A4 at 110 dpi").isBetween(850, 950);
        assertThat(height).as("one page as tall as the music, not a whole A4 page").isBetween(150, 1200);
        assertThat(Files.readString(svg)).contains("<svg");
    }

    @Test
    void aMissingLilyPondIsOneLineSayingHowToInstallIt() throws Exception {
        ScoreFilesComponent without = new ScoreFilesComponent(ScoreFilesComponent.formats(
                new LilyPondProgram(folder.resolve("no-such-lilypond").toString(), Duration.ofMinutes(1))));
        Path pdf = folder.resolve("song.pdf");

        assertThatThrownBy(() -> without.write(SongScore.song(), pdf)).isInstanceOf(ScoreFileException.class)
                .hasMessageStartingWith(pdf + ": LilyPond is needed to write sheet music")
                .hasMessageContaining("apt-get install lilypond").hasMessageNotContaining("\n");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void aFailingLilyPondNamesItsErrorAndLeavesTheOldFileAlone() throws Exception {
        Path fake = script("fails", "echo 'score.ly:3:1: error: something is wrong'; exit 1");
        ScoreFilesComponent failing = new ScoreFilesComponent(ScoreFilesComponent.formats(
                new LilyPondProgram(fake.toString(), Duration.ofMinutes(1))));
        Path pdf = Files.writeString(folder.resolve("song.pdf"), "the user's old file");

        assertThatThrownBy(() -> failing.write(SongScore.song(), pdf)).isInstanceOf(ScoreFileException.class)
                .hasMessageContaining("exit status 1", "error: something is wrong", "nothing was written");
        assertThat(pdf).hasContent("the user's old file");
    }

    @Test
    void aLilyPondThatHangsIsStoppedAtTheTimeout() throws Exception {
        Path fake = script("hangs", "sleep 60");
        ScoreFilesComponent hanging = new ScoreFilesComponent(ScoreFilesComponent.formats(
                new LilyPondProgram(fake.toString(), Duration.ofSeconds(1))));
        long start = System.nanoTime();

        assertThatThrownBy(() -> hanging.write(SongScore.song(), folder.resolve("song.png")))
                .isInstanceOf(ScoreFileException.class).hasMessageContaining("longer than 1 s");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
        assertThat(folder.resolve("song.png")).doesNotExist();
    }

    @Test
    void theProgramAndTimeoutComeFromProperties() {
        LilyPondProgram program = LilyPondProgram.from(name -> switch (name) {
            case LilyPondProgram.PROGRAM_PROPERTY -> "/opt/lilypond/bin/lilypond";
            case LilyPondProgram.TIMEOUT_PROPERTY -> "42";
            default -> null;
        });
        assertThat(program).isEqualTo(new LilyPondProgram("/opt/lilypond/bin/lilypond", Duration.ofSeconds(42)));
        assertThat(LilyPondProgram.from(name -> null).command()).isEqualTo("lilypond");
    }

    @Test
    void sheetMusicIsWrittenButNeverRead() {
        assertThat(files.writableExtensions()).contains("pdf", "svg", "png", "wav");
        assertThat(files.readableExtensions()).doesNotContain("pdf", "svg", "png", "wav");
        assertThatThrownBy(() -> files.read(folder.resolve("song.pdf"))).isInstanceOf(ScoreFileException.class)
                .hasMessageContaining("Segue writes .pdf files but cannot read them");
    }

    private Path script(String name, String body) throws Exception {
        Path script = folder.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16) | ((bytes[offset + 2] & 0xFF) << 8)
                | (bytes[offset + 3] & 0xFF);
    }
}
