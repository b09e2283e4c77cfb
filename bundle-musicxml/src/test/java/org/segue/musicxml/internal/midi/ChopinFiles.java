package org.segue.musicxml.internal.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The MIDI files of the shared data folder; a test that needs them fails when they are missing. */
final class ChopinFiles {

    private ChopinFiles() {
    }

    static Path folder() {
        String shared = System.getProperty("segue.shared");
        assertThat(shared).as("system property segue.shared (set by surefire to ../shared)").isNotBlank();
        Path folder = Path.of(shared, "data", "chopin-midi");
        assertThat(folder).as("the Chopin MIDI files are missing: " + folder).isDirectory();
        return folder;
    }

    static List<Path> all() throws IOException {
        try (Stream<Path> list = Files.list(folder())) {
            List<Path> files = list.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".mid"))
                    .sorted().toList();
            assertThat(files).as("MIDI files in " + folder()).hasSize(48);
            return files;
        }
    }
}
