package org.segue.core.internal.continuation;

import java.nio.file.Path;

import org.segue.continuation.ContinuationRequest;

/**
 * The checked form of a {@link ContinuationSettings}: the request that callers start from, the model file used
 * when a request names none (null: the shipped model) and the number of threads.
 */
record ContinuationDefaults(ContinuationRequest request, Path model, int threads) {

    /** The values a service has without any configuration. */
    static ContinuationDefaults builtIn() {
        return new ContinuationDefaults(ContinuationRequest.of(ContinuationRequest.DEFAULT_BARS), null,
                processors());
    }

    /**
     * @throws IllegalArgumentException naming the property whose value is out of range, and the range
     */
    static ContinuationDefaults from(ContinuationSettings settings) {
        ContinuationRequest request;
        try {
            request = ContinuationRequest.of(settings.bars())
                    .withTopK(settings.topKEvents(), settings.topKDurations())
                    .withTemperature(settings.temperature())
                    .withHarmony(settings.harmony());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration " + ContinuationSettings.PID + ": " + e.getMessage(), e);
        }
        if (settings.threads() < 0) {
            throw new IllegalArgumentException("configuration " + ContinuationSettings.PID + ": threads must be >= 0 "
                    + "(0: one per core), not " + settings.threads());
        }
        String model = settings.model() == null ? "" : settings.model().strip();
        return new ContinuationDefaults(request, model.isEmpty() ? null : Path.of(model),
                settings.threads() == 0 ? processors() : settings.threads());
    }

    private static int processors() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
