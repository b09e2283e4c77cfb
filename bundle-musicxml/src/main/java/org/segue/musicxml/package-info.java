/**
 * Score files in and out: MusicXML ({@code .musicxml}, {@code .xml}, compressed {@code .mxl}) and Standard MIDI
 * Files ({@code .mid}), read into and written from the {@link org.segue.model} types.
 */
@Export
@Version("1.0.0")
package org.segue.musicxml;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
