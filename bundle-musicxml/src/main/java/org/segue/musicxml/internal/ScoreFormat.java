package org.segue.musicxml.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;

import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.WriteOptions;

/** One file format: the extensions it owns, and how a score is read from and written to a stream. */
public interface ScoreFormat {

    /** Lower-case extensions without the dot, like {@code mid}. */
    Set<String> extensions();

    /** False for formats that are only written (sheet music, audio): their files are never read back. */
    default boolean readable() {
        return true;
    }

    /** Reads a whole score; {@code name} is the file name as the user gave it, for messages. */
    Score read(InputStream in, String name) throws ScoreFileException;

    /** Writes a whole score; {@code name} is the target's name, for messages and to pick a variant. */
    void write(Score score, OutputStream out, String name) throws ScoreFileException;

    /** Writes a whole score with options; formats that have no use for them ignore them. */
    default void write(Score score, OutputStream out, String name, WriteOptions options) throws ScoreFileException {
        write(score, out, name);
    }
}
