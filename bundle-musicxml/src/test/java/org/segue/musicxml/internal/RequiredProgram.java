package org.segue.musicxml.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An external program a test needs (LilyPond, MuseScore, pdftoppm). A missing program fails the test with how to
 * install it; it is never skipped. {@code .ci/run} installs them all.
 */
public final class RequiredProgram {

    private RequiredProgram() {
    }

    /**
     * The program's path on the PATH.
     *
     * @param debianPackage the Debian package that has it, for the message
     * @throws IllegalStateException when it is not on the PATH
     */
    public static Path find(String name, String debianPackage) {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, name))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
        return found.orElseThrow(() -> new IllegalStateException("this test needs the program '" + name
                + "', which is not on the PATH: install it with 'apt-get install " + debianPackage
                + "' (.ci/run does)"));
    }
}
