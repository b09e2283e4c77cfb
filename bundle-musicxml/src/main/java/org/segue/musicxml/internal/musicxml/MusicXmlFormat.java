package org.segue.musicxml.internal.musicxml;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;

import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.internal.ScoreFormat;

/** PLACEHOLDER until this format is written: refuses everything. */
public class MusicXmlFormat implements ScoreFormat {

    @Override
    public Set<String> extensions() {
        return Set.of("musicxml", "xml", "mxl");
    }

    @Override
    public Score read(InputStream in, String name) throws ScoreFileException {
        throw new ScoreFileException(name, null, "this format is not implemented yet");
    }

    @Override
    public void write(Score score, OutputStream out, String name) throws ScoreFileException {
        throw new ScoreFileException(name, null, "this format is not implemented yet");
    }
}
