package org.segue.core.internal.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.segue.core.internal.network.Temperatures;
import org.segue.training.EpochSummary;
import org.segue.training.Staff;
import org.segue.training.StaffTrainingSummary;
import org.segue.training.TrainingConfig;

/** {@link ModelMetadata} to and from JSON (with the Jackson that ND4J embeds, so no extra dependency). */
public final class MetadataJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetadataJson() {
    }

    public static String write(ModelMetadata m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "segue-model");
        root.put("formatVersion", m.formatVersion());
        root.put("created", m.created());
        root.put("segueVersion", m.segueVersion());
        root.put("dl4jVersion", m.dl4jVersion());
        ObjectNode corpus = root.putObject("corpus");
        corpus.put("name", m.corpus());
        strings(corpus.putArray("trainingPieces"), m.trainingPieces());
        strings(corpus.putArray("heldOutPieces"), m.heldOutPieces());
        ArrayNode corpora = root.putArray("corpora");
        for (TrainedCorpus c : m.corpora()) {
            ObjectNode n = corpora.addObject();
            n.put("name", c.name());
            n.put("path", c.path());
            strings(n.putArray("trainingPieces"), c.trainingPieces());
            strings(n.putArray("heldOutPieces"), c.heldOutPieces());
        }
        config(root.putObject("config"), m.config());
        ObjectNode staves = root.putObject("staves");
        for (Staff staff : Staff.values()) {
            StaffTrainingSummary s = m.staves().get(staff);
            if (s != null) staff(staves.putObject(staff.label()), s);
        }
        root.put("trainingMillis", m.trainingMillis());
        if (!m.temperatures().isEmpty()) {
            ObjectNode temperatures = root.putObject("temperatures");
            for (Staff staff : Staff.values()) {
                Temperatures t = m.temperatures().get(staff);
                if (t != null) temperatures.putObject(staff.label()).put("events", t.events())
                        .put("durations", t.durations());
            }
        }
        if (!m.evaluationJson().isEmpty()) {
            try {
                root.set("evaluation", MAPPER.readTree(m.evaluationJson()));
            } catch (IOException e) {
                throw new IllegalArgumentException("the evaluation is not JSON: " + e.getMessage(), e);
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write model metadata as JSON", e);
        }
    }

    /** A model file of a format version this Segue cannot read. */
    static final class IncompatibleFormat extends IOException {
        private static final long serialVersionUID = 1L;

        IncompatibleFormat(String message) {
            super(message);
        }
    }

    /** Reads what {@link #write} wrote; IOException naming the missing or bad field. */
    public static ModelMetadata read(String json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !"segue-model".equals(root.path("format").asText())) {
            throw new IOException("its metadata does not say format segue-model");
        }
        int version = required(root, "formatVersion").asInt();
        if (version > ModelMetadata.FORMAT_VERSION) {
            throw new IncompatibleFormat("has model format " + version + ", written by a newer Segue; this one reads "
                    + "format " + ModelMetadata.FORMAT_VERSION + ": update Segue or retrain the model with this one");
        }
        if (version < 1) {
            throw new IncompatibleFormat("has model format " + version + ", which no Segue writes; retrain the model");
        }
        JsonNode corpus = required(root, "corpus");
        Map<Staff, StaffTrainingSummary> staves = new EnumMap<>(Staff.class);
        JsonNode stavesNode = required(root, "staves");
        for (Staff staff : Staff.values()) {
            if (stavesNode.has(staff.label())) staves.put(staff, staff(staff, stavesNode.get(staff.label())));
        }
        JsonNode evaluation = root.get("evaluation");
        List<TrainedCorpus> corpora = new ArrayList<>(); // none in files written before several corpora
        for (JsonNode c : root.path("corpora")) {
            corpora.add(new TrainedCorpus(required(c, "name").asText(), required(c, "path").asText(),
                    strings(required(c, "trainingPieces")), strings(required(c, "heldOutPieces"))));
        }
        Map<Staff, Temperatures> temperatures = new EnumMap<>(Staff.class); // none before calibration
        JsonNode temperaturesNode = root.path("temperatures");
        for (Staff staff : Staff.values()) {
            JsonNode t = temperaturesNode.get(staff.label());
            if (t == null) continue;
            try {
                temperatures.put(staff, new Temperatures(required(t, "events").asDouble(),
                        required(t, "durations").asDouble()));
            } catch (IllegalArgumentException e) {
                throw new IOException("bad temperatures: " + e.getMessage(), e);
            }
        }
        return new ModelMetadata(version, required(root, "created").asText(), root.path("segueVersion").asText(null),
                root.path("dl4jVersion").asText(null), required(corpus, "name").asText(),
                strings(required(corpus, "trainingPieces")), strings(required(corpus, "heldOutPieces")),
                config(required(root, "config")), staves, root.path("trainingMillis").asLong(),
                evaluation == null ? "" : MAPPER.writeValueAsString(evaluation), corpora, temperatures);
    }

    private static void config(ObjectNode n, TrainingConfig c) {
        n.put("hiddenSize", c.hiddenSize());
        n.put("dropout", c.dropout());
        n.put("denseSize", c.denseSize());
        n.put("eventEmbeddingSize", c.eventEmbeddingSize());
        n.put("durationEmbeddingSize", c.durationEmbeddingSize());
        n.put("learningRate", c.learningRate());
        n.put("batchSize", c.batchSize());
        n.put("epochs", c.epochs());
        n.put("patience", c.patience());
        n.put("seed", c.seed());
        n.put("sequenceLength", c.sequenceLength());
        n.put("windowStride", c.windowStride());
        n.put("heldOutShare", c.heldOutShare());
        n.put("minEventCount", c.minEventCount());
        n.put("augment", c.augment());
        n.put("listening", c.listening());
        n.put("learningRateDrops", c.learningRateDrops());
    }

    /** Reads a configuration written by {@link #write}; also used for checkpoints. */
    public static TrainingConfig config(JsonNode n) throws IOException {
        try {
            return new TrainingConfig(required(n, "hiddenSize").asInt(), required(n, "dropout").asDouble(),
                    required(n, "denseSize").asInt(), required(n, "eventEmbeddingSize").asInt(),
                    required(n, "durationEmbeddingSize").asInt(), required(n, "learningRate").asDouble(),
                    required(n, "batchSize").asInt(), required(n, "epochs").asInt(), required(n, "patience").asInt(),
                    required(n, "seed").asLong(), required(n, "sequenceLength").asInt(),
                    required(n, "windowStride").asInt(), required(n, "heldOutShare").asDouble(),
                    required(n, "minEventCount").asInt(), n.path("augment").asBoolean(false),
                    n.path("listening").asBoolean(false), n.path("learningRateDrops").asInt(0));
        } catch (IllegalArgumentException e) {
            throw new IOException("bad configuration: " + e.getMessage(), e);
        }
    }

    /** The configuration alone, as JSON text. */
    public static String configJson(TrainingConfig c) {
        ObjectNode n = MAPPER.createObjectNode();
        config(n, c);
        return n.toString();
    }

    public static TrainingConfig readConfigJson(String json) throws IOException {
        return config(MAPPER.readTree(json));
    }

    private static void staff(ObjectNode n, StaffTrainingSummary s) {
        n.put("trainingEvents", s.trainingEvents());
        n.put("heldOutEvents", s.heldOutEvents());
        n.put("eventVocabularySize", s.eventVocabularySize());
        n.put("durationVocabularySize", s.durationVocabularySize());
        n.put("bestEpoch", s.bestEpoch());
        n.put("bestValidationLoss", s.bestValidationLoss());
        n.put("stoppedEarly", s.stoppedEarly());
        ArrayNode history = n.putArray("history");
        for (EpochSummary e : s.history()) epoch(history.addObject(), e);
    }

    private static StaffTrainingSummary staff(Staff staff, JsonNode n) throws IOException {
        List<EpochSummary> history = new ArrayList<>();
        for (JsonNode h : required(n, "history")) {
            history.add(epoch(staff, h));
        }
        return new StaffTrainingSummary(staff, required(n, "trainingEvents").asInt(),
                required(n, "heldOutEvents").asInt(), required(n, "eventVocabularySize").asInt(),
                required(n, "durationVocabularySize").asInt(), required(n, "bestEpoch").asInt(),
                required(n, "bestValidationLoss").asDouble(), n.path("stoppedEarly").asBoolean(), history);
    }

    /** One epoch of a history, as {@link #write} and checkpoints write it. */
    public static EpochSummary epoch(Staff staff, JsonNode h) {
        return new EpochSummary(staff, h.path("epoch").asInt(), h.path("trainingLoss").asDouble(),
                h.path("validationLoss").asDouble(), h.path("validationEventLoss").asDouble(Double.NaN),
                h.path("validationDurationLoss").asDouble(Double.NaN), h.path("improved").asBoolean(),
                h.path("millis").asLong());
    }

    /** One epoch of a history as JSON. */
    public static void epoch(ObjectNode h, EpochSummary e) {
        h.put("epoch", e.epoch());
        h.put("trainingLoss", e.trainingLoss());
        h.put("validationLoss", e.validationLoss());
        h.put("validationEventLoss", e.validationEventLoss());
        h.put("validationDurationLoss", e.validationDurationLoss());
        h.put("improved", e.improved());
        h.put("millis", e.millis());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode required(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) throw new IOException("its metadata lacks the field " + field);
        return value;
    }
}
