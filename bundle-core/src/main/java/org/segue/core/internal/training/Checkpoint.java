package org.segue.core.internal.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.factory.Nd4j;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.segue.core.internal.model.MetadataJson;
import org.segue.files.AtomicFile;
import org.segue.training.EpochSummary;
import org.segue.training.ModelException;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;

/**
 * The state of a training run after an epoch, in a zip beside the model file: {@code checkpoint.json} (the data
 * fingerprint, the configuration, the wall time so far, and per started staff its epoch counters and history),
 * and per started staff {@code <staff>/network.zip} (with the updater state while the staff is still training)
 * and {@code <staff>/best.bin} (the best parameters so far). Written after every epoch through {@link AtomicFile}:
 * a run killed at any moment leaves the previous checkpoint or the new one, whole.
 */
final class Checkpoint {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a checkpoint restores. */
    record Restored(Map<Staff, StaffState> staves, long millisSoFar) {
    }

    private Checkpoint() {
    }

    static void write(Path file, String fingerprint, TrainingConfig config, Map<Staff, StaffState> staves,
                      long millisSoFar) throws ModelException {
        try {
            AtomicFile.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                ObjectNode root = MAPPER.createObjectNode();
                root.put("fingerprint", fingerprint);
                root.set("config", MAPPER.readTree(MetadataJson.configJson(config)));
                root.put("millis", millisSoFar);
                ObjectNode stavesNode = root.putObject("staves");
                for (StaffState s : staves.values()) {
                    stavesNode.set(s.staff.label(), stateJson(s));
                    put(zip, s.staff.label() + "/network.zip", network(s.network, !s.finished));
                    if (!s.finished) put(zip, s.staff.label() + "/best.bin", array(s));
                }
                put(zip, "checkpoint.json", MAPPER.writeValueAsBytes(root));
                zip.finish();
            });
        } catch (IOException e) {
            throw new ModelException(file + ": cannot write the checkpoint: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a checkpoint written for the same data and configuration (the number of epochs and the patience may
     * differ, to train longer).
     *
     * @throws ModelException when it is missing, unreadable, or from another corpus or configuration
     */
    static Restored read(Path file, String fingerprint, TrainingConfig config) throws ModelException {
        String hint = "; train without --resume to start over";
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, byte[]> entries = entries(in);
            byte[] json = entries.get("checkpoint.json");
            if (json == null) throw new IOException("no checkpoint.json");
            JsonNode root = MAPPER.readTree(json);
            if (!fingerprint.equals(root.path("fingerprint").asText())) {
                throw new ModelException(file + ": this checkpoint was made from another corpus (or other pieces, "
                        + "or another split)" + hint);
            }
            TrainingConfig saved = MetadataJson.config(root.path("config"));
            if (!saved.withEpochs(config.epochs()).withPatience(config.patience()).equals(config)) {
                throw new ModelException(file + ": this checkpoint was made with another configuration ("
                        + MetadataJson.configJson(saved) + ")" + hint);
            }
            Map<Staff, StaffState> staves = new EnumMap<>(Staff.class);
            for (Staff staff : Staff.values()) {
                JsonNode node = root.path("staves").get(staff.label());
                if (node != null) staves.put(staff, state(staff, node, entries));
            }
            return new Restored(staves, root.path("millis").asLong());
        } catch (NoSuchFileException e) {
            throw new ModelException(file + ": no checkpoint to resume from" + hint, e);
        } catch (IOException | RuntimeException e) {
            throw new ModelException(file + ": not a readable checkpoint (" + e.getMessage() + ")" + hint, e);
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Checkpoint.class).warn("cannot delete {}", file, e);
        }
    }

    private static ObjectNode stateJson(StaffState s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("finished", s.finished);
        n.put("stoppedEarly", s.stoppedEarly);
        n.put("epochsDone", s.epochsDone);
        n.put("bestEpoch", s.bestEpoch);
        n.put("bestLoss", s.bestLoss);
        n.put("epochsWithoutImprovement", s.epochsWithoutImprovement);
        n.put("learningRateDrops", s.learningRateDrops);
        ArrayNode history = n.putArray("history");
        for (EpochSummary e : s.history) MetadataJson.epoch(history.addObject(), e);
        return n;
    }

    private static StaffState state(Staff staff, JsonNode n, Map<String, byte[]> entries) throws IOException {
        boolean finished = n.path("finished").asBoolean();
        byte[] networkBytes = required(entries, staff.label() + "/network.zip");
        ComputationGraph network = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(networkBytes),
                !finished);
        StaffState s = new StaffState(staff, network);
        s.finished = finished;
        s.stoppedEarly = n.path("stoppedEarly").asBoolean();
        s.epochsDone = n.path("epochsDone").asInt();
        s.bestEpoch = n.path("bestEpoch").asInt();
        s.bestLoss = n.path("bestLoss").asDouble();
        s.epochsWithoutImprovement = n.path("epochsWithoutImprovement").asInt();
        s.learningRateDrops = n.path("learningRateDrops").asInt();
        for (JsonNode h : n.path("history")) s.history.add(MetadataJson.epoch(staff, h));
        if (!finished) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(
                    required(entries, staff.label() + "/best.bin")))) {
                s.bestParameters = Nd4j.read(in);
            }
        }
        return s;
    }

    private static byte[] network(ComputationGraph network, boolean withUpdater) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, withUpdater);
        return bytes.toByteArray();
    }

    private static byte[] array(StaffState s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Nd4j.write(s.bestParameters, out);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static Map<String, byte[]> entries(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            entries.put(e.getName(), zip.readAllBytes());
        }
        return entries;
    }

    private static byte[] required(Map<String, byte[]> entries, String name) throws IOException {
        byte[] bytes = entries.get(name);
        if (bytes == null) throw new IOException("no entry " + name);
        return bytes;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
