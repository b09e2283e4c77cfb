package org.segue.core.internal.runtime;

import java.util.Map;

import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to ND4J and DL4J. Inside OSGi, ND4J finds its backend through a class loader it remembers from the
 * first thread that touched it; so before the first ND4J call this points ND4J at the core bundle's own loader
 * (which embeds DL4J, ND4J and the natives), and every call runs with that loader as the thread's context class
 * loader. On a flat class path (unit tests) the same steps are harmless.
 */
public final class Nd4jRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);
    private static volatile boolean ready;

    private Nd4jRuntime() {
    }

    /** Work that may throw a checked exception of type {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code work} with ND4J ready and the bundle's class loader as the context class loader. */
    public static <T, E extends Exception> T call(Work<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(bundleLoader());
        try {
            ensureReady();
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Like {@link #call} for work without a result. */
    public static <E extends Exception> void run(Work<Void, E> work) throws E {
        call(work);
    }

    /** Before the natives load: afterwards OpenMP no longer reads its environment. */
    private static void configureOpenMp() {
        try {
            Map<String, String> applied = OpenMpEnvironment.applyWhereUnset();
            if (!applied.isEmpty()) LOG.info("OpenMP environment set for ND4J: {}", applied);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("cannot set the OpenMP environment ({}); set {} yourself for full speed", e,
                    OpenMpEnvironment.wanted());
        }
    }

    private static ClassLoader bundleLoader() {
        return Nd4jRuntime.class.getClassLoader();
    }

    private static void ensureReady() {
        if (ready) return;
        synchronized (Nd4jRuntime.class) {
            if (ready) return;
            configureOpenMp();
            ND4JClassLoading.setNd4jClassloader(bundleLoader());
            long start = System.nanoTime();
            String backend = Nd4j.getBackend().getClass().getSimpleName();
            LOG.info("ND4J backend {} ready in {} ms; OpenMP uses up to {} threads", backend,
                    (System.nanoTime() - start) / 1_000_000, NativeOpsHolder.getInstance().getDeviceNativeOps()
                            .ompGetMaxThreads());
            ready = true;
        }
    }
}
