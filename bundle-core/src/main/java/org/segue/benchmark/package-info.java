/**
 * Measuring Segue's own hot paths inside the framework: one training step and one generation step at the shipped
 * model's shapes. The {@link org.segue.benchmark.BenchmarkService} times; it judges nothing. No DL4J or ND4J type
 * appears here.
 */
@Export
@Version("1.0.0")
package org.segue.benchmark;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
