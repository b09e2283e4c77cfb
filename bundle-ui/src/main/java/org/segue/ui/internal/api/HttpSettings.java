package org.segue.ui.internal.api;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The HTTP API's configuration (PID {@value #PID}). Where it listens is the HTTP Whiteboard's business, not the
 * API's: {@code serve --host/--port} in {@code ./segue}, Pax Web's {@code org.ops4j.pax.web} configuration in Karaf.
 */
@ObjectClassDefinition(id = HttpSettings.PID, name = "Segue HTTP API",
        description = "Limits of the editor's HTTP API under /api/v1")
public @interface HttpSettings {

    String PID = "org.segue.http";

    @AttributeDefinition(name = "Upload limit (MiB)", min = "1", max = "2047",
            description = "The largest score accepted in a request body; larger ones are answered 413")
    int uploadLimitMiB() default 32;
}
