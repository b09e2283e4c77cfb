package org.segue.musicxml;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.segue.model.Score;

/**
 * Reads and writes scores, choosing the format by the file name's extension (case does not matter):
 * {@code .musicxml} and {@code .xml} (uncompressed MusicXML), {@code .mxl} (compressed MusicXML) and {@code .mid}
 * or {@code .midi} (Standard MIDI File), read and written; {@code .pdf}, {@code .svg} and {@code .png} (sheet music
 * engraved by LilyPond) and {@code .wav} (audio), written only. Implementations are thread-safe.
 */
@ProviderType
public interface ScoreFiles {

    /** The extensions this service reads, lower case, without the dot. */
    Set<String> readableExtensions();

    /** The extensions this service writes, lower case, without the dot. */
    Set<String> writableExtensions();

    /**
     * Reads a score file.
     *
     * @throws ScoreFileException when the file cannot be read, its extension is unknown, or its content is not a
     *         score this service understands; the message names the file, the place and the problem
     */
    Score read(Path file) throws ScoreFileException;

    /**
     * Reads a score from a stream; {@code name} chooses the format by its extension and names the input in
     * messages.
     *
     * @throws ScoreFileException as for {@link #read(Path)}
     */
    Score read(InputStream in, String name) throws ScoreFileException;

    /**
     * Writes a score to a file, atomically: the file appears complete or not at all.
     *
     * @throws ScoreFileException when the extension is unknown, the score cannot be expressed in that format, the
     *         program a format needs (LilyPond for sheet music) is missing or fails, or the file cannot be written
     */
    default void write(Score score, Path file) throws ScoreFileException {
        write(score, file, WriteOptions.DEFAULT);
    }

    /**
     * Writes a score to a file, atomically, with options for the formats that use them (marked measures for
     * sheet music, a SoundFont for audio).
     *
     * @throws ScoreFileException as for {@link #write(Score, Path)}, and when the options' SoundFont cannot be read
     * @since 1.1
     */
    void write(Score score, Path file, WriteOptions options) throws ScoreFileException;

    /**
     * Writes a score to a stream in the format that {@code name}'s extension chooses.
     *
     * @throws ScoreFileException as for {@link #write(Score, Path)}
     */
    default void write(Score score, OutputStream out, String name) throws ScoreFileException {
        write(score, out, name, WriteOptions.DEFAULT);
    }

    /**
     * Writes a score to a stream in the format that {@code name}'s extension chooses, with options.
     *
     * @throws ScoreFileException as for {@link #write(Score, Path, WriteOptions)}
     * @since 1.1
     */
    void write(Score score, OutputStream out, String name, WriteOptions options) throws ScoreFileException;
}
