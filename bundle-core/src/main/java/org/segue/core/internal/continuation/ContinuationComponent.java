package org.segue.core.internal.continuation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.segue.continuation.Continuation;
import org.segue.continuation.ContinuationRequest;
import org.segue.continuation.ContinuationResult;
import org.segue.continuation.ContinuationService;
import org.segue.core.internal.model.SegueModel;
import org.segue.model.Score;
import org.segue.training.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ContinuationService}: loads models once (a file again when it changed; a changed file that cannot be
 * read leaves the model loaded before in use, with a warning on the log), and writes a request's
 * variations side by side on a pool as large as the machine has cores, each variation with its own networks'
 * state and seed, so the result does not depend on the pool.
 */
@Component(service = ContinuationService.class)
public class ContinuationComponent implements ContinuationService {

    private record Loaded(long modified, SegueModel model) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ContinuationComponent.class);

    private final Map<Path, Loaded> models = new ConcurrentHashMap<>();
    private ExecutorService pool;

    @Activate
    public void activate() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "segue-continuation");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    public void deactivate() {
        pool.shutdownNow();
        models.clear();
    }

    @Override
    public ContinuationResult continueScore(Score score, ContinuationRequest request) throws ModelException {
        long start = System.nanoTime();
        SegueModel model = model(request.model());
        int inputMeasures = score.measureCount();
        List<Future<Continuation>> futures = new ArrayList<>();
        for (int v = 0; v < request.variations(); v++) {
            long seed = request.seedOf(v);
            futures.add(pool.submit(() -> ContinuationGenerator.generate(model, score, request, seed)));
        }
        List<Continuation> continuations = new ArrayList<>();
        for (Future<Continuation> f : futures) continuations.add(await(f));
        return new ContinuationResult(inputMeasures, request.bars(), continuations,
                (System.nanoTime() - start) / 1_000_000);
    }

    private SegueModel model(Path file) throws ModelException {
        if (file == null) return SegueModel.defaultModel();
        Path key = file.toAbsolutePath().normalize();
        long modified;
        try {
            modified = Files.getLastModifiedTime(key).toMillis();
        } catch (java.io.IOException e) {
            throw new ModelException(file + ": cannot read the model file (" + e.getMessage()
                    + "); check the path or train one with ./segue train", e);
        }
        Loaded loaded = models.get(key);
        if (loaded == null || loaded.modified() != modified) {
            try {
                loaded = new Loaded(modified, SegueModel.load(file));
            } catch (ModelException e) {
                if (loaded == null) throw e;
                // a model being replaced, or replaced by a broken file: the service keeps the one it has
                LOG.warn("{}; keeping the model loaded from it before", e.getMessage());
                return loaded.model();
            }
            models.put(key, loaded);
        }
        return loaded.model();
    }

    private static Continuation await(Future<Continuation> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a continuation", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
