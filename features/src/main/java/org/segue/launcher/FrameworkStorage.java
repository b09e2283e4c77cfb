package org.segue.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder where Felix keeps its cache. Reusing it saves unpacking the jars that bundle-core embeds (about
 * 150 MB) on every start, so it is kept between runs and thrown away when the bundle files change: the key is a
 * hash of their names, sizes and modification times, written only after a run that stopped cleanly. A second
 * {@code segue} running at the same time cannot share it (Felix locks its cache), so it gets a private folder that
 * is deleted when it stops.
 */
final class FrameworkStorage implements AutoCloseable {

    private final Path folder;
    private final boolean clean;
    private final String key;
    private final Path keyFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean stoppedCleanly;

    private FrameworkStorage(Path folder, boolean clean, String key, Path keyFile, FileChannel lockChannel,
                             FileLock lock) {
        this.folder = folder;
        this.clean = clean;
        this.key = key;
        this.keyFile = keyFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Takes the shared cache under {@code home/felix} if no other run holds it, else a private one. */
    static FrameworkStorage claim(Path home, List<Path> bundleFiles) throws IOException {
        Path base = home.resolve("felix");
        Files.createDirectories(base);
        String key = keyOf(bundleFiles);
        FileChannel channel = FileChannel.open(base.resolve("segue.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            channel.close();
            Path own = base.resolve("run-" + ProcessHandle.current().pid());
            return new FrameworkStorage(own, true, key, null, null, null);
        }
        deleteLeftoversOfKilledRuns(base);
        Path keyFile = base.resolve("cache.key");
        boolean same = key.equals(readKey(keyFile));
        // the key comes back only when this run stops cleanly, so a killed run never leaves a half-made cache
        Files.deleteIfExists(keyFile);
        return new FrameworkStorage(base.resolve("cache"), !same, key, keyFile, channel, lock);
    }

    Path folder() {
        return folder;
    }

    /** Whether Felix must start from an empty cache. */
    boolean clean() {
        return clean;
    }

    /** Whether this run uses its own folder because another run holds the shared one. */
    boolean isPrivate() {
        return lock == null;
    }

    /** Called once the framework has stopped without trouble: the cache may be reused next time. */
    void markStoppedCleanly() {
        stoppedCleanly = true;
    }

    @Override
    public void close() throws IOException {
        if (isPrivate()) {
            deleteTree(folder);
            return;
        }
        try {
            if (stoppedCleanly) Files.writeString(keyFile, key, StandardCharsets.US_ASCII);
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    static String keyOf(List<Path> bundleFiles) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : bundleFiles.stream().sorted().toList()) {
                String entry = file.getFileName() + "|" + Files.size(file) + "|"
                        + Files.getLastModifiedTime(file).toMillis() + "\n";
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another framework in this same JVM (tests)
        }
    }

    private static String readKey(Path keyFile) throws IOException {
        try {
            return Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static void deleteLeftoversOfKilledRuns(Path base) throws IOException {
        try (Stream<Path> folders = Files.list(base)) {
            for (Path folder : folders.filter(p -> p.getFileName().toString().startsWith("run-")).toList()) {
                String pid = folder.getFileName().toString().substring("run-".length());
                boolean alive = pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
                        && ProcessHandle.of(Long.parseLong(pid)).isPresent();
                if (!alive) deleteTree(folder);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
