package org.segue.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./segue serve --port 0} as a child process, started as a person starts it for an editor plug-in: the
 * address it prints on its first line, and a wait until its continuation service answers.
 */
final class SegueServer implements AutoCloseable {

    private static final Pattern ADDRESS = Pattern.compile("Segue editor: (http://127\\.0\\.0\\.1:\\d+)/");

    private final Process process;
    private final URI address;

    private SegueServer(Process process, URI address) {
        this.process = process;
        this.address = address;
    }

    /** Starts the server with its home (logs, cache) and its stderr under {@code home}. */
    static SegueServer start(Path home) throws IOException, InterruptedException {
        SharedData.dist(); // built already: the script must not start a build here
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(SharedData.root().resolve("segue").toString(), "serve", "--port", "0")
                .redirectError(home.resolve("serve-err.txt").toFile());
        builder.environment().put("SEGUE_HOME", home.toString());
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var reader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "segue-serve-stdout");
            thread.setDaemon(true);
            return thread;
        });
        Future<String> firstLine = reader.submit(out::readLine);
        String line;
        try {
            line = firstLine.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("./segue serve printed no address within 120 s; see " + home, e);
        }
        Matcher matcher = ADDRESS.matcher(line == null ? "" : line);
        if (!matcher.find()) {
            process.destroyForcibly();
            throw new IllegalStateException("./segue serve printed '" + line + "' instead of its address; see " + home);
        }
        reader.submit(() -> out.transferTo(java.io.Writer.nullWriter())); // never let its pipe fill
        reader.shutdown();
        SegueServer server = new SegueServer(process, URI.create(matcher.group(1)));
        server.awaitContinuation();
        return server;
    }

    URI address() {
        return address;
    }

    private void awaitContinuation() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(address.resolve("/api/v1/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() == 200
                    && new ObjectMapper().readTree(health.body()).path("continuation").asBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Segue at " + address + " has no continuation service after 60 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
