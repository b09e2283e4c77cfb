package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.model.KeySignature;
import org.segue.model.Mode;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;
import org.segue.ui.internal.cli.ScoreSummary.StaffSummary;

/** {@code segue info FILE [--json]}: what a score holds, as a short table or one JSON object. */
@Component(service = Command.class)
public class InfoCommand implements Command {

    @Reference
    private ScoreFiles scoreFiles;

    public InfoCommand() {
    }

    InfoCommand(ScoreFiles scoreFiles) {
        this.scoreFiles = scoreFiles;
    }

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String usage() {
        return "FILE [--json]";
    }

    @Override
    public String summary() {
        return "title, key, time, tempo and what each staff holds (notes, chords, rests)";
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
        Arguments arguments = Arguments.parse(args, Set.of("--json"), Set.of()).expectPositional("FILE");
        Path file = arguments.path(0);
        Score score;
        try {
            score = scoreFiles.read(file);
        } catch (ScoreFileException e) {
            throw new BadInputException(e);
        }
        ScoreSummary summary = ScoreSummary.of(score);
        out.println(arguments.flag("--json") ? json(file, summary) : table(file, summary));
    }

    public static String json(Path file, ScoreSummary s) {
        ObjectNode json = Json.MAPPER.createObjectNode()
                .put("file", file.toString())
                .put("title", s.title())
                .put("composer", s.composer())
                .put("parts", s.parts())
                .put("measures", s.measures());
        json.putObject("key").put("fifths", s.key().fifths()).put("mode", s.key().mode().xmlName());
        json.put("time", s.time().toString())
                .put("tempo", s.tempo())
                .put("tempoMarked", s.tempoMarked());
        ArrayNode staves = json.putArray("staves");
        for (StaffSummary staff : s.staves()) {
            staves.addObject()
                    .put("part", staff.part())
                    .put("partName", staff.partName())
                    .put("staff", staff.staff())
                    .put("clef", staff.clef())
                    .put("notes", staff.notes())
                    .put("chords", staff.chords())
                    .put("rests", staff.rests());
        }
        return Json.text(json);
    }

    static String table(Path file, ScoreSummary s) {
        StringBuilder text = new StringBuilder();
        text.append("File      ").append(file).append('\n');
        text.append("Title     ").append(s.title().isEmpty() ? "(none)" : s.title()).append('\n');
        if (!s.composer().isEmpty()) text.append("Composer  ").append(s.composer()).append('\n');
        text.append("Parts     ").append(s.parts()).append("    Measures ").append(s.measures()).append('\n');
        text.append("Key       ").append(keyText(s.key())).append('\n');
        text.append("Time      ").append(s.time()).append('\n');
        text.append("Tempo     ").append(tempoText(s.tempo()))
                .append(s.tempoMarked() ? " quarter notes per minute" : " quarter notes per minute (none marked)")
                .append("\n\n");
        int partWidth = Math.max(4, s.staves().stream().mapToInt(st -> st.part().length()).max().orElse(0));
        int clefWidth = Math.max(4, s.staves().stream().mapToInt(st -> st.clef().length()).max().orElse(0));
        String row = "%-" + partWidth + "s  %5s  %-" + clefWidth + "s  %6s  %6s  %6s";
        text.append(String.format(Locale.ROOT, row, "Part", "Staff", "Clef", "Notes", "Chords", "Rests"));
        for (StaffSummary st : s.staves()) {
            text.append('\n').append(String.format(Locale.ROOT, row, st.part(), st.staff(), st.clef(), st.notes(),
                    st.chords(), st.rests()));
        }
        return text.toString();
    }

    private static String keyText(KeySignature key) {
        int n = Math.abs(key.fifths());
        String accidentals = n == 0 ? "no sharps or flats"
                : n + (key.fifths() > 0 ? " sharp" : " flat") + (n == 1 ? "" : "s");
        if (key.mode() == Mode.NONE) return accidentals + " (mode not given)";
        boolean majorOrMinor = key.mode() == Mode.MAJOR || key.isMinor();
        return accidentals + " (" + (majorOrMinor ? key.displayName() : key.mode().xmlName()) + ")";
    }

    private static String tempoText(double tempo) {
        return tempo == Math.rint(tempo) ? Long.toString((long) tempo) : String.format(Locale.ROOT, "%.1f", tempo);
    }
}
