/** Writing files so that a reader never sees half of one: what every bundle that saves a user's file shares. */
@Export
@Version("1.0.0")
package org.segue.files;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
