package org.segue.ui.internal.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;

/** A score file service that returns one score, or refuses with one message, and records what it was asked. */
final class FakeScoreFiles implements ScoreFiles {

    final List<Path> read = new ArrayList<>();
    final List<Path> written = new ArrayList<>();
    private final Score score;
    private final String refusal;

    private FakeScoreFiles(Score score, String refusal) {
        this.score = score;
        this.refusal = refusal;
    }

    static FakeScoreFiles returning(Score score) {
        return new FakeScoreFiles(score, null);
    }

    static FakeScoreFiles refusing(String problem) {
        return new FakeScoreFiles(null, problem);
    }

    @Override
    public Set<String> readableExtensions() {
        return Set.of("musicxml", "xml", "mxl", "mid");
    }

    @Override
    public Set<String> writableExtensions() {
        return readableExtensions();
    }

    @Override
    public Score read(Path file) throws ScoreFileException {
        read.add(file);
        if (refusal != null) throw new ScoreFileException(file.toString(), "part P1, measure 3", refusal);
        return score;
    }

    @Override
    public Score read(InputStream in, String name) {
        throw new UnsupportedOperationException("the commands read files");
    }

    @Override
    public void write(Score score, Path file) {
        written.add(file);
    }

    @Override
    public void write(Score score, OutputStream out, String name) {
        throw new UnsupportedOperationException("the commands write files");
    }
}
