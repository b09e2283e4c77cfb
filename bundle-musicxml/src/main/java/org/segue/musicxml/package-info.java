/**
 * Score files in and out: MusicXML ({@code .musicxml}, {@code .xml}, compressed {@code .mxl}) and Standard MIDI
 * Files ({@code .mid}), read into and written from the {@link org.segue.model} types; sheet music ({@code .pdf},
 * {@code .svg}, {@code .png}, through LilyPond) and audio ({@code .wav}) written from them. 1.1 added
 * {@link org.segue.musicxml.WriteOptions}.
 */
@Export
@Version("1.1.0")
package org.segue.musicxml;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
