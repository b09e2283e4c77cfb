package org.segue.ui.internal.cli;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared data and the repository are, from the build's system property; loud when they are missing. */
final class SharedFolder {

    private SharedFolder() {
    }

    /** A path under ../shared, which must exist. */
    static Path path(String relative) {
        String shared = System.getProperty("segue.shared");
        if (shared == null) fail("the system property segue.shared is not set; run the tests with Maven");
        Path path = Path.of(shared).resolve(relative);
        if (!Files.exists(path)) fail("missing shared data: " + path + " (the tests read ../shared/" + relative + ")");
        return path;
    }

    /** The repository's root folder: the shared folder's sibling named main, or the working directory's parent. */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("examples")) ? here : here.getParent();
    }
}
