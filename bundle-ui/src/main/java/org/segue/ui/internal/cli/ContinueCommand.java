package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.continuation.Continuation;
import org.segue.continuation.ContinuationReport;
import org.segue.continuation.ContinuationRequest;
import org.segue.continuation.ContinuationResult;
import org.segue.continuation.StaffActivity;
import org.segue.continuation.ContinuationService;
import org.segue.model.KeySignature;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;
import org.segue.musicxml.WriteOptions;
import org.segue.training.ModelException;

/**
 * {@code segue continue IN --bars N --out FILE ...}: reads a piece, asks the continuation service for the next
 * bars and writes the whole piece with them to every output, in the format of its extension; sheet music marks
 * the new bars (unless {@code --no-mark-new}) and audio plays with {@code --soundfont} where given. With several
 * variations each output name gets the variation's number ({@code piece-1.musicxml}, {@code piece-2.musicxml}).
 * The input is never overwritten.
 */
@Component(service = Command.class)
public class ContinueCommand implements Command {

    private static final Set<String> VALUED = Set.of("--bars", "--variations", "--seed", "--top-k-events",
            "--top-k-durations", "--temperature", "--harmony", "--key", "--tempo", "--model", "--out", "--soundfont");
    private static final Set<String> FLAGS = Set.of("--json", "--mark-new", "--no-mark-new");

    @Reference
    private ScoreFiles scoreFiles;

    @Reference
    private ContinuationService continuations;

    public ContinueCommand() {
    }

    ContinueCommand(ScoreFiles scoreFiles, ContinuationService continuations) {
        this.scoreFiles = scoreFiles;
        this.continuations = continuations;
    }

    @Override
    public String name() {
        return "continue";
    }

    @Override
    public String usage() {
        return "IN --out FILE [--out FILE ...] [--bars N] [--variations V] [--seed S] [--top-k-events K] "
                + "[--top-k-durations K] [--temperature T] [--harmony H] [--key KEY] [--tempo BPM] [--model MODEL] "
                + "[--no-mark-new] [--soundfont SF2] [--json]";
    }

    @Override
    public String summary() {
        return "write the next bars of a piece, treble and bass together (KEY like C, a, E-flat, f-sharp); "
                + "sheet music (.pdf .svg .png) marks the new bars unless --no-mark-new";
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
        Arguments arguments = Arguments.parse(args, FLAGS, VALUED).expectPositional("IN");
        Path in = arguments.path(0);
        ContinuationRequest request = request(arguments);
        List<Path> outs = outputs(arguments, in);
        if (arguments.flag("--mark-new") && arguments.flag("--no-mark-new")) {
            throw new UsageException("give --mark-new or --no-mark-new, not both");
        }
        Path soundFont = OptionValues.existingFile(arguments, "--soundfont", "SoundFont");
        continuations.preload(request.model()); // reading the model overlaps reading the piece
        Score piece = read(in);
        ContinuationResult result = continueScore(in, piece, request);
        // the new bars start after the piece's measures (a last measure it left incomplete is not marked)
        WriteOptions options = new WriteOptions(arguments.flag("--no-mark-new") ? WriteOptions.NO_MARK
                : result.inputMeasures(), soundFont);
        List<List<Path>> written = new ArrayList<>();
        for (int v = 0; v < result.continuations().size(); v++) {
            List<Path> files = new ArrayList<>();
            for (Path target : outs) {
                Path file = request.variations() == 1 ? target : numbered(target, v + 1);
                write(result.continuations().get(v).wholePiece(), file, options);
                files.add(file);
            }
            written.add(files);
        }
        out.println(arguments.flag("--json") ? json(in, request, result, written) : text(result, written));
    }

    /** The service's configured defaults, with every option given on the command line in their place. */
    private ContinuationRequest request(Arguments a) throws UsageException {
        ContinuationRequest d = continuations.defaults();
        ContinuationRequest request = new ContinuationRequest(
                OptionValues.intValue(a, "--bars", d.bars(), 1, ContinuationRequest.MAX_BARS),
                OptionValues.intValue(a, "--variations", 1, 1, ContinuationRequest.MAX_VARIATIONS),
                OptionValues.intValue(a, "--top-k-events", d.topKEvents(), 1, 100_000),
                OptionValues.intValue(a, "--top-k-durations", d.topKDurations(), 1, 1000),
                OptionValues.doubleValue(a, "--temperature", d.temperature(), 0.01, 100),
                OptionValues.doubleValue(a, "--harmony", d.harmony(), 0, 1),
                OptionValues.longValue(a, "--seed", d.seed()),
                null, null, null);
        String key = OptionValues.last(a, "--key");
        if (key != null) {
            try {
                request = request.withTargetKey(KeySignature.parse(key));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--key: " + e.getMessage());
            }
        }
        if (OptionValues.last(a, "--tempo") != null) {
            request = request.withTempo(Tempo.quarterNotesPerMinute(
                    OptionValues.doubleValue(a, "--tempo", 0, 1, 1000)));
        }
        String model = OptionValues.last(a, "--model");
        return model == null ? request : request.withModel(Path.of(model));
    }

