package org.segue.musicxml.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.segue.files.AtomicFile;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;
import org.segue.musicxml.WriteOptions;
import org.segue.musicxml.internal.audio.WavFormat;
import org.segue.musicxml.internal.lilypond.LilyPondFormat;
import org.segue.musicxml.internal.lilypond.LilyPondProgram;
import org.segue.musicxml.internal.midi.LegatoGaps;
import org.segue.musicxml.internal.midi.MidiFormat;
import org.segue.musicxml.internal.musicxml.MusicXmlFormat;

/**
 * The {@link ScoreFiles} service: picks a {@link ScoreFormat} by extension and does the file handling. The LilyPond
 * program for sheet music is the framework property {@value LilyPondProgram#PROGRAM_PROPERTY} (or the system
 * property of that name; {@code lilypond} on the PATH by default); how MIDI input's short articulation gaps are
 * read is the property {@value LegatoGaps#PROPERTY} ({@link LegatoGaps}).
 */
@Component(service = ScoreFiles.class)
public class ScoreFilesComponent implements ScoreFiles {

    private final Map<String, ScoreFormat> formatsByExtension = new LinkedHashMap<>();

    /** The formats, with LilyPond as the system properties name it. */
    public ScoreFilesComponent() {
        this(formats(LilyPondProgram.from(System::getProperty), MidiFormat.from(System::getProperty)));
    }

    /** A service with exactly these formats (for tests, or a LilyPond found elsewhere). */
    public ScoreFilesComponent(List<ScoreFormat> formats) {
        register(formats);
    }

    @Activate
    void activate(BundleContext context) {
        register(formats(LilyPondProgram.from(context::getProperty), MidiFormat.from(context::getProperty)));
    }

    /** Every format this service knows, sheet music engraved by {@code lilypond}. */
    public static List<ScoreFormat> formats(LilyPondProgram lilypond) {
        return formats(lilypond, new MidiFormat());
    }

    /** Every format this service knows, MIDI read by {@code midi} (with its rule for articulation gaps). */
    public static List<ScoreFormat> formats(LilyPondProgram lilypond, MidiFormat midi) {
        return List.of(new MusicXmlFormat(), midi, new LilyPondFormat(lilypond), new WavFormat());
    }

    private void register(List<ScoreFormat> formats) {
        for (ScoreFormat format : formats) {
            for (String extension : format.extensions()) formatsByExtension.put(extension, format);
        }
    }

    @Override
    public Set<String> readableExtensions() {
        Set<String> readable = new TreeSet<>();
        formatsByExtension.forEach((extension, format) -> {
            if (format.readable()) readable.add(extension);
        });
        return readable;
    }

    @Override
    public Set<String> writableExtensions() {
        return new TreeSet<>(formatsByExtension.keySet());
    }

    @Override
    public Score read(Path file) throws ScoreFileException {
        ScoreFormat format = readerFor(file.toString());
        if (Files.isDirectory(file)) {
            throw new ScoreFileException(file.toString(), null, "is a folder, not a score file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return format.read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ScoreFileException(file.toString(), null, "no such file; check the path", e);
        } catch (IOException e) {
            throw new ScoreFileException(file.toString(), null, "cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Score read(InputStream in, String name) throws ScoreFileException {
        return readerFor(name).read(in, name);
    }

    @Override
    public void write(Score score, Path file, WriteOptions options) throws ScoreFileException {
        ScoreFormat format = writerFor(file.toString());
        try {
            AtomicFile.write(file, out -> format.write(score, out, file.toString(), options));
        } catch (IOException e) {
            throw new ScoreFileException(file.toString(), null, "cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(Score score, OutputStream out, String name, WriteOptions options) throws ScoreFileException {
        writerFor(name).write(score, out, name, options);
    }

    private ScoreFormat readerFor(String name) throws ScoreFileException {
        ScoreFormat format = formatsByExtension.get(extension(name));
        if (format == null || !format.readable()) {
            String what = format == null ? "unknown file type" : "Segue writes ." + extension(name)
                    + " files but cannot read them";
            throw new ScoreFileException(name, null, what + "; use one of ."
                    + String.join(", .", readableExtensions()));
        }
        return format;
    }

    private ScoreFormat writerFor(String name) throws ScoreFileException {
        ScoreFormat format = formatsByExtension.get(extension(name));
        if (format == null) {
            throw new ScoreFileException(name, null, "unknown file type; use one of ."
                    + String.join(", .", writableExtensions()));
        }
        return format;
    }

    private static String extension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot < 0 ? "" : lower.substring(dot + 1);
    }
}
