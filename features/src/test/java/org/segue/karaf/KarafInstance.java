package org.segue.karaf;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of the Apache Karaf distribution that the build unpacked, started as a server process of its own and
 * driven through {@code bin/client}, as an administrator would. Every port it opens is a free one on 127.0.0.1.
 * Each command, its output and its exit status go to a transcript.
 */
final class KarafInstance implements AutoCloseable {

    /** What {@code bin/client} printed and how it ended. */
    record Result(int status, String output) {
    }

    private final Path home;
    private final int sshPort;
    private final PrintWriter transcript;
    private Process server;

    private KarafInstance(Path home, int sshPort, PrintWriter transcript) {
        this.home = home;
        this.sshPort = sshPort;
        this.transcript = transcript;
    }

    /**
     * Copies {@code distribution} to {@code home} (emptied first), adds a user for the client, points Maven
     * resolution at Maven Central and the local repository only, and moves every port to a free one.
     */
    static KarafInstance prepare(Path distribution, Path home, Path transcriptFile) throws IOException {
        deleteTree(home);
        copyTree(distribution, home);
        int ssh = freePort();
        Path etc = home.resolve("etc");
        append(etc.resolve("users.properties"), "\nkaraf = karaf,_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        replaceLine(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", "sshPort = " + ssh);
        replaceLine(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "sshHost = 127.0.0.1");
        replaceLine(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", "rmiRegistryPort = " + freePort());
        replaceLine(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", "rmiServerPort = " + freePort());
        Files.writeString(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = " + freePort()
                + "\norg.ops4j.pax.web.listening.addresses = 127.0.0.1\n");
        // the shipped list adds two snapshot repositories, which this machine cannot reach
        removeContinuationLines(etc.resolve("org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.repositories");
        replaceLine(etc.resolve("org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.repositories",
                "org.ops4j.pax.url.mvn.repositories = https://repo1.maven.org/maven2@id=central");
        Files.createDirectories(transcriptFile.getParent());
        return new KarafInstance(home, ssh, new PrintWriter(Files.newBufferedWriter(transcriptFile,
                StandardCharsets.UTF_8), true));
    }

    Path home() {
        return home;
    }

    /** Puts a file into Karaf's own Maven repository ({@code system/}), where {@code mvn:} URLs find it. */
    void addToSystemRepository(Path file, String groupId, String artifactId, String version, String classifier,
                               String type) throws IOException {
        Path folder = home.resolve("system").resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
        Files.createDirectories(folder);
        String name = artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
        Files.copy(file, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Starts {@code bin/karaf server} with {@code environment} added and the variables {@code unset} removed from
     * what this JVM passes on, and waits until the client gets in.
     */
    void start(java.util.Map<String, String> environment, List<String> unset, Duration timeout) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("karaf-console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().keySet().removeAll(unset);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        server = builder.start();
        note("started " + builder.command() + " with " + environment + ", without " + unset);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new IllegalStateException("Karaf stopped during start; see " + home);
            Result probe = client("bundle:list -t 0", Duration.ofSeconds(30), false);
            if (probe.status() == 0) {
                note("Karaf answered after " + (System.nanoTime() - start) / 1_000_000 + " ms");
                return;
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("Karaf did not answer on port " + sshPort + " within " + timeout);
    }

    /** Runs one console command through {@code bin/client}. */
    Result client(String command, Duration timeout) throws Exception {
        return client(command, timeout, true);
    }

    private Result client(String command, Duration timeout, boolean record) throws Exception {
        List<String> line = new ArrayList<>(List.of(home.resolve("bin/client").toString(), "-a",
                String.valueOf(sshPort), "-h", "127.0.0.1", "-u", "karaf", "-p", "karaf", "-r", "1", command));
        Path output = Files.createTempFile(home, "client", ".out");
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(line).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("'" + command + "' did not finish within " + timeout);
        }
        Result result = new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        Files.delete(output);
        if (record) {
            note("karaf@root()> " + command + "    [exit " + result.status() + ", "
                    + (System.nanoTime() - start) / 1_000_000 + " ms]\n" + result.output().stripTrailing());
        }
        return result;
    }

    void note(String text) {
        transcript.println(text);
    }

    /** Stops Karaf: the shutdown it asks for, then, if it is still there, its whole process tree. */
    @Override
    public void close() throws Exception {
        try {
            if (server != null && server.isAlive()) {
                server.toHandle().descendants().forEach(ProcessHandle::destroy);
                server.destroy();
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    server.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
                note("Karaf stopped (exit " + (server.isAlive() ? "none, still alive" : server.exitValue()) + ")");
            }
        } finally {
            transcript.close();
        }
    }

    boolean isRunning() {
        return server != null && (server.isAlive() || server.toHandle().descendants().anyMatch(ProcessHandle::isAlive));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static void replaceLine(Path file, String key, String replacement) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(key) && (line.length() == key.length() || " =".indexOf(line.charAt(key.length())) >= 0)) {
                lines.set(i, replacement);
                found = true;
            }
        }
        if (!found) lines.add(replacement);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Drops the continuation lines ({@code \}) that followed {@code key}'s line before it was replaced. */
    private static void removeContinuationLines(Path file, String key) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        boolean skipping = false;
        for (String line : lines) {
            if (skipping) {
                skipping = line.stripTrailing().endsWith("\\");
                continue;
            }
            kept.add(line);
            if (line.strip().startsWith(key) && line.stripTrailing().endsWith("\\")) skipping = true;
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
