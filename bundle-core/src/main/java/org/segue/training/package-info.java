/**
 * Training and evaluating Segue's networks: the {@link org.segue.training.TrainingService}, the corpus it learns
 * from, its configuration, progress events, and the results and reports it returns. No DL4J or ND4J type appears
 * here; the networks stay inside the core bundle.
 */
@Export
@Version("3.1.0")
package org.segue.training;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
