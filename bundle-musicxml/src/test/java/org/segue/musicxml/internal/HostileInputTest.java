package org.segue.musicxml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.segue.musicxml.ScoreFileException;

/**
 * Every {@link HostileFiles hostile file} through the score file service, as the command line and the service read
 * them: refused with one line that names the file and says what is wrong, within seconds and a bounded amount of
 * allocated memory, with no file read and no connection made (a local server counts any attempt).
 */
class HostileInputTest {

    /** Far more than any case needs; a reader that expanded a bomb or built millions of notes would pass it. */
    private static final long ALLOCATION_LIMIT = 1024L * 1024 * 1024;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(20);

    @TempDir
    static Path folder;
    private static ServerSocket server;
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static Path secret;

    @BeforeAll
    static void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    CONNECTIONS.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "hostile-input-listener");
        acceptor.setDaemon(true);
        acceptor.start();
        secret = Files.writeString(folder.resolve("secret.txt"), "TOP-SECRET");
    }

    @AfterAll
    static void close() throws IOException {
        server.close();
    }

    static List<HostileFiles.Case> cases() {
        return HostileFiles.cases("http://127.0.0.1:" + server.getLocalPort() + "/x.dtd", secret.toUri().toString());
    }

    @TestFactory
    Stream<DynamicTest> eachHostileFileIsRefusedWithOneLineQuicklyAndWithoutReachingOut() {
        ScoreFilesComponent files = new ScoreFilesComponent();
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path file = Files.write(folder.resolve(c.name()), c.bytes());
            assertTimeoutPreemptively(TIME_LIMIT, () -> {
                long before = allocatedBytes();
                if (c.expected() == null) { // read and written back as a valid score
                    org.segue.model.Score score = files.read(file);
                    assertThat(score.parts()).isNotEmpty();
                    Path copy = folder.resolve("copy-of-" + c.name() + ".musicxml");
                    files.write(score, copy);
                    assertThat(files.read(copy).parts()).extracting(p -> p.measures().size())
                            .isEqualTo(score.parts().stream().map(p -> p.measures().size()).toList());
                } else {
                    assertThatThrownBy(() -> files.read(file)).isInstanceOf(ScoreFileException.class)
                            .satisfies(e -> System.out.println("refused: " + e.getMessage()))
                            .hasMessageStartingWith(file + ": ").hasMessageContaining(c.expected())
                            .hasMessageNotContaining("\n").hasMessageNotContaining("TOP-SECRET");
                }
                assertThat(allocatedBytes() - before).as("bytes allocated reading %s", c.name())
                        .isLessThan(ALLOCATION_LIMIT);
            });
            assertThat(CONNECTIONS.get()).as("connections to the local server").isZero();
        }));
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
