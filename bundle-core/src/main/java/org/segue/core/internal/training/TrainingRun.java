package org.segue.core.internal.training;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.segue.core.internal.evaluation.Evaluator;
import org.segue.core.internal.model.ModelMetadata;
import org.segue.core.internal.model.SegueModel;
import org.segue.core.internal.model.StaffModel;
import org.segue.core.internal.model.TrainedCorpus;
import org.segue.core.internal.model.Versions;
import org.segue.core.internal.network.StaffNetworkFactory;
import org.segue.core.internal.network.Temperatures;
import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.preprocess.PieceSplit;
import org.segue.core.internal.preprocess.PreparedCorpus;
import org.segue.core.internal.preprocess.StaffVocabularies;
import org.segue.core.internal.runtime.Nd4jRuntime;
import org.segue.training.Corpus;
import org.segue.training.EvaluationReport;
import org.segue.training.ModelException;
import org.segue.training.Staff;
import org.segue.training.StaffTrainingSummary;
import org.segue.training.TrainingConfig;
import org.segue.training.TrainingListener;
import org.segue.training.TrainingResult;
import org.segue.training.TrainingService;

/**
 * One call of {@link TrainingService#train}: prepares the corpus, trains the treble staff's network and then the
 * bass staff's (each with {@link StaffTrainer}), checkpointing after every epoch, calibrates both on the held-out
 * pieces ({@link Calibration}), evaluates the result on them, and writes the model file.
 */
public final class TrainingRun {

    private final List<Corpus> corpora;
    private final TrainingConfig config;
    private final Path modelFile;
    private final TrainingListener listener;
    private final ProgressClock clock = new ProgressClock();

    /** A run on the pieces of all {@code corpora} (at least one), each corpus holding out its own share. */
    public TrainingRun(List<Corpus> corpora, TrainingConfig config, Path modelFile, TrainingListener listener) {
        if (corpora.isEmpty()) throw new IllegalArgumentException("training needs at least one corpus");
        this.corpora = List.copyOf(corpora);
        this.config = config;
        this.modelFile = modelFile;
        this.listener = listener == null ? TrainingListener.NONE : listener;
    }

    public TrainingResult run(boolean resume) throws ModelException {
        return Nd4jRuntime.call(() -> train(resume));
    }

    private TrainingResult train(boolean resume) throws ModelException {
        PreparedCorpus prepared;
        try {
            prepared = PreparedCorpus.of(corpora, config.heldOutShare());
        } catch (IllegalArgumentException e) {
            throw new ModelException(e.getMessage(), e);
        }
        TrainingData data = TrainingData.of(prepared, config);
        Path checkpoint = TrainingService.checkpointOf(modelFile);
        requireWritableFolder(checkpoint.getParent());
        String fingerprint = fingerprint(prepared, data);
        Map<Staff, StaffState> states = new EnumMap<>(Staff.class);
        long millisBefore = 0;
        if (resume) {
            Checkpoint.Restored restored = Checkpoint.read(checkpoint, fingerprint, config);
            states.putAll(restored.staves());
            millisBefore = restored.millisSoFar();
            listener.onMessage("resuming from " + checkpoint + ": " + describe(states));
        }
        for (Staff staff : Staff.values()) {
            int batches = StaffTrainer.batchesPerEpoch(StaffTrainer.sequences(data.training(staff), config).size(),
                    config.batchSize());
            StaffState s = states.get(staff);
            int done = s == null ? 0 : s.epochsDone;
            clock.plan((long) (s != null && s.finished ? done : config.epochs()) * batches);
            clock.doneBefore((long) done * batches);
        }
        StaffTrainer trainer = new StaffTrainer(config, clock, listener);
        final long before = millisBefore;
        for (Staff staff : Staff.values()) {
            StaffState state = states.get(staff);
            if (state == null) {
                state = new StaffState(staff, StaffNetworkFactory.build(config, data.vocabularies(staff).events()
                        .size(), data.vocabularies(staff).durations().size()));
                states.put(staff, state);
            }
            if (state.finished) continue;
            listener.onMessage(staff.label() + ": training on " + data.trainingEvents(staff) + " events of "
                    + data.training(staff).size() + " pieces, validating on " + data.heldOutEvents(staff)
                    + " events; " + data.vocabularies(staff).events().size() + " event labels, "
                    + data.vocabularies(staff).durations().size() + " duration categories, "
                    + state.network.numParams() + " parameters" + (config.augment()
                    ? "; each window learned as it is or in another form (octave up or down, twice as slow or fast)"
                    : ""));
            trainer.train(state, data.training(staff), data.forms(staff), data.heldOut(staff),
                    st -> Checkpoint.write(checkpoint, fingerprint, config, states, before + clock.elapsedMillis()));
        }
        long millis = before + clock.elapsedMillis();
        Map<Staff, Temperatures> temperatures = Calibration.fit(states, data.heldOutByStaff(), config, listener);
        SegueModel model = model(prepared, data, states, millis, temperatures, null);
        List<String> heldOut = prepared.split().heldOut();
        EvaluationReport evaluation = Evaluator.evaluate(model, prepared.name(), heldOut, heldOut.size(),
                data.heldOutByStaff());
        model = model(prepared, data, states, millis, temperatures, evaluation);
        model.write(modelFile);
        Checkpoint.deleteQuietly(checkpoint);
        listener.onMessage("model written to " + modelFile);
        return new TrainingResult(modelFile, prepared.split().training(), prepared.split().heldOut(),
                summaries(data, states), evaluation, clock.elapsedMillis(), resume);
    }

