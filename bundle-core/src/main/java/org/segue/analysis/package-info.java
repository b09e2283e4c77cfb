/** Analysis of scores that readers and the pipeline share, such as estimating the key. */
@Export
@Version("1.0.0")
package org.segue.analysis;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
