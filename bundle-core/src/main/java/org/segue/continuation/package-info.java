/**
 * "Continue this piece": the {@link org.segue.continuation.ContinuationService} and its request, result and
 * report types. No DL4J type appears here.
 */
@Export
@Version("1.2.0")
package org.segue.continuation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
