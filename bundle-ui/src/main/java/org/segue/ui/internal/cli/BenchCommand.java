package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.continuation.ContinuationRequest;
import org.segue.continuation.ContinuationService;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;
import org.segue.training.ModelException;

/**
 * {@code segue bench}: times the continuation service as a composer meets it, warm, inside the framework: the
 * piece is read once, the service is called {@code --warmup} times untimed, then {@code --runs} times timed, for
 * 1 and for 4 variations of {@code --bars} bars. Prints the median, the fastest and the slowest call. A benchmark,
 * not a test: it judges nothing.
 */
@Component(service = Command.class)
public class BenchCommand implements Command {

    static final String DEFAULT_PIECE = "examples/little-waltz.musicxml";

    @Reference
    private ScoreFiles scoreFiles;

    @Reference
    private ContinuationService continuations;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "[PIECE] [--bars N] [--warmup N] [--runs N] [--model MODEL] [--json]";
    }

    @Override
    public String summary() {
        return "time 'continue' on a warm service: median of N calls for 1 and 4 variations (PIECE: "
                + DEFAULT_PIECE + ")";
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
        Arguments a = Arguments.parse(args, Set.of("--json"), Set.of("--bars", "--warmup", "--runs", "--model"));
        if (a.positional().size() > 1) throw new UsageException("unexpected argument '" + a.positional().get(1) + "'");
        Path piece = a.positional().isEmpty() ? Path.of(DEFAULT_PIECE) : a.path(0);
        int bars = OptionValues.intValue(a, "--bars", 16, 1, ContinuationRequest.MAX_BARS);
        int warmup = OptionValues.intValue(a, "--warmup", 5, 0, 1000);
        int runs = OptionValues.intValue(a, "--runs", 15, 1, 10_000);
        String model = OptionValues.last(a, "--model");
        Score score = read(piece);
        ContinuationRequest request = ContinuationRequest.of(bars);
        if (model != null) request = request.withModel(Path.of(model));

        List<String> rows = new ArrayList<>();
        ObjectNode json = Json.MAPPER.createObjectNode().put("piece", piece.toString()).put("bars", bars)
                .put("warmup", warmup).put("runs", runs).put("cores", Runtime.getRuntime().availableProcessors());
        ArrayNode results = json.putArray("results");
        for (int variations : new int[] {1, 4}) {
            err.printf(Locale.ROOT, "bench: %d bars x %d variation(s): %d warm-up and %d timed calls%n", bars,
                    variations, warmup, runs);
            double[] millis = time(score, request.withVariations(variations), warmup, runs);
            Arrays.sort(millis);
            double median = median(millis);
            rows.add(String.format(Locale.ROOT, "%3d bars x %d variation(s): median %8.1f ms   min %8.1f   max %8.1f"
                    + "   (%d runs)", bars, variations, median, millis[0], millis[millis.length - 1], runs));
            results.addObject().put("variations", variations).put("medianMillis", median)
                    .put("minMillis", millis[0]).put("maxMillis", millis[millis.length - 1]);
        }
        out.println(a.flag("--json") ? Json.text(json) : String.join("\n", rows));
    }

    private double[] time(Score score, ContinuationRequest request, int warmup, int runs) throws BadInputException {
        double[] millis = new double[runs];
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            try {
                continuations.continueScore(score, request.withSeed(i + 1));
            } catch (ModelException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            if (i >= warmup) millis[i - warmup] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private Score read(Path piece) throws BadInputException {
        try {
            return scoreFiles.read(piece);
        } catch (ScoreFileException e) {
            throw new BadInputException(e);
        }
    }
}
