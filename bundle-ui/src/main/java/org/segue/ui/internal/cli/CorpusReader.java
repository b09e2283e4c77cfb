package org.segue.ui.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
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
 * line on {@code err} and is left out; the others go on. A {@link Sample} takes only some of the files, chosen
 * before any is read, so that a part of a large folder costs only the import of that part.
 */
final class CorpusReader {

    /** The default corpus, relative to the working folder (the repository root when run with {@code ./segue}). */
    static final Path DEFAULT_CORPUS = Path.of("..", "shared", "data", "chopin-midi");

    private CorpusReader() {
    }

    /**
     * Which files of a folder are read: the first {@code maxPieces} readable ones of those whose names are not in
     * {@code leftOut}, in an order chosen by {@code seed}: the files are ordered by the SHA-256 hash of the seed and
     * their name (a file that cannot be read is skipped and the next one taken). The same names and seed always give
     * the same sample, and a larger sample holds the smaller one. The pieces are then kept in name order.
     *
     * @param maxPieces the most pieces taken; {@link #ALL} for every file
     */
    record Sample(int maxPieces, long seed, Set<String> leftOut) {

        static final int ALL = Integer.MAX_VALUE;

        /** Every file of the folder. */
        static final Sample EVERY_FILE = new Sample(ALL, 0, Set.of());

        Sample {
            if (maxPieces < 1) throw new IllegalArgumentException("a sample takes at least 1 piece, not " + maxPieces);
            leftOut = Set.copyOf(leftOut);
        }

        /** The files in the order they are tried: not left out, by name for every file, else by hash. */
        List<Path> order(List<Path> files) {
            List<Path> candidates = new ArrayList<>(files.stream()
                    .filter(f -> !leftOut.contains(f.getFileName().toString())).toList());
            if (maxPieces != ALL) {
                candidates.sort(Comparator.comparing((Path f) -> hash(seed + ":" + f.getFileName()))
                        .thenComparing(Comparator.naturalOrder()));
            }
            return candidates;
        }

        private static String hash(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
            }
        }
    }

    /**
     * @throws BadInputException when the folder is missing or holds no readable score
     */
    static Corpus read(Path folder, ScoreFiles scoreFiles, PrintStream err, String command)
            throws BadInputException {
        return read(folder, Sample.EVERY_FILE, scoreFiles, err, command);
    }

    /**
     * Reads the pieces of {@code folder} that {@code sample} takes.
     *
     * @throws BadInputException when the folder is missing or holds no readable score, or the sample leaves none
     */
    static Corpus read(Path folder, Sample sample, ScoreFiles scoreFiles, PrintStream err, String command)
            throws BadInputException {
        List<Path> all = scoreFilesIn(folder, scoreFiles.readableExtensions());
        List<Path> files = sample.order(all);
        if (files.isEmpty()) {
            throw new BadInputException(folder + ": the model was trained on all its " + all.size() + " score files, "
                    + "so none is left to evaluate; pass a corpus with other pieces");
        }
        List<CorpusPiece> pieces = new ArrayList<>();
        for (Path file : files) {
            if (pieces.size() == sample.maxPieces()) break;
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
        pieces.sort(Comparator.comparing(CorpusPiece::name));
        return new Corpus(folder.toString(), pieces);
    }

    /**
     * The score files directly in {@code folder} (those with one of {@code extensions}), in name order.
     *
     * @throws BadInputException when the folder is missing, cannot be listed or holds no score file
     */
    static List<Path> scoreFilesIn(Path folder, Set<String> extensions) throws BadInputException {
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
