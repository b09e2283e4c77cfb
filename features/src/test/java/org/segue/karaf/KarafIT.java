package org.segue.karaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Segue in a real Apache Karaf (the distribution from Maven Central that the build unpacked): the features
 * repository added, {@code feature:install segue}, {@code segue:continue} on the example through {@code bin/client},
 * a setting changed with {@code config:property-set} and used without a restart, and {@code feature:uninstall}
 * leaving no Segue bundle. Karaf is stopped at the end, also when a step fails. The console transcript is
 * {@code target/karaf-it/transcript.txt}; Karaf's own log is under {@code target/karaf-it/karaf/data/log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KarafIT {

    private static final Duration COMMAND = Duration.ofMinutes(2);
    private static final Duration INSTALL = Duration.ofMinutes(6);

    private static final Path TARGET = Path.of(System.getProperty("segue.target", "target")).toAbsolutePath();
    private static final Path WORK = TARGET.resolve("karaf-it");
    private static final String VERSION = System.getProperty("segue.version", "0.1.0-SNAPSHOT");
    private static final Path EXAMPLE = Path.of(System.getProperty("segue.root", ".."))
            .resolve("examples/little-waltz.musicxml").toAbsolutePath().normalize();

    private static KarafInstance karaf;

    @BeforeAll
    static void startKaraf() throws Exception {
        Path distribution = Path.of(System.getProperty("karaf.dist", "target/karaf-dist/apache-karaf-4.4.10"));
        if (!Files.isDirectory(distribution.resolve("bin"))) {
            throw new IllegalStateException("no Karaf distribution in " + distribution + "; run mvn verify");
        }
        karaf = KarafInstance.prepare(distribution, WORK.resolve("karaf"), WORK.resolve("transcript.txt"));
        try {
            publishSegue();
            karaf.start(Map.of(
                    // what bin/setenv would say in a Karaf set up for Segue (see README.md)
                    "JAVA_MAX_MEM", "1g",
                    "EXTRA_JAVA_OPTS", "-Dorg.bytedeco.javacpp.cachedir=" + TARGET.resolve("karaf-javacpp-cache")),
                    // as in a Karaf nobody prepared for ND4J: bundle-core sets the OpenMP variables itself
                    List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY"),
                    Duration.ofMinutes(2));
        } catch (Exception | Error e) {
            karaf.close();
            throw e;
        }
    }

    @AfterAll
    static void stopKaraf() throws Exception {
        if (karaf == null) return;
        karaf.close();
        assertThat(karaf.isRunning()).as("Karaf's process is gone").isFalse();
    }

    /** The built bundles and the features descriptor, where the descriptor's mvn: URLs find them. */
    private static void publishSegue() throws IOException {
        try (Stream<Path> jars = Files.list(TARGET.resolve("segue/bundle"))) {
            for (Path jar : jars.filter(j -> j.getFileName().toString().startsWith("bundle-")).toList()) {
                String artifactId = jar.getFileName().toString().replace("-" + VERSION + ".jar", "");
                karaf.addToSystemRepository(jar, "org.segue", artifactId, VERSION, null, "jar");
            }
        }
        karaf.addToSystemRepository(TARGET.resolve("feature/feature.xml"), "org.segue", "features", VERSION,
                "features", "xml");
    }

    @Test
    @Order(1)
    void featureInstallSegueStartsEverySegueBundle() throws Exception {
        ok("feature:repo-add mvn:org.segue/features/" + VERSION + "/xml/features", COMMAND);
        ok("feature:install segue", INSTALL);

        String bundles = ok("bundle:list -s -t 0", COMMAND);
        assertThat(segueBundleLines(bundles)).hasSize(3).allSatisfy(line -> assertThat(line).contains("Active"));
        assertThat(ok("service:list org.segue.ui.internal.cli.ShellCommands", COMMAND))
                .contains("osgi.command.scope = segue", "osgi.command.function = [info, continue, train, evaluate, "
                        + "calibrate, convert]");
    }

    @Test
    @Order(2)
    void segueContinueWritesTheNextBarsOfTheExample() throws Exception {
        Path out = WORK.resolve("continued.musicxml");
        Files.deleteIfExists(out);

        String output = ok("segue:continue " + EXAMPLE + " --bars 4 --out " + out, COMMAND);

        assertThat(output).contains("wrote " + out + ": 8 + 4 measures");
        assertThat(measuresIn(out)).isEqualTo(12);
    }

    @Test
    @Order(3)
    void aSettingChangedWithConfigPropertySetIsUsedWithoutARestart() throws Exception {
        Path out = WORK.resolve("configured.musicxml");
        ok("config:property-set -p org.segue.continuation bars 3", COMMAND);

        // Config Admin tells the component asynchronously: give it a moment, never a restart
        int measures = 0;
        for (int attempt = 0; attempt < 10 && measures != 11; attempt++) {
            Files.deleteIfExists(out);
            ok("segue:continue " + EXAMPLE + " --out " + out, COMMAND);
            measures = measuresIn(out);
            if (measures != 11) Thread.sleep(1000);
        }

        assertThat(measures).as("8 measures and the 3 that the configuration asks for").isEqualTo(11);
        assertThat(Files.readString(karaf.home().resolve("etc/org.segue.continuation.cfg"))).contains("bars = 3");
    }

    @Test
    @Order(4)
    void evaluateRunsNd4jWithTheOpenMpSettingsKarafsEnvironmentLacked() throws Exception {
        // continue reads the networks without ND4J; evaluate restores them in DL4J, which loads ND4J's natives
        Path corpus = Files.createDirectories(WORK.resolve("corpus"));
        Path piece = corpus.resolve("chpn-p7.mid");
        Files.deleteIfExists(piece);
        Files.createSymbolicLink(piece, Path.of(System.getProperty("segue.shared", "../../shared"), "data",
                "chopin-midi", "chpn-p7.mid").toAbsolutePath().normalize());

        String output = ok("segue:evaluate --corpus " + corpus + " --json", COMMAND);

        assertThat(output).contains("\"pieces\":[\"chpn-p7.mid\"]");
        assertThat(Files.readString(karaf.home().resolve("data/log/karaf.log")))
                .as("the OpenMP settings that Karaf's environment lacked").contains("OpenMP environment set for ND4J: "
                        + "{OMP_WAIT_POLICY=PASSIVE, OMP_NUM_THREADS=" + Runtime.getRuntime().availableProcessors() + "}");
    }

    @Test
    @Order(5)
    void badInputIsOneLineAndAFailedCommand() throws Exception {
        Path missing = WORK.resolve("no-such-piece.musicxml");

        KarafInstance.Result result = karaf.client("segue:info " + missing, COMMAND);

        assertThat(result.status()).as("bin/client's status for a failed command").isEqualTo(1);
        assertThat(result.output()).contains("Error executing command: ",
                missing + ": no such file; check the path (exit status 2)");
        assertThat(result.output()).doesNotContain("\tat org.segue");
    }

    @Test
    @Order(6)
    void featureUninstallLeavesNoSegueBundle() throws Exception {
        ok("feature:uninstall segue", INSTALL);

        assertThat(segueBundleLines(ok("bundle:list -s -t 0", COMMAND))).isEmpty();
    }

    private static String ok(String command, Duration timeout) throws Exception {
        KarafInstance.Result result = karaf.client(command, timeout);
        assertThat(result.status()).as("exit status of '" + command + "': " + result.output()).isZero();
        assertThat(result.output()).as(command).doesNotContain("Error executing command");
        return result.output();
    }

    private static List<String> segueBundleLines(String bundleList) {
        return bundleList.lines().filter(l -> l.contains("org.segue.")).toList();
    }

    /** Parses the file (so it must be well-formed XML) and counts the measures of its first part. */
    private static int measuresIn(Path file) throws Exception {
        assertThat(file).exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Element part = (Element) document.getElementsByTagName("part").item(0);
        return part.getElementsByTagName("measure").getLength();
    }
}
