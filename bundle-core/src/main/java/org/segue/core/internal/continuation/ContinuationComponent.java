package org.segue.core.internal.continuation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
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
 * read leaves the model loaded before in use, with a warning on the log), and writes a request's variations on a
 * pool (one thread per core unless configured): the variations are cut into one group per thread, and a group's
 * variations are written together, each staff's network stepping all of them at once
 * ({@link ContinuationGenerator}). Each variation has its own networks' state and seed, and its arithmetic does
 * not depend on its group, so the result does not depend on the pool.
 *
 * <p>Configured through Config Admin ({@link ContinuationSettings}, PID {@value ContinuationSettings#PID}); without
 * a configuration it uses the built-in defaults. A new configuration applies to the next request: requests in
 * flight finish with the model and the pool they started with.
 */
@Component(service = ContinuationService.class, configurationPid = ContinuationSettings.PID)
@Designate(ocd = ContinuationSettings.class)
public class ContinuationComponent implements ContinuationService {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuationComponent.class);

    private record Loaded(long modified, SegueModel model) {
    }

    /** What one request works with; replaced whole when the configuration changes. */
    private record Setup(ContinuationDefaults defaults, ExecutorService pool) {
    }

    private final Map<Path, Loaded> models = new ConcurrentHashMap<>();
    private volatile Setup setup;

    /** Without a framework (tests): the built-in defaults. */
    public void activate() {
        start(ContinuationDefaults.builtIn());
    }

    @Activate
    public void activate(ContinuationSettings settings) {
        start(checked(settings, ContinuationDefaults.builtIn()));
    }

    private void start(ContinuationDefaults defaults) {
        setup = new Setup(defaults, newPool(defaults.threads()));
    }

    /** A changed configuration: the next request uses it; the old pool finishes what it has and stops. */
    @Modified
    public void modified(ContinuationSettings settings) {
        Setup old = setup;
        ContinuationDefaults defaults = checked(settings, old.defaults());
        ExecutorService pool = defaults.threads() == old.defaults().threads() ? old.pool()
                : newPool(defaults.threads());
        setup = new Setup(defaults, pool);
        if (pool != old.pool()) old.pool().shutdown();
        LOG.info("configuration {} applied: {} (model {}, {} threads)", ContinuationSettings.PID,
                defaults.request(), defaults.model() == null ? "shipped" : defaults.model(), defaults.threads());
    }

    @Deactivate
    public void deactivate() {
        setup.pool().shutdownNow();
        models.clear();
    }

    @Override
    public ContinuationRequest defaults() {
        return setup.defaults().request();
    }

    @Override
    public ContinuationResult continueScore(Score score, ContinuationRequest request) throws ModelException {
        long start = System.nanoTime();
        Setup current = setup;
        Path file = request.model() != null ? request.model() : current.defaults().model();
        SegueModel model = model(file);
        int inputMeasures = score.measureCount();
        int groups = Math.min(current.defaults().threads(), request.variations());
        List<Future<List<Continuation>>> futures = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<Long> seeds = new ArrayList<>();
            for (int v = g * request.variations() / groups; v < (g + 1) * request.variations() / groups; v++) {
                seeds.add(request.seedOf(v));
            }
            futures.add(submit(current.pool(), () -> ContinuationGenerator.generate(model, score, request, seeds)));
        }
        List<Continuation> continuations = new ArrayList<>();
        for (Future<List<Continuation>> f : futures) continuations.addAll(await(f));
        return new ContinuationResult(inputMeasures, request.bars(), continuations,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The settings checked; a value out of range is logged as one line and the previous defaults stay. */
    private static ContinuationDefaults checked(ContinuationSettings settings, ContinuationDefaults previous) {
        try {
            return ContinuationDefaults.from(settings);
        } catch (IllegalArgumentException e) {
            LOG.error("{}; keeping the previous values", e.getMessage());
            return previous;
        }
    }

    /** On the pool the request started with, or on the new one when a new configuration has just retired it. */
    private <T> Future<T> submit(ExecutorService pool, Callable<T> work) {
        try {
            return pool.submit(work);
        } catch (RejectedExecutionException e) {
            return setup.pool().submit(work);
        }
    }

    private static ExecutorService newPool(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "segue-continuation");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void preload(Path model) {
        Setup current = setup;
        Path file = model != null ? model : current.defaults().model();
        current.pool().submit(() -> {
            try {
                return model(file);
            } catch (ModelException e) {
                return null; // continueScore reports it
            }
        });
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
        synchronized (models) { // a preload and the call that follows it read the file once
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
    }

    private static <T> T await(Future<T> future) {
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
