package org.segue.ui.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.benchmark.BenchmarkService;
import org.segue.benchmark.NetworkShape;
import org.segue.benchmark.Timings;
import org.segue.continuation.ContinuationRequest;
import org.segue.continuation.ContinuationService;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;
import org.segue.training.ModelException;

/**
 * {@code segue bench}: the benchmark of record. Inside the framework it times one training step at the shipped
 * model's shapes, one generation step at batch 1 and 4, a warm continuation of the example (16 bars, 1 and 4
 * variations) and MusicXML import; as a child process it times {@code segue continue} of the example end to end
 * with its peak memory. Each figure is the median of its timed runs after untimed warm-up runs, with the fastest
 * and the slowest. With {@code --compare} it runs the PyTorch reference of the same network on the same shapes,
 * in the same run, and prints the ratios Segue / PyTorch. A benchmark, not a test: it judges nothing.
 */
@Component(service = Command.class)
public class BenchCommand implements Command {

    static final String DEFAULT_PIECE = "examples/little-waltz.musicxml";

    @Reference
    private ScoreFiles scoreFiles;

    @Reference
    private ContinuationService continuations;

    @Reference
    private BenchmarkService benchmarks;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "[--runs N] [--warmup N] [--cold-runs N] [--compare] [--dl4j] [--scaling] [--json]";
    }

    @Override
    public String summary() {
        return "the benchmark of record (training, generation, continue, start-up, import); --compare: vs PyTorch";
    }

    /**
     * Timed and warm-up repetitions; the training step, being long, gets at most 15 timed ones, after as many
     * warm-ups as the others (the JIT compiles the trainer's gate loops only after a few steps).
     */
    private record Plan(int runs, int warmup, int trainRuns, int coldRuns) {
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
        Arguments a = Arguments.parse(args, Set.of("--json", "--compare", "--dl4j", "--scaling"),
                Set.of("--runs", "--warmup", "--cold-runs"));
        a.expectPositional();
        int runs = OptionValues.intValue(a, "--runs", 15, 1, 10_000);
        int warmup = OptionValues.intValue(a, "--warmup", 5, 0, 1000);
        Plan plan = new Plan(runs, warmup, Math.max(1, Math.min(runs, 15)),
                OptionValues.intValue(a, "--cold-runs", 5, 0, 100));
        Path root = root();
        if (a.flag("--scaling")) {
            scaling(root, out, err);
            return;
        }
        try {
            if (a.flag("--compare")) {
                String missing = TorchReference.missing(root);
                if (missing != null) throw new BadInputException("bench --compare: " + missing);
            }
            ObjectNode json = Json.MAPPER.createObjectNode();
            List<String> lines = new ArrayList<>();
            NetworkShape shape = benchmarks.shippedShape();
            json.putObject("shape").put("batch", shape.batch()).put("steps", shape.steps())
                    .put("hidden", shape.hidden()).put("events", shape.events()).put("durations", shape.durations())
                    .put("eventEmbedding", shape.eventEmbedding()).put("durationEmbedding", shape.durationEmbedding())
                    .put("dense", shape.dense());
            json.put("cores", Runtime.getRuntime().availableProcessors());
            ObjectNode environment = json.putObject("environment"); // what OpenMP and OpenBLAS read, if set
            for (String name : new String[] {"OMP_NUM_THREADS", "OMP_WAIT_POLICY", "OPENBLAS_CORETYPE"}) {
                if (System.getenv(name) != null) environment.put(name, System.getenv(name));
            }
            json.put("runs", plan.runs()).put("warmup", plan.warmup());

            err.println("bench: training step");
            Timings train = benchmarks.trainingStep(shape, plan.warmup(), plan.trainRuns(), false);
            figure(json, lines, "trainMsPerBatch", train);
            if (a.flag("--dl4j")) {
                err.println("bench: training step with DL4J's own layers");
                figure(json, lines, "trainMsPerBatchDl4j", benchmarks.trainingStep(shape, 1,
                        Math.min(plan.trainRuns(), 3), true));
            }
            err.println("bench: generation steps");
            Timings step1 = benchmarks.generationStep(1, 20 * plan.warmup(), 20 * plan.runs());
            Timings step4 = benchmarks.generationStep(4, 20 * plan.warmup(), 20 * plan.runs());
            figure(json, lines, "stepMsBatch1", step1);
            figure(json, lines, "stepMsBatch4", step4);

            err.println("bench: warm continuations");
            Score piece = read(root.resolve(DEFAULT_PIECE));
            ContinuationRequest request = ContinuationRequest.of(16);
            figure(json, lines, "continue16Ms", continuations(piece, request, plan));
            figure(json, lines, "continue16x4Ms", continuations(piece, request.withVariations(4), plan));

            if (plan.coldRuns() > 0) {
                err.println("bench: cold starts of segue continue");
                coldStart(root, plan.coldRuns(), json, lines);
            }
            err.println("bench: MusicXML import");
            importThroughput(json, lines, plan);

            if (a.flag("--compare")) {
                err.println("bench: the PyTorch reference");
                compare(root, shape, plan, train, step1, step4, json, lines);
            }
            out.println(a.flag("--json") ? Json.text(json) : String.join("\n", lines));
        } catch (ModelException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException("bench: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException("bench: interrupted", e);
        }
    }

    /**
     * {@code --scaling}: the continuation of the example against bars (8 to 128) and variations (1, 4, 16): the
     * warm service's median of 3 calls after one (one call for the largest), and a whole {@code segue continue} process's wall time and peak
     * memory (one run each), as a table.
     */
    private void scaling(Path root, PrintStream out, PrintStream err) throws BadInputException {
        Score piece = read(root.resolve(DEFAULT_PIECE));
        out.println("| bars | variations | warm service, median ms | whole process, s | peak memory, MiB |");
        out.println("|---:|---:|---:|---:|---:|");
        try {
            Path folder = Files.createTempDirectory("segue-bench");
            for (int bars : new int[] {8, 16, 32, 64, 128}) {
                for (int variations : new int[] {1, 4, 16}) {
                    err.printf(Locale.ROOT, "bench: %d bars x %d variations%n", bars, variations);
                    Plan plan = new Plan(bars * variations <= 256 ? 3 : 1, 1, 1, 0); // the largest take seconds
                    Timings warm = continuations(piece, ContinuationRequest.of(bars).withVariations(variations),
                            plan);
                    ColdStart.Run cold = ColdStart.run(List.of(root.resolve("segue").toString(), "continue",
                            root.resolve(DEFAULT_PIECE).toString(), "--bars", Integer.toString(bars),
                            "--variations", Integer.toString(variations), "--out",
                            folder.resolve("out.musicxml").toString()), root, benchHome());
                    out.printf(Locale.ROOT, "| %d | %d | %.1f | %.2f | %.0f |%n", bars, variations, warm.median(),
                            cold.millis() / 1000, cold.peakMb());
                }
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new BadInputException("bench: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException("bench: interrupted", e);
        }
    }

    private static void figure(ObjectNode json, List<String> lines, String name, Timings t) {
        json.put(name, t.median()).put(name + "Min", t.min()).put(name + "Max", t.max());
        lines.add(String.format(Locale.ROOT, "%-20s median %10.3f ms   min %10.3f   max %10.3f   (%d runs)", name,
                t.median(), t.min(), t.max(), t.runs()));
    }

    private Timings continuations(Score piece, ContinuationRequest request, Plan plan) throws BadInputException {
        double[] millis = new double[plan.runs()];
        for (int i = 0; i < plan.warmup() + plan.runs(); i++) {
            long start = System.nanoTime();
            try {
                continuations.continueScore(piece, request.withSeed(i + 1));
            } catch (ModelException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            if (i >= plan.warmup()) millis[i - plan.warmup()] = (System.nanoTime() - start) / 1e6;
        }
        return Timings.of(millis);
    }

    /** {@code segue continue} of the example, 16 bars, as a new process each time: the first run warms the disk. */
    private static void coldStart(Path root, int runs, ObjectNode json, List<String> lines)
            throws IOException, InterruptedException, BadInputException {
        Path script = root.resolve("segue");
        if (!Files.isExecutable(script)) throw new BadInputException("bench: " + script + " is missing; run bench "
                + "through the segue script, or from the repository's folder");
        Path folder = Files.createTempDirectory("segue-bench");
        try {
            List<String> command = List.of(script.toString(), "continue", root.resolve(DEFAULT_PIECE).toString(),
                    "--bars", "16", "--out", folder.resolve("out.musicxml").toString());
            double[] millis = new double[runs];
            double[] peaks = new double[runs];
            for (int i = 0; i <= runs; i++) {
                ColdStart.Run run = ColdStart.run(command, root, benchHome());
                if (run.exitStatus() != 0) {
                    throw new BadInputException("bench: '" + String.join(" ", command) + "' ended with status "
                            + run.exitStatus() + "; see the log in $SEGUE_HOME");
                }
                if (i > 0) {
                    millis[i - 1] = run.millis();
                    peaks[i - 1] = run.peakMb();
                }
            }
            figure(json, lines, "coldStartMs", Timings.of(millis));
            figure(json, lines, "peakRssMb", Timings.of(peaks));
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /**
     * MB per second reading the largest file of the MusicXML test suite, and a large real score: the largest
     * Chopin MIDI file of the corpus, written as MusicXML.
     */
    private void importThroughput(ObjectNode json, List<String> lines, Plan plan)
            throws IOException, BadInputException {
        Path shared = shared();
        Path suite = largest(shared.resolve("data/musicxml-testsuite"), ".xml");
        throughput(json, lines, "importMBps", suite, plan);
        Path chopin = largest(shared.resolve("data/chopin-midi"), ".mid");
        Path folder = Files.createTempDirectory("segue-bench");
        Path written = folder.resolve(chopin.getFileName().toString().replace(".mid", ".musicxml"));
        try {
            scoreFiles.write(read(chopin), written);
            throughput(json, lines, "importRealMBps", written, plan);
        } catch (ScoreFileException e) {
            throw new BadInputException(e);
        } finally {
            Files.deleteIfExists(written);
            Files.deleteIfExists(folder);
        }
    }

    private void throughput(ObjectNode json, List<String> lines, String name, Path file, Plan plan)
            throws IOException, BadInputException {
        double megabytes = Files.size(file) / 1e6;
        double[] millis = new double[plan.runs()];
        for (int i = 0; i < plan.warmup() + plan.runs(); i++) {
            long start = System.nanoTime();
            read(file);
            if (i >= plan.warmup()) millis[i - plan.warmup()] = (System.nanoTime() - start) / 1e6;
        }
        Timings t = Timings.of(millis);
        double median = megabytes / (t.median() / 1000);
        json.put(name, median).put(name + "File", file.getFileName().toString())
                .put(name + "Bytes", Files.size(file));
        lines.add(String.format(Locale.ROOT, "%-20s median %10.3f MB/s (%s, %.0f kB, %.1f ms)", name, median,
                file.getFileName(), megabytes * 1000, t.median()));
    }

    private static void compare(Path root, NetworkShape shape, Plan plan, Timings train, Timings step1,
                                Timings step4, ObjectNode json, List<String> lines)
            throws IOException, InterruptedException {
        Map<String, Double> torch = TorchReference.run(root, shape, plan.warmup(), plan.trainRuns(),
                20 * plan.runs());
        ObjectNode reference = json.putObject("pytorch");
        for (Map.Entry<String, Double> e : torch.entrySet()) reference.put(e.getKey(), e.getValue());
        ObjectNode ratios = json.putObject("ratios");
        String[] names = {"trainMsPerBatch", "stepMsBatch1", "stepMsBatch4"};
        Timings[] ours = {train, step1, step4};
        for (int i = 0; i < names.length; i++) {
            Double theirs = torch.get(names[i]);
            if (theirs == null || theirs <= 0) continue;
            double ratio = ours[i].median() / theirs;
            ratios.put(names[i], ratio);
            lines.add(String.format(Locale.ROOT, "%-20s Segue %10.3f ms / PyTorch %10.3f ms = %.2f", names[i],
                    ours[i].median(), theirs, ratio));
        }
    }

    private Score read(Path file) throws BadInputException {
        try {
            return scoreFiles.read(file);
        } catch (ScoreFileException e) {
            throw new BadInputException(e);
        }
    }

    private static Path largest(Path folder, String extension) throws IOException, BadInputException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("bench: " + folder + " is missing; set SEGUE_SHARED to the shared folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(extension))
                    .max(Comparator.comparingLong(BenchCommand::size))
                    .orElseThrow(() -> new BadInputException("bench: no " + extension + " file in " + folder));
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The child processes' own SEGUE_HOME, kept between runs so that their caches are warm as a user's are. */
    private static Path benchHome() throws IOException {
        String home = System.getenv("SEGUE_HOME");
        Path base = home == null || home.isBlank() ? root().resolve(".segue") : Path.of(home);
        return Files.createDirectories(base.resolve("bench-home"));
    }

    /** The repository: where the segue script lives ({@code SEGUE_ROOT}, which it sets), else the working folder. */
    static Path root() {
        String root = System.getenv("SEGUE_ROOT");
        return Path.of(root == null || root.isBlank() ? "" : root).toAbsolutePath().normalize();
    }

    /** The shared data folder: {@code -Dsegue.shared}, {@code SEGUE_SHARED}, else {@code ../shared} of the root. */
    static Path shared() {
        String property = System.getProperty("segue.shared");
        if (property != null && !property.isBlank()) return Path.of(property);
        String env = System.getenv("SEGUE_SHARED");
        if (env != null && !env.isBlank()) return Path.of(env);
        return root().resolveSibling("shared");
    }
}
