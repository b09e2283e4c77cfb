/**
 * The {@code segue} command line as an OSGi service. A launcher outside the framework finds
 * {@link org.segue.ui.cli.CommandLine} by its name and calls it with plain {@code java.*} types only.
 */
@Export
@Version("1.0.0")
package org.segue.ui.cli;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
