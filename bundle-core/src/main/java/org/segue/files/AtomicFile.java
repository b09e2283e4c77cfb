package org.segue.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file whole or not at all: the content goes to a hidden part file beside the target
 * ({@code .NAME*.part}), which is then moved onto the target (atomically where the file system can). A failure
 * leaves the target as it was and removes the part file. The new file is readable by others as an ordinary new
 * file is (rw-r--r--, less what the umask takes away), not private as a temporary file would be.
 */
public final class AtomicFile {

    /** Writes the content of a file; may throw its own checked exception besides {@link IOException}. */
    @FunctionalInterface
    public interface Content<E extends Exception> {
        void writeTo(OutputStream out) throws IOException, E;
    }

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code file}, creating its folder if needed and replacing the file if it exists. */
    public static <E extends Exception> void write(Path file, Content<E> content) throws IOException, E {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path part = partFileFor(target);
        boolean moved = false;
        try {
            try (java.io.FileOutputStream partFile = new java.io.FileOutputStream(part.toFile());
                 OutputStream out = new BufferedOutputStream(partFile)) {
                content.writeTo(out);
                out.flush();
                partFile.getFD().sync(); // on the disk before it takes the name: a crash leaves old or new
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) deleteQuietly(part);
        }
    }

    /** The failure that stopped the write is what the caller must hear of, not a part file that stayed. */
    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // a hidden .part file beside the target; the next write uses another name
        }
    }

    private static Path partFileFor(Path target) throws IOException {
        Path folder = target.getParent();
        String prefix = "." + target.getFileName();
        if (!Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            return Files.createTempFile(folder, prefix, ".part");
        }
        return Files.createTempFile(folder, prefix, ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
    }
}
