package org.segue.musicxml.internal.musicxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.model.Score;
import org.segue.musicxml.internal.ScoreFilesComponent;

/** What the score file service leaves on disk: the file alone, readable like any new file, replaced whole. */
class WrittenFilesTest {

    private final ScoreFilesComponent files = new ScoreFilesComponent();

    @TempDir
    Path folder;

    private Score piece() throws Exception {
        return files.read(SharedData.folder("musicxml-testsuite").resolve("01a-Pitches-Pitches.xml"));
    }

    @Test
    void aWrittenFileIsAsReadableAsAnyNewFileInItsFolder() throws Exception {
        Path written = folder.resolve("piece.musicxml");
        Path ordinary = Files.writeString(folder.resolve("ordinary.txt"), "x");

        files.write(piece(), written);

        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(written);
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(ordinary);
        assertThat(mode).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(mode.contains(PosixFilePermission.OTHERS_READ)).as(mode + " vs " + usual)
                .isEqualTo(usual.contains(PosixFilePermission.OTHERS_READ));
        assertThat(mode.contains(PosixFilePermission.GROUP_READ))
                .isEqualTo(usual.contains(PosixFilePermission.GROUP_READ));
    }

    @Test
    void writingReplacesAnExistingFileWholeAndLeavesNoPartFileBehind() throws Exception {
        Path written = Files.writeString(folder.resolve("piece.mid"), "an older file");

        files.write(piece(), written);

        assertThat(files.read(written).parts()).hasSize(1);
        try (var entries = Files.list(folder)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("piece.mid");
        }
    }
}
