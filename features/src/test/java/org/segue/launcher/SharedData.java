package org.segue.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared corpora and the built application, found through the properties that failsafe sets. */
final class SharedData {

    private SharedData() {
    }

    /** A file under ../shared/data; fails loudly, never skips, when it is not there. */
    static Path file(String relative) {
        String shared = System.getProperty("segue.shared");
        if (shared == null) throw new IllegalStateException("system property segue.shared is not set (failsafe sets it)");
        Path file = Path.of(shared, "data", relative).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("shared test data missing: " + file + " (the tests read ../shared/data)");
        }
        return file;
    }

    /** A folder under ../shared/data; fails loudly, never skips, when it is not there. */
    static Path folder(String relative) {
        String shared = System.getProperty("segue.shared");
        if (shared == null) throw new IllegalStateException("system property segue.shared is not set (failsafe sets it)");
        Path folder = Path.of(shared, "data", relative).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("shared test data missing: " + folder + " (the tests read ../shared/data)");
        }
        return folder;
    }

    /** features/target/segue, as the build lays it out. */
    static Path dist() {
        Path dist = Path.of(System.getProperty("segue.dist", "target/segue"));
        if (!Files.isDirectory(dist.resolve("bundle"))) {
            throw new IllegalStateException("no bundles in " + dist.resolve("bundle") + "; run mvn verify, not only the tests");
        }
        return dist;
    }

    /** The repository root, where ./segue lives. */
    static Path root() {
        return Path.of(System.getProperty("segue.root", "..")).toAbsolutePath().normalize();
    }
}
