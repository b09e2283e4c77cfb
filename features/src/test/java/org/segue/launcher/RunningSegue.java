package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The built bundles in a real Felix framework, started by the launcher's own code in the test JVM, with the
 * command line service called as {@code ./segue} calls it. A JUnit extension for a test class:
 * {@code @RegisterExtension static final RunningSegue SEGUE = new RunningSegue("name");} starts a clean framework
 * whose home is {@code target/it-home/name} before the class's tests and stops it after them.
 */
final class RunningSegue implements BeforeAllCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Map<String, String> properties;
    private LogFile log;
    private SegueFramework framework;
    private CommandLineClient commandLine;

    RunningSegue(String name) {
        this(name, Map.of());
    }

    private RunningSegue(String name, Map<String, String> properties) {
        this.name = name;
        this.properties = properties;
    }

    /** The same, with Felix HTTP serving the editor and the API on a free loopback port, as {@code serve} does. */
    static RunningSegue withHttp(String name) {
        return new RunningSegue(name, Map.of("org.apache.felix.http.enable", "true",
                "org.osgi.service.http.port", "0", "org.apache.felix.http.host", "127.0.0.1"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path home = Path.of("target", "it-home", name).toAbsolutePath();
        FrameworkStorage.deleteTree(home);
        List<Path> bundles = SegueFramework.bundleFiles(SharedData.dist().resolve("bundle"));
        log = LogFile.open(home.resolve("segue.log"));
        log.captureSystemStreams(); // as the launcher does: the bundles' logging goes to the file
        Map<String, String> frameworkProperties = new HashMap<>(properties);
        frameworkProperties.put("segue.log.file", log.path().toString());
        framework = SegueFramework.start(home.resolve("felix"), true, bundles, frameworkProperties);
        commandLine = CommandLineClient.await(framework, Duration.ofSeconds(60));
    }

    SegueFramework framework() {
        return framework;
    }

    /** The installed bundle with this symbolic name. */
    Bundle bundle(String symbolicName) {
        return framework.bundles().stream().filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName + " in the framework"));
    }

    /** Where Felix HTTP listens (only {@link #withHttp}), as the HTTP runtime service reports it. */
    URI httpEndpoint() {
        try {
            ServiceReference<?> runtime = framework.awaitService("org.osgi.service.http.runtime.HttpServiceRuntime",
                    Duration.ofSeconds(30));
            Object endpoint = runtime.getProperty("osgi.http.endpoint");
            String first = endpoint instanceof String[] all ? all[0] : endpoint instanceof java.util.Collection<?> c
                    ? String.valueOf(c.iterator().next()) : String.valueOf(endpoint);
            return URI.create(first.endsWith("/") ? first : first + "/");
        } catch (LaunchException e) {
            throw new AssertionError("no HTTP runtime: " + e.getMessage(), e);
        }
    }

    /** Runs one command, like {@code ./segue ARGS}, and keeps what it printed. */
    Outcome run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = commandLine.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code info FILE --json}, checked to succeed quietly with one line, as a JSON tree. */
    JsonNode info(Path file) throws Exception {
        Outcome info = run("info", file.toString(), "--json");
        assertThat(info.err()).as("stderr of info " + file.getFileName()).isEmpty();
        assertThat(info.status()).isZero();
        assertThat(info.out().lines()).as("one JSON object on one line").hasSize(1);
        return JSON.readTree(info.out());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (framework != null) assertThat(framework.stop()).as("the framework stops within 30 s").isTrue();
        } finally {
            if (log != null) log.close();
        }
    }
}
