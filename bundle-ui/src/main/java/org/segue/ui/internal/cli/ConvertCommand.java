package org.segue.ui.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;
import org.segue.musicxml.WriteOptions;

/**
 * {@code segue convert IN OUT}: reads a score and writes it in the format of OUT's extension. An existing OUT is
 * replaced (atomically, by the score file service), as {@code cp} would; OUT may never be IN itself.
 */
@Component(service = Command.class)
public class ConvertCommand implements Command {

    @Reference
    private ScoreFiles scoreFiles;

    public ConvertCommand() {
    }

    ConvertCommand(ScoreFiles scoreFiles) {
        this.scoreFiles = scoreFiles;
    }

    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String usage() {
        return "IN OUT [--soundfont SF2]";
    }

    @Override
    public String summary() {
        return "convert a score; formats by extension: .musicxml .xml .mxl (MusicXML), .mid (MIDI); written only: "
                + ".pdf .svg .png (sheet music, by LilyPond), .wav (audio)";
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of("--soundfont")).expectPositional("IN", "OUT");
        Path in = arguments.path(0);
        Path target = arguments.path(1);
        checkWritable(target);
        refuseInputAsOutput(in, target);
        Path soundFont = OptionValues.existingFile(arguments, "--soundfont", "SoundFont");
        try {
            Score score = scoreFiles.read(in);
            scoreFiles.write(score, target, WriteOptions.DEFAULT.withSoundFont(soundFont));
            out.println("wrote " + target + " (" + count(score.parts().size(), "part") + ", "
                    + count(score.measureCount(), "measure") + ")");
        } catch (ScoreFileException e) {
            throw new BadInputException(e);
        }
    }

    /** Checked before reading, so that a long read is not wasted on an output that cannot be written. */
    private void checkWritable(Path target) throws BadInputException {
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!scoreFiles.writableExtensions().contains(extension)) {
            throw new BadInputException(target + ": unknown file type for the output; use one of ."
                    + String.join(", .", new TreeSet<>(scoreFiles.writableExtensions())));
        }
        if (Files.isDirectory(target)) {
            throw new BadInputException(target + ": is a folder; give the output file's name, like "
                    + target.resolve("piece." + extension));
        }
    }

    private static void refuseInputAsOutput(Path in, Path target) throws BadInputException {
        if (sameFile(in, target)) {
            throw new BadInputException(target + ": is the input file itself; convert never overwrites its input, "
                    + "so give the output another name");
        }
    }

    /** Also catches the same file reached through a link or another spelling of the path. */
    private static boolean sameFile(Path in, Path target) {
        if (in.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) return true;
        if (!Files.exists(in) || !Files.exists(target)) return false;
        try {
            return Files.isSameFile(in, target);
        } catch (IOException e) {
            return false; // the read or the write that follows reports the real problem
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
