package org.segue.musicxml.internal.lilypond;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.WriteOptions;
import org.segue.musicxml.internal.ScoreFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sheet music engraved by LilyPond: {@code .pdf} (A4 pages), {@code .svg} and {@code .png} (the whole piece on one
 * page as tall as it needs, so that one file holds it all). The score is written as LilyPond input
 * ({@link LilyPondWriter}) into a new temporary folder, {@link LilyPondProgram} engraves it there, and the result is
 * copied to the output (which the score file service writes atomically); the folder is removed afterwards. Written
 * only: Segue cannot read these files back.
 */
public class LilyPondFormat implements ScoreFormat {

    private static final Logger LOG = LoggerFactory.getLogger(LilyPondFormat.class);

    /** PNG at 110 dots per inch, opaque (LilyPond's default PNG is transparent, black on nothing). */
    private static final List<String> PNG_OPTIONS = List.of("--png", "-dresolution=110", "-dpixmap-format=png16m");

    private final LilyPondProgram program;

    public LilyPondFormat(LilyPondProgram program) {
        this.program = program;
    }

    @Override
    public Set<String> extensions() {
        return Set.of("pdf", "svg", "png");
    }

    @Override
    public boolean readable() {
        return false;
    }

    @Override
    public Score read(InputStream in, String name) throws ScoreFileException {
        throw new ScoreFileException(name, null, "sheet music cannot be read back; read the MusicXML or MIDI file "
                + "it was made from");
    }

    @Override
    public void write(Score score, OutputStream out, String name) throws ScoreFileException {
        write(score, out, name, WriteOptions.DEFAULT);
    }

    @Override
    public void write(Score score, OutputStream out, String name, WriteOptions options) throws ScoreFileException {
        if (score.parts().isEmpty()) throw new ScoreFileException(name, null, "the score has no parts to engrave");
        String extension = extension(name);
        String input = LilyPondWriter.write(score, options, !extension.equals("pdf"));
        Path folder = null;
        try {
            folder = Files.createTempDirectory("segue-lilypond-");
            Path ly = folder.resolve("score.ly");
            Files.writeString(ly, input, StandardCharsets.UTF_8);
            program.engrave(ly, options(extension), name);
            Files.copy(result(folder, extension, name), out);
        } catch (IOException e) {
            throw new ScoreFileException(name, null, "cannot be engraved: " + e.getMessage(), e);
        } finally {
            if (folder != null) deleteQuietly(folder);
        }
    }

    /** LilyPond's input for the score, as it would be engraved into a file named {@code name}. */
    public static String lilyPondInput(Score score, String name, WriteOptions options) {
        return LilyPondWriter.write(score, options, !extension(name).equals("pdf"));
    }

    private static List<String> options(String extension) {
        return switch (extension) {
            case "png" -> PNG_OPTIONS;
            case "svg" -> List.of("--svg");
            default -> List.of("--pdf");
        };
    }

    /** {@code score.pdf}; for a PNG or SVG of several pages (which one-page layout avoids) the first page. */
    private static Path result(Path folder, String extension, String name) throws IOException, ScoreFileException {
        Path single = folder.resolve("score." + extension);
        if (Files.isRegularFile(single)) return single;
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> pages = files.filter(f -> f.getFileName().toString().endsWith("." + extension))
                    .sorted().toList();
            if (pages.isEmpty()) {
                throw new ScoreFileException(name, null, "LilyPond ended without error but wrote no ." + extension
                        + " file; nothing was written");
            }
            LOG.warn("{}: LilyPond wrote {} pages; the first one is kept", name, pages.size());
            return pages.get(0);
        }
    }

    private static String extension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.substring(lower.lastIndexOf('.') + 1);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot remove the temporary folder {}: {}", folder, e.getMessage());
        }
    }
}
