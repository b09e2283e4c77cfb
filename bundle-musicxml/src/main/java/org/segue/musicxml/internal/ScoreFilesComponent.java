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

import org.osgi.service.component.annotations.Component;
import org.segue.files.AtomicFile;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;
import org.segue.musicxml.internal.midi.MidiFormat;
import org.segue.musicxml.internal.musicxml.MusicXmlFormat;

/** The {@link ScoreFiles} service: picks a {@link ScoreFormat} by extension and does the file handling. */
@Component(service = ScoreFiles.class)
public class ScoreFilesComponent implements ScoreFiles {

    private final Map<String, ScoreFormat> formatsByExtension = new LinkedHashMap<>();

    public ScoreFilesComponent() {
        this(List.of(new MusicXmlFormat(), new MidiFormat()));
    }

    ScoreFilesComponent(List<ScoreFormat> formats) {
        for (ScoreFormat format : formats) {
            for (String extension : format.extensions()) formatsByExtension.put(extension, format);
        }
    }

    @Override
    public Set<String> readableExtensions() {
        return new TreeSet<>(formatsByExtension.keySet());
    }

    @Override
    public Set<String> writableExtensions() {
        return new TreeSet<>(formatsByExtension.keySet());
    }

    @Override
    public Score read(Path file) throws ScoreFileException {
        ScoreFormat format = formatFor(file.toString());
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
        return formatFor(name).read(in, name);
    }

    @Override
    public void write(Score score, Path file) throws ScoreFileException {
        ScoreFormat format = formatFor(file.toString());
        try {
            AtomicFile.write(file, out -> format.write(score, out, file.toString()));
        } catch (IOException e) {
            throw new ScoreFileException(file.toString(), null, "cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(Score score, OutputStream out, String name) throws ScoreFileException {
        formatFor(name).write(score, out, name);
    }

    private ScoreFormat formatFor(String name) throws ScoreFileException {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        ScoreFormat format = dot < 0 ? null : formatsByExtension.get(lower.substring(dot + 1));
        if (format == null) {
            throw new ScoreFileException(name, null, "unknown file type; use one of ."
                    + String.join(", .", readableExtensions()));
        }
        return format;
    }
}