    private SegueModel model(PreparedCorpus prepared, TrainingData data, Map<Staff, StaffState> states, long millis,
                             Map<Staff, Temperatures> temperatures, EvaluationReport evaluation) {
        Map<Staff, StaffModel> staves = new EnumMap<>(Staff.class);
        for (Staff staff : Staff.values()) {
            staves.put(staff, new StaffModel(staff, data.vocabularies(staff), states.get(staff).network,
                    data.training(staff)));
        }
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Versions.segue(), Versions.dl4j(),
                corpora.size() == 1 ? corpora.get(0).name() : prepared.name(), prepared.split().training(),
                prepared.split().heldOut(), config, summaries(data, states), millis,
                evaluation == null ? "" : evaluation.toJson(), trainedCorpora(), temperatures);
        return new SegueModel(modelFile.toString(), metadata, staves);
    }

    /** Each corpus with its own split, as {@link PreparedCorpus#of(List, double)} made it. */
    private List<TrainedCorpus> trainedCorpora() {
        List<TrainedCorpus> trained = new ArrayList<>();
        for (Corpus c : corpora) {
            PieceSplit split = PieceSplit.of(c.pieceNames(), config.heldOutShare());
            trained.add(new TrainedCorpus(PreparedCorpus.shortName(c.name()), c.name(), split.training(),
                    split.heldOut()));
        }
        return trained;
    }

    private static Map<Staff, StaffTrainingSummary> summaries(TrainingData data, Map<Staff, StaffState> states) {
        Map<Staff, StaffTrainingSummary> summaries = new EnumMap<>(Staff.class);
        for (Staff staff : Staff.values()) {
            StaffState s = states.get(staff);
            StaffVocabularies v = data.vocabularies(staff);
            summaries.put(staff, new StaffTrainingSummary(staff, data.trainingEvents(staff),
                    data.heldOutEvents(staff), v.events().size(), v.durations().size(), s.bestEpoch, s.bestLoss,
                    s.stoppedEarly, s.history));
        }
        return summaries;
    }

    private static String describe(Map<Staff, StaffState> states) {
        StringBuilder s = new StringBuilder();
        for (StaffState state : states.values()) {
            if (s.length() > 0) s.append(", ");
            s.append(state.staff.label()).append(state.finished ? " finished" : " after epoch " + state.epochsDone);
        }
        return s.length() == 0 ? "nothing done yet" : s.toString();
    }

    private void requireWritableFolder(Path folder) throws ModelException {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new ModelException(modelFile + ": cannot create the folder " + folder + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(folder)) {
            throw new ModelException(modelFile + ": the folder " + folder + " is not writable; pass another --out");
        }
    }

    /** Identifies the prepared data: piece names, split, vocabularies and every token. */
    private static String fingerprint(PreparedCorpus prepared, TrainingData data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : prepared.split().training()) digest.update(("T:" + name + "\n").getBytes(
                    StandardCharsets.UTF_8));
            for (String name : prepared.split().heldOut()) digest.update(("H:" + name + "\n").getBytes(
                    StandardCharsets.UTF_8));
            for (Staff staff : Staff.values()) {
                digest.update(String.join("\n", data.vocabularies(staff).events().labels())
                        .getBytes(StandardCharsets.UTF_8));
                digest.update(String.join("\n", data.vocabularies(staff).durations().labels())
                        .getBytes(StandardCharsets.UTF_8));
                for (List<EncodedStream> streams : List.of(data.training(staff), data.heldOut(staff))) {
                    for (EncodedStream s : streams) {
                        ByteBuffer b = ByteBuffer.allocate(8 * s.size() + 4);
                        b.putInt(s.size());
                        for (int i = 0; i < s.size(); i++) b.putInt(s.events()[i]).putInt(s.durations()[i]);
                        digest.update(b.array());
                    }
                }
            }
            StringBuilder hex = new StringBuilder();
            for (byte x : digest.digest()) hex.append(String.format("%02x", x));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