    private List<Path> outputs(Arguments a, Path in) throws UsageException, BadInputException {
        if (a.values("--out").isEmpty()) throw new UsageException("missing --out FILE (where to write the result)");
        List<Path> outs = new ArrayList<>();
        for (String text : a.values("--out")) {
            Path target = Path.of(text);
            String extension = extension(target);
            if (!scoreFiles.writableExtensions().contains(extension)) {
                throw new BadInputException(target + ": unknown file type for the output; use one of ."
                        + String.join(", .", new TreeSet<>(scoreFiles.writableExtensions())));
            }
            if (Files.isDirectory(target)) {
                throw new BadInputException(target + ": is a folder; give the output file's name, like "
                        + target.resolve("continued." + extension));
            }
            if (sameFile(in, target)) {
                throw new BadInputException(target + ": is the input file itself; continue never overwrites its "
                        + "input, so give the output another name");
            }
            outs.add(target);
        }
        return outs;
    }

    private Score read(Path in) throws BadInputException {
        try {
            return scoreFiles.read(in);
        } catch (ScoreFileException e) {
            throw new BadInputException(e);
        }
    }

    private ContinuationResult continueScore(Path in, Score piece, ContinuationRequest request)
            throws BadInputException {
        try {
            return continuations.continueScore(piece, request);
        } catch (ModelException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(in + ": " + e.getMessage() + "; nothing was written", e);
        }
    }

    private void write(Score score, Path file, WriteOptions options) throws BadInputException {
        try {
            scoreFiles.write(score, file, options);
        } catch (ScoreFileException e) {
            throw new BadInputException(e);
        }
    }

    private static void activity(ObjectNode node, StaffActivity a) {
        node.put("soundingNew", a.soundingNew()).put("soundingPiece", a.soundingPiece())
                .put("densityNew", a.densityNew()).put("densityPiece", a.densityPiece())
                .put("silentBarsNew", a.silentBarsNew()).put("silentBarsPiece", a.silentBarsPiece());
    }

    /** {@code piece.musicxml} becomes {@code piece-2.musicxml} for variation 2. */
    static Path numbered(Path target, int number) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numberedName = name.substring(0, dot) + "-" + number + name.substring(dot);
        return target.resolveSibling(numberedName);
    }

    private static String extension(Path target) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean sameFile(Path in, Path target) {
        if (in.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) return true;
        try {
            return Files.exists(in) && Files.exists(target) && Files.isSameFile(in, target);
        } catch (java.io.IOException e) {
            return false; // reading or writing reports the real problem
        }
    }

    private static String text(ContinuationResult result, List<List<Path>> written) {
        StringBuilder s = new StringBuilder();
        for (int v = 0; v < written.size(); v++) {
            ContinuationReport r = result.continuations().get(v).report();
            s.append(String.format(Locale.ROOT, "wrote %s: %d + %d measures; %.0f%% of notes in the key, "
                            + "%.0f%% consonant strong beats (%.0f%% with a staff silent), %.0f%% repeated bars; "
                            + "treble sounds on %.0f%% of beats (piece %.0f%%), %.2f onsets a beat (piece %.2f); "
                            + "bass on %.0f%% (piece %.0f%%), %.2f onsets a beat (piece %.2f); "
                            + "whole-bar rests: treble %d (piece %d), bass %d (piece %d)%n",
                    String.join(", ", written.get(v).stream().map(Path::toString).toList()),
                    result.inputMeasures(), result.addedMeasures(), 100 * r.notesInScale(),
                    100 * r.consonantStrongBeats(), 100 * r.silentStrongBeats(), 100 * r.repeatedBars(),
                    100 * r.treble().soundingNew(), 100 * r.treble().soundingPiece(), r.treble().densityNew(),
                    r.treble().densityPiece(), 100 * r.bass().soundingNew(), 100 * r.bass().soundingPiece(),
                    r.bass().densityNew(), r.bass().densityPiece(), r.treble().silentBarsNew(),
                    r.treble().silentBarsPiece(), r.bass().silentBarsNew(), r.bass().silentBarsPiece()));
        }
        s.append(String.format(Locale.ROOT, "%d ms", result.millis()));
        return s.toString();
    }

    private static String json(Path in, ContinuationRequest request, ContinuationResult result,
                               List<List<Path>> written) {
        ObjectNode json = Json.MAPPER.createObjectNode()
                .put("input", in.toString())
                .put("inputMeasures", result.inputMeasures())
                .put("addedMeasures", result.addedMeasures())
                .put("model", request.model() == null ? "default" : request.model().toString())
                .put("seed", request.seed())
                .put("millis", result.millis());
        ArrayNode variations = json.putArray("variations");
        for (int v = 0; v < written.size(); v++) {
            Continuation c = result.continuations().get(v);
            ContinuationReport r = c.report();
            ObjectNode variation = variations.addObject().put("variation", v + 1).put("seed", c.seed())
                    .put("key", c.newBars().initialKey().displayName());
            ArrayNode files = variation.putArray("files");
            written.get(v).forEach(p -> files.add(p.toString()));
            ObjectNode report = variation.putObject("report")
                    .put("notesInScale", r.notesInScale())
                    .put("pitchClassDivergence", r.pitchClassDivergence())
                    .put("durationDivergence", r.durationDivergence())
                    .put("repeatedBars", r.repeatedBars())
                    .put("consonantStrongBeats", r.consonantStrongBeats())
                    .put("silentStrongBeats", r.silentStrongBeats())
                    .put("generatedNotes", r.generatedNotes())
                    .put("strongBeats", r.strongBeats());
            activity(report.putObject("treble"), r.treble());
            activity(report.putObject("bass"), r.bass());
        }
        return Json.text(json);
    }
}
