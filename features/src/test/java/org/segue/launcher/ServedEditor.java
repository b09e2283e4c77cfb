package org.segue.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./segue serve --port 0} as a person starts it: a child process whose first line on stdout names the
 * editor's address. Closing it interrupts the process (as Ctrl-C does) and waits for it to end.
 */
final class ServedEditor implements AutoCloseable {

    private static final Pattern ADDRESS = Pattern.compile("Segue editor: (http://\\S+)");

    private final Process process;
    private final Path err;
    private final String url;

    private ServedEditor(Process process, Path err, String url) {
        this.process = process;
        this.err = err;
        this.url = url;
    }

    /** Starts the editor with its home (logs, framework cache) in home, and waits for its address. */
    static ServedEditor start(Path home, long timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(home);
        Path err = home.resolve("serve-err.txt");
        ProcessBuilder builder = new ProcessBuilder(List.of(SharedData.root().resolve("segue").toString(), "serve",
                "--port", "0")).redirectError(err.toFile());
        builder.environment().put("SEGUE_HOME", home.toString());
        SharedData.dist(); // built already: the script must not start a build here
        Process process = builder.start();
        CompletableFuture<String> address = CompletableFuture.supplyAsync(() -> readAddress(process));
        try {
            return new ServedEditor(process, err, address.get(timeoutSeconds, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new AssertionError("./segue serve --port 0 ended without printing 'Segue editor: URL'; its stderr: "
                    + Files.readString(err, StandardCharsets.UTF_8), e);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("./segue serve --port 0 printed no 'Segue editor: URL' line within "
                    + timeoutSeconds + " s; its stderr: " + Files.readString(err, StandardCharsets.UTF_8), e);
        }
    }

    /** Reads stdout until the address line, then keeps draining it so the server never blocks on a full pipe. */
    private static String readAddress(Process process) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher matcher = ADDRESS.matcher(line);
                if (matcher.find()) {
                    Thread drain = new Thread(() -> drain(out), "segue-serve-stdout");
                    drain.setDaemon(true);
                    drain.start();
                    return matcher.group(1);
                }
            }
            throw new IllegalStateException("./segue serve ended (status " + process.waitFor() + ") without an address");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // only the first line matters
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    String url() {
        return url;
    }

    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM, which the launcher handles like Ctrl-C
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
