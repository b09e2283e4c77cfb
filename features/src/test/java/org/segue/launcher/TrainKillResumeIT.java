package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./segue train} killed with SIGKILL, twice, at random moments, and resumed with {@code --resume}: it ends
 * with the same model as a run that was never interrupted (same networks, weights, vocabularies and training
 * streams; only the metadata's times and the resumed flag differ). A tiny network on three Chopin pieces, so that
 * it all takes about a minute. The random moments come from a seed printed with the result, to repeat a failure.
 */
class TrainKillResumeIT {

    private static final List<String> PIECES = List.of("chpn-p7.mid", "chpn-p20.mid", "chpn-p1.mid");
    private static final List<String> TINY = List.of("--epochs", "6", "--patience", "6", "--hidden", "16", "--dense",
            "16", "--batch", "8", "--sequence-length", "32", "--seed", "5");

    @TempDir
    Path folder;

    @Test
    void aTrainingKilledTwiceAndResumedEndsWithTheSameModel() throws Exception {
        Path corpus = Files.createDirectories(folder.resolve("corpus"));
        for (String piece : PIECES) {
            Files.createSymbolicLink(corpus.resolve(piece), SharedData.file("chopin-midi/" + piece));
        }
        long seed = System.nanoTime();
        Random random = new Random(seed);

        Path whole = folder.resolve("whole.segue-model");
        long start = System.nanoTime();
        Process uninterrupted = train(corpus, whole, false);
        awaitFile(Path.of(whole + ".checkpoint"), uninterrupted);
        long firstCheckpoint = System.nanoTime();
        assertThat(uninterrupted.waitFor(300, TimeUnit.SECONDS)).isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long millisAfterCheckpoint = (System.nanoTime() - firstCheckpoint) / 1_000_000;
        assertThat(whole).isRegularFile();

        Path killed = folder.resolve("killed.segue-model");
        Path checkpoint = Path.of(killed + ".checkpoint");
        // first kill: at a random moment after the first checkpoint exists (before it there is nothing to resume),
        // within the first half of what the uninterrupted run had left then (start-up does not count)
        Process first = train(corpus, killed, false);
        awaitFile(checkpoint, first);
        long firstDelay = killAfter(first, random.nextInt((int) Math.max(1, millisAfterCheckpoint / 2)));
        assertThat(killed).as("no model before training ends").doesNotExist();
        // second kill: at any random moment of the resumed run
        Process second = train(corpus, killed, true);
        long secondDelay = killAfter(second, random.nextInt((int) Math.max(1, millis / 2)));
        Process last = train(corpus, killed, true);
        assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
        System.out.printf("kill and resume (seed %d): uninterrupted run %d ms; killed %d ms after the first "
                + "checkpoint, then %d ms into the resumed run; resumed to the end with status %d%n", seed, millis,
                firstDelay, secondDelay, last.exitValue());
        assertThat(last.exitValue()).as(Files.readString(folder.resolve("err.txt"))).isZero();
        assertThat(checkpoint).doesNotExist();
        assertThat(content(killed)).isEqualTo(content(whole));
    }

    private Process train(Path corpus, Path model, boolean resume) throws IOException {
        List<String> command = new ArrayList<>(List.of(SharedData.root().resolve("segue").toString(), "train",
                "--corpus", corpus.toString(), "--out", model.toString()));
        command.addAll(TINY);
        if (resume) command.add("--resume");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(folder.resolve("out.txt").toFile())
                .redirectError(folder.resolve("err.txt").toFile());
        builder.environment().put("SEGUE_HOME", Path.of("target", "it-home", "kill").toAbsolutePath().toString());
        SharedData.dist(); // built already
        return builder.start();
    }

    private static void awaitFile(Path file, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(file)) {
            assertThat(process.isAlive()).as("training ended before its first checkpoint").isTrue();
            assertThat(System.nanoTime()).as("the first checkpoint in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** SIGKILL (the script execs java, so this is the JVM) after {@code delay} ms; returns the delay. */
    private static long killAfter(Process process, long delay) throws InterruptedException {
        Thread.sleep(delay);
        assertThat(process.isAlive()).as("still training when it is killed").isTrue();
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137); // 128 + SIGKILL
        return delay;
    }

    /**
     * What makes the model: every entry but the metadata and the checksums (which carry times), with each
     * network's inner zip opened (its entries carry write times too).
     */
    private static Map<String, String> content(Path model) throws IOException {
        Map<String, String> content = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(model))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                String name = e.getName();
                if (name.endsWith("network.zip")) {
                    inner(new ByteArrayInputStream(bytes)).forEach((k, v) -> content.put(name + "!" + k, v));
                } else if (!name.equals("segue-model.json") && !name.equals("checksums.sha256")) {
                    content.put(name, digest(bytes));
                }
            }
        }
        return content;
    }

    private static Map<String, String> inner(InputStream in) throws IOException {
        Map<String, String> content = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                content.put(e.getName(), digest(zip.readAllBytes()));
            }
        }
        return content;
    }

    private static String digest(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes)) + " (" + bytes.length + " bytes" + (bytes.length < 64
                    ? ": " + new String(bytes, StandardCharsets.UTF_8) : "") + ")";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
