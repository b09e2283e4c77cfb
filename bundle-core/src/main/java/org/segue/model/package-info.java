/**
 * The score model: spelled pitches, exact durations, notes, chords and rests in voices, measures with their key,
 * time signature, clefs, tempo and transposition, parts and the score. Unpitched (percussion) notes keep their
 * display position. Every type is immutable; time is always an exact
 * {@link org.segue.model.Duration}, never a floating-point number.
 */
@Export
@Version("1.1.0")
package org.segue.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
