package org.segue.ui.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;
import org.segue.training.Corpus;
import org.segue.training.CorpusPiece;

/**
 * Reads a corpus folder through the score file service: every file directly in the folder whose extension the
 * service reads, in name order, each piece named by its file name. A file the service refuses costs one warning
 * line on {@code err} and is left out; the others go on.
 */
final class CorpusReader {

    /** The default corpus, relative to the working folder (the repository root when run with {@code ./segue}). */
    static final Path DEFAULT_CORPUS = Path.of("..", "shared", "data", "chopin-midi");

    private CorpusReader() {
    }

    /**
     * @throws BadInputException when the folder is missing or holds no readable score
     */
    static Corpus read(Path folder, ScoreFiles scoreFiles, PrintStream err, String command)
            throws BadInputException {
        List<Path> files = scoreFilesIn(folder, scoreFiles.readableExtensions());
        List<CorpusPiece> pieces = new ArrayList<>();
        for (Path file : files) {
            try {
                Score score = scoreFiles.read(file);
                pieces.add(new CorpusPiece(file.getFileName().toString(), score));
            } catch (ScoreFileException e) {
                err.println(CommandLineComponent.oneLine("segue " + command + ": warning: leaving out "
                        + e.getMessage()));
            }
        }
        if (pieces.isEmpty()) {
            throw new BadInputException(folder + ": none of its " + files.size() + " score files could be read; "
                    + "pass a folder of MusicXML or MIDI files with --corpus");
        }
        return new Corpus(folder.toString(), pieces);
    }

    private static List<Path> scoreFilesIn(Path folder, Set<String> extensions) throws BadInputException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + ": " + (Files.exists(folder) ? "is not a folder" : "no such folder")
                    + "; pass a folder of MusicXML or MIDI files with --corpus");
        }
        try (Stream<Path> list = Files.list(folder)) {
            List<Path> files = list.filter(Files::isRegularFile)
                    .filter(p -> extensions.contains(extension(p))).sorted().toList();
            if (files.isEmpty()) {
                throw new BadInputException(folder + ": holds no score files (." + String.join(", .",
                        extensions.stream().sorted().toList()) + "); pass another folder with --corpus");
            }
            return files;
        } catch (NoSuchFileException e) {
            throw new BadInputException(folder + ": no such folder; pass a folder with --corpus", e);
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot be listed: " + e.getMessage(), e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
