package org.segue.core.internal.continuation;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The continuation service's configuration (PID {@value #PID}): the model it uses when a request names none, the
 * defaults of a request, and how many continuations it writes at once. Every value has a default, so the service
 * runs without any configuration; a change applies to the next request, without a restart.
 */
@ObjectClassDefinition(id = ContinuationSettings.PID, name = "Segue continuation",
        description = "The model and the defaults that 'continue' uses when a request does not say otherwise")
public @interface ContinuationSettings {

    String PID = "org.segue.continuation";

    @AttributeDefinition(name = "Model file", required = false,
            description = "A model file written by 'segue train'; empty: the shipped Chopin model. A file that "
                    + "changes on disk is read again for the next request")
    String model() default "";

    @AttributeDefinition(name = "Bars", min = "1", max = "512",
            description = "Measures to add when a request does not say how many")
    int bars() default 8;

    @AttributeDefinition(name = "Top-k events", min = "1",
            description = "Each next note, chord or rest is drawn among this many likeliest")
    int topKEvents() default 10;

    @AttributeDefinition(name = "Top-k durations", min = "1",
            description = "Each next duration is drawn among this many likeliest")
    int topKDurations() default 5;

    @AttributeDefinition(name = "Temperature", min = "0.01", max = "100",
            description = "Below 1 sharper, above 1 flatter distributions before the draw")
    double temperature() default 1.0;

    @AttributeDefinition(name = "Harmony", min = "0", max = "1",
            description = "0 to 1: how strongly a candidate that would clash with the other staff is held back")
    double harmony() default 0.5;

    @AttributeDefinition(name = "Threads", min = "0",
            description = "Continuations written at the same time; 0: one per processor core")
    int threads() default 0;
}
