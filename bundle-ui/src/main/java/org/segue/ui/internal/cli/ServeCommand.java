package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;
import org.segue.ui.internal.web.EditorDocument;
import org.segue.ui.internal.web.OpenDocuments;

/**
 * {@code segue serve [FILE] [--port P] [--host H]}: the reference editor and the HTTP API, until the framework stops
 * (Ctrl-C). The HTTP server itself is the framework's HTTP Whiteboard implementation, which the launcher starts on
 * the address asked for; this command opens FILE, prints where the editor is, and waits.
 */
@Component(service = Command.class)
public class ServeCommand implements Command {

    static final String HTTP_RUNTIME = "org.osgi.service.http.runtime.HttpServiceRuntime";
    static final String ENDPOINT = "osgi.http.endpoint";
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "127.0.0.1";
    private static final long START_SECONDS = 20;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Reference
    private ScoreFiles scoreFiles;

    @Reference
    private OpenDocuments documents;

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
    }

    @Deactivate
    void deactivate() {
        stopped.countDown();
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String usage() {
        return "[FILE] [--port P] [--host H]";
    }

    @Override
    public String summary() {
        return "the editor in your browser and the HTTP API, at http://127.0.0.1:8080/ until Ctrl-C";
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of("--port", "--host"));
        if (arguments.positional().size() > 1) throw new UsageException("give at most one FILE to open");
        OptionValues.intValue(arguments, "--port", DEFAULT_PORT, 0, 65535); // the launcher binds it; check it here
        EditorDocument opened = arguments.positional().isEmpty() ? null : open(arguments.path(0));
        String endpoint = awaitEndpoint();
        out.println("Segue editor: " + endpoint + (opened == null ? "" : "?document=" + opened.id()));
        out.println("(Ctrl-C stops it)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private EditorDocument open(Path file) throws BadInputException {
        try {
            Score score = scoreFiles.read(file);
            return documents.open(file.getFileName().toString(), score);
        } catch (ScoreFileException e) {
            throw new BadInputException(e);
        }
    }

    /** The address the HTTP runtime reports, once it is up. */
    private String awaitEndpoint() throws BadInputException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            String endpoint = currentEndpoint();
            if (endpoint != null) return endpoint;
            try {
                if (stopped.await(100, TimeUnit.MILLISECONDS)) break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new BadInputException("segue serve: the HTTP server did not start within " + START_SECONDS
                + " s; see the log for why (is the port in use?)");
    }

    private String currentEndpoint() {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(HTTP_RUNTIME, null);
            if (references == null) return null;
            for (ServiceReference<?> reference : references) {
                String endpoint = first(reference.getProperty(ENDPOINT));
                if (endpoint != null) return endpoint.endsWith("/") ? endpoint : endpoint + "/";
            }
            return null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(Object property) {
        if (property instanceof String s) return s;
        if (property instanceof String[] array && array.length > 0) return array[0];
        if (property instanceof Collection<?> list && !list.isEmpty()) return String.valueOf(list.iterator().next());
        return null;
    }
}
