package org.segue.core.internal.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.segue.core.internal.evaluation.Evaluator;
import org.segue.core.internal.model.SegueModel;
import org.segue.core.internal.model.StaffModel;
import org.segue.core.internal.network.SequenceScorer;
import org.segue.core.internal.network.Temperatures;
import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.runtime.Nd4jRuntime;
import org.segue.training.Corpus;
import org.segue.training.EvaluationReport;
import org.segue.training.ModelException;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;
import org.segue.training.TrainingListener;

/**
 * Temperature scaling of both staves' heads on the held-out pieces: right after training ({@link TrainingRun}),
 * or later for a model written before ({@link #calibrate}). The held-out pieces are those the networks were
 * validated on, so the fit sees no piece that later evaluations count as unseen.
 */
final class Calibration {

    private Calibration() {
    }

    /** Fits each staff's temperatures with its trained network; call inside {@code Nd4jRuntime.call}. */
    static Map<Staff, Temperatures> fit(Map<Staff, StaffState> states, Map<Staff, List<EncodedStream>> heldOut,
                                        TrainingConfig config, TrainingListener listener) {
        Map<Staff, ComputationGraph> networks = new EnumMap<>(Staff.class);
        states.forEach((staff, state) -> networks.put(staff, state.network));
        return fitNetworks(networks, heldOut, config, listener);
    }

    private static Map<Staff, Temperatures> fitNetworks(Map<Staff, ComputationGraph> networks,
                                                Map<Staff, List<EncodedStream>> heldOut, TrainingConfig config,
                                                TrainingListener listener) {
        Map<Staff, Temperatures> fitted = new EnumMap<>(Staff.class);
        for (Staff staff : Staff.values()) {
            List<EncodedStream> streams = heldOut.getOrDefault(staff, List.of()).stream()
                    .filter(s -> s.size() >= 2).toList();
            ComputationGraph network = networks.get(staff);
            if (streams.isEmpty() || network == null) continue;
            Temperatures t = SequenceScorer.fitTemperatures(network, streams, config.sequenceLength(),
                    config.windowStride());
            fitted.put(staff, t);
            listener.onMessage(String.format(Locale.ROOT, "%s: calibrated on the held-out pieces, temperature "
                    + "%.3f for the events and %.3f for the durations", staff.label(), t.events(), t.durations()));
        }
        return fitted;
    }

    /**
     * Calibrates a model on its held-out pieces, found by name in {@code corpora}, and writes it with its
     * temperatures and its held-out evaluation to {@code out}; returns that evaluation.
     *
     * @throws ModelException when {@code out} exists, when the model names no held-out piece, or when none of
     *         them is in the corpora
     */
    static EvaluationReport calibrate(SegueModel model, List<Corpus> corpora, Path out, TrainingListener listener)
            throws ModelException {
        if (Files.exists(out)) {
            throw new ModelException(out + " exists already; calibrate writes a new model file, pass another --out");
        }
        Set<String> heldOut = model.metadata().heldOutPieceNames();
        if (heldOut.isEmpty()) {
            throw new ModelException("the model " + model.source() + " names no held-out pieces (it was written "
                    + "before models recorded their split), so there is nothing to calibrate it on");
        }
        List<String> found = new ArrayList<>();
        Map<Staff, List<EncodedStream>> streams = new EnumMap<>(Staff.class);
        for (Corpus corpus : corpora) {
            List<String> names = corpus.pieceNames().stream().filter(heldOut::contains).toList();
            if (names.isEmpty()) continue;
            found.addAll(names);
            Evaluator.streams(model, corpus, names).forEach((staff, encoded) ->
                    streams.computeIfAbsent(staff, s -> new ArrayList<>()).addAll(encoded));
        }
        if (found.isEmpty()) {
            throw new ModelException("none of the " + heldOut.size() + " held-out pieces of the model "
                    + model.source() + " is in the corpora given; pass the folders it was trained on");
        }
        listener.onMessage("calibrating on " + found.size() + " of the model's " + heldOut.size()
                + " held-out pieces");
        Map<Staff, ComputationGraph> networks = new EnumMap<>(Staff.class);
        for (Staff staff : Staff.values()) networks.put(staff, model.staff(staff).copyOfNetwork());
        TrainingConfig config = model.metadata().config();
        Map<Staff, Temperatures> fitted = Nd4jRuntime.call(() -> fitNetworks(networks, streams, config, listener));
        String name = corpora.size() == 1 ? corpora.get(0).name() : model.metadata().corpus();
        SegueModel calibrated = new SegueModel(out.toString(), model.metadata().calibrated(fitted, ""), staves(model));
        EvaluationReport evaluation = Evaluator.evaluate(calibrated, name, found, found.size(), streams);
        new SegueModel(out.toString(), model.metadata().calibrated(fitted, evaluation.toJson()), staves(model))
                .write(out);
        listener.onMessage("model written to " + out);
        return evaluation;
    }

    private static Map<Staff, StaffModel> staves(SegueModel model) {
        Map<Staff, StaffModel> staves = new EnumMap<>(Staff.class);
        for (Staff staff : Staff.values()) staves.put(staff, model.staff(staff));
        return staves;
    }
}
