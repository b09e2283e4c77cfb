package org.segue.musicxml.internal.musicxml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The shared, read-only data folders ({@code -Dsegue.shared}); a missing folder fails the test with its path. */
public final class SharedData {

    private SharedData() {
    }

    public static Path folder(String name) {
        String shared = System.getProperty("segue.shared");
        if (shared == null || shared.isBlank()) {
            throw new IllegalStateException("system property segue.shared is not set; run the tests through Maven "
                    + "(it points at ../shared) or pass -Dsegue.shared=/path/to/shared");
        }
        Path folder = Path.of(shared, "data", name);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("shared data folder missing: " + folder.toAbsolutePath()
                    + " (segue.shared=" + shared + ")");
        }
        return folder;
    }

    /** The MusicXML files of a folder (.xml, .musicxml, .mxl), sorted by name. */
    public static List<Path> scores(String name) throws IOException {
        try (Stream<Path> files = Files.list(folder(name))) {
            List<Path> scores = files.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".xml") || n.endsWith(".musicxml") || n.endsWith(".mxl");
            }).sorted().toList();
            if (scores.isEmpty()) throw new IllegalStateException("no MusicXML files in " + folder(name));
            return scores;
        }
    }
}
