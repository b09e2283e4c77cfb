package org.segue.musicxml.internal.musicxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segue.musicxml.ScoreFileException;

/** Every file of the shared MusicXML folders imports, or is refused with a one-line {@link ScoreFileException}. */
class MusicXmlCorpusTest {

    private final MusicXmlFormat format = new MusicXmlFormat();

    @ParameterizedTest
    @ValueSource(strings = {"musicxml-testsuite", "openscore-chopin-songs"}) // the Lieder: MusicXmlRoundTripTest
    void everyFileImportsOrIsRefusedWithOneLine(String folder) throws IOException {
        List<Path> files = SharedData.scores(folder);
        List<String> refused = new ArrayList<>();
        int imported = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                assertThat(format.read(in, file.getFileName().toString()).parts()).isNotEmpty();
                imported++;
            } catch (ScoreFileException e) {
                assertThat(e.getMessage()).as("message for %s", file).doesNotContain("\n").doesNotContain("\r")
                        .startsWith(file.getFileName().toString());
                refused.add(e.getMessage());
            } catch (RuntimeException e) {
                fail(file + " failed with " + e + " instead of importing or being refused", e);
            }
        }
        System.out.printf("%s: %d files, %d imported, %d refused%n", folder, files.size(), imported, refused.size());
        refused.forEach(r -> System.out.println("  refused: " + r));
        assertThat(imported + refused.size()).isEqualTo(files.size());
        assertThat(refused).as("these corpora read whole").isEmpty();
    }
}
