package org.segue.ui.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.segue.benchmark.NetworkShape;

/**
 * Runs the PyTorch reference of Segue's network ({@code benchmarks/pytorch_reference.py}) with Debian's
 * {@code python3-torch} on the same shapes, and reads back its figures (one JSON object of numbers).
 */
final class TorchReference {

    static final String PYTHON = "/usr/bin/python3";
    static final String SCRIPT = "benchmarks/pytorch_reference.py";
    static final String INSTALL = "PyTorch for " + PYTHON + " is missing: install it with "
            + "'apt-get install -y python3-torch libopenblas0-pthread' (Debian), then run 'segue bench --compare' again";

    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?[0-9.eE+-]+)");

    private TorchReference() {
    }

    /** Null when PyTorch is there; else the one line that says how to install it. */
    static String missing(Path root) throws InterruptedException {
        if (!Files.isRegularFile(root.resolve(SCRIPT))) return root.resolve(SCRIPT) + " is missing from this checkout";
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return INSTALL;
            }
            return p.exitValue() == 0 ? null : INSTALL;
        } catch (IOException e) {
            return INSTALL;
        }
    }

    /** The reference's figures by name, like {@code trainMsPerBatch}. */
    static Map<String, Double> run(Path root, NetworkShape shape, int trainWarmup, int trainRuns, int stepRuns)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, root.resolve(SCRIPT).toString(),
                "--batch", Integer.toString(shape.batch()), "--steps", Integer.toString(shape.steps()),
                "--hidden", Integer.toString(shape.hidden()), "--events", Integer.toString(shape.events()),
                "--durations", Integer.toString(shape.durations()),
                "--event-embedding", Integer.toString(shape.eventEmbedding()),
                "--duration-embedding", Integer.toString(shape.durationEmbedding()),
                "--dense", Integer.toString(shape.dense()), "--train-warmup", Integer.toString(trainWarmup),
                "--train-runs", Integer.toString(trainRuns),
                "--step-runs", Integer.toString(stepRuns)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putIfAbsent("OMP_NUM_THREADS", "2");
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(SCRIPT + " failed (exit status " + p.exitValue() + ")");
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        Matcher m = NUMBER.matcher(output);
        while (m.find()) figures.put(m.group(1), Double.parseDouble(m.group(2)));
        return figures;
    }
}
