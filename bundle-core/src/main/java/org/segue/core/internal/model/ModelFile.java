package org.segue.core.internal.model;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.segue.core.internal.network.StaffNetworkFactory;
import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.preprocess.StaffVocabularies;
import org.segue.core.internal.preprocess.Vocabulary;
import org.segue.core.internal.runtime.Nd4jRuntime;
import org.segue.files.AtomicFile;
import org.segue.training.ModelException;
import org.segue.training.Staff;

/**
 * The model file: a zip holding
 * <ul>
 *   <li>{@code segue-model.json}: the metadata ({@link MetadataJson});</li>
 *   <li>per staff ({@code treble/}, {@code bass/}): {@code network.zip} (DL4J's {@code ModelSerializer} format,
 *       without the updater state), {@code events.tsv} and {@code durations.tsv} (the vocabularies, see
 *       {@link Vocabulary}), and {@code training-streams.tsv} (each training piece's tokens:
 *       {@code piece<TAB>event indices<TAB>duration indices}, for the evaluation baselines);</li>
 *   <li>{@code checksums.sha256}, written last: the SHA-256 of every other entry ({@code HEX  NAME} per line, as
 *       {@code sha256sum} prints it). A file that has it must match it; files written before it existed (like the
 *       shipped model) have none and are read as before, with the zip's own CRC-32 checks.</li>
 * </ul>
 * The metadata's {@code formatVersion} says which layout this is; a newer one is refused with a line that says so.
 * Written atomically: a temporary file in the target folder, then a move.
 */
final class ModelFile {

    static final String METADATA = "segue-model.json";
    private static final String NETWORK = "network.zip";
    private static final String EVENTS = "events.tsv";
    private static final String DURATIONS = "durations.tsv";
    private static final String STREAMS = "training-streams.tsv";
    static final String CHECKSUMS = "checksums.sha256";
    /** A model file larger than this is refused before it is read into memory. */
    private static final long MAX_BYTES = 512L * 1024 * 1024;

    private ModelFile() {
    }

    static void write(SegueModel model, Path file) throws ModelException {
        try {
            AtomicFile.write(file, out -> writeTo(model, out));
        } catch (IOException e) {
            throw new ModelException(file + ": cannot write the model: " + e.getMessage()
                    + "; check the folder and the free space", e);
        }
    }

    private static void writeTo(SegueModel model, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        StringBuilder sums = new StringBuilder();
        put(zip, sums, METADATA, MetadataJson.write(model.metadata()).getBytes(StandardCharsets.UTF_8));
        for (Staff staff : Staff.values()) {
            StaffModel s = model.staff(staff);
            String dir = staff.label() + "/";
            ByteArrayOutputStream network = new ByteArrayOutputStream();
            Nd4jRuntime.call(() -> {
                ModelSerializer.writeModel(s.network(), network, false);
                return null;
            });
            put(zip, sums, dir + NETWORK, network.toByteArray());
            put(zip, sums, dir + EVENTS, text(w -> s.vocabularies().events().write(w)));
            put(zip, sums, dir + DURATIONS, text(w -> s.vocabularies().durations().write(w)));
            put(zip, sums, dir + STREAMS, text(w -> writeStreams(w, s.trainingStreams())));
        }
        put(zip, null, CHECKSUMS, sums.toString().getBytes(StandardCharsets.US_ASCII));
        zip.finish();
        zip.flush();
    }

    static SegueModel read(Path file) throws ModelException {
        try {
            if (Files.isDirectory(file)) throw new ModelException(file + ": is a folder, not a model file; pass a "
                    + "file written by ./segue train");
            if (Files.size(file) > MAX_BYTES) {
                throw new ModelException(file + ": not a Segue model (larger than " + MAX_BYTES / (1024 * 1024)
                        + " MB); retrain or pass another --model");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, file.toString());
            }
        } catch (NoSuchFileException e) {
            throw new ModelException(file + ": no such model file; check --model, or train one with ./segue train",
                    e);
        } catch (IOException e) {
            throw new ModelException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static SegueModel read(InputStream in, String name) throws ModelException {
        try {
            Map<String, byte[]> entries = entries(in);
            verifyChecksums(entries);
            ModelMetadata metadata = MetadataJson.read(utf8(required(entries, METADATA)));
            Map<Staff, StaffModel> staves = new EnumMap<>(Staff.class);
            // the two staves side by side: inflating and reading the weights is most of a model's loading time
            CompletableFuture<StaffModel> bass = CompletableFuture.supplyAsync(() -> {
                try {
                    return staff(entries, Staff.BASS, metadata);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            staves.put(Staff.TREBLE, staff(entries, Staff.TREBLE, metadata));
            try {
                staves.put(Staff.BASS, bass.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
            return new SegueModel(name, metadata, staves);
        } catch (MetadataJson.IncompatibleFormat e) {
            throw new ModelException(name + ": " + e.getMessage(), e);
        } catch (Damaged e) {
            throw new ModelException(name + ": the model file is damaged (" + e.getMessage() + "); copy it again "
                    + "or retrain it with ./segue train", e);
        } catch (IOException | RuntimeException e) {
            throw new ModelException(name + ": not a Segue model (" + reason(e) + "); retrain or pass another --model",
                    e);
        }
    }

    /** A model file whose content does not match its own checksums: damaged on the way, not a foreign file. */
    private static final class Damaged extends IOException {
        private static final long serialVersionUID = 1L;

        Damaged(String message) {
            super(message);
        }
    }

    /** Checks every entry against {@link #CHECKSUMS}, where the file has it. */
    private static void verifyChecksums(Map<String, byte[]> entries) throws IOException {
        byte[] listing = entries.get(CHECKSUMS);
        if (listing == null) return; // written before checksums existed
        Map<String, String> expected = new HashMap<>();
        for (String line : utf8(listing).split("\n")) {
            if (line.isBlank()) continue;
            int gap = line.indexOf("  ");
            if (gap != 64) throw new Damaged(CHECKSUMS + " has a line that is not 'SHA-256  NAME'");
            expected.put(line.substring(gap + 2), line.substring(0, gap));
        }
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getKey().equals(CHECKSUMS)) continue;
            String sum = expected.remove(entry.getKey());
            if (sum == null) throw new Damaged("the entry " + entry.getKey() + " is not in " + CHECKSUMS);
            if (!sum.equals(sha256(entry.getValue()))) {
                throw new Damaged("the entry " + entry.getKey() + " does not match its SHA-256 checksum");
            }
        }
        if (!expected.isEmpty()) {
            throw new Damaged("the entry " + expected.keySet().iterator().next() + " is missing");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }


    /**
     * One staff. Its network's weights are read without DL4J for generation (their count checked against the
     * configuration and vocabularies); the DL4J network is restored only when scoring or writing asks for it.
     */
    private static StaffModel staff(Map<String, byte[]> entries, Staff staff, ModelMetadata metadata)
            throws IOException {
        String dir = staff.label() + "/";
        Vocabulary events = Vocabulary.read(new StringReader(utf8(required(entries, dir + EVENTS))));
        Vocabulary durations = Vocabulary.read(new StringReader(utf8(required(entries, dir + DURATIONS))));
        byte[] networkBytes = required(entries, dir + NETWORK);
        InferenceNetwork inference;
        try {
            inference = InferenceNetwork.fromParameters(NetworkParameters.read(networkBytes), metadata.config(),
                    events.size(), durations.size());
        } catch (IllegalArgumentException e) {
            throw new IOException(dir + NETWORK + ": " + e.getMessage(), e);
        }
        StaffVocabularies vocabularies = new StaffVocabularies(staff, events, durations);
        List<EncodedStream> streams = readStreams(utf8(required(entries, dir + STREAMS)), staff, vocabularies);
        return new StaffModel(staff, vocabularies, inference, () -> restore(networkBytes, events, durations, dir),
                streams);
    }

    private static ComputationGraph restore(byte[] networkBytes, Vocabulary events, Vocabulary durations,
                                            String dir) throws IOException {
        ComputationGraph network = Nd4jRuntime.call(
                () -> ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(networkBytes), false));
        requireClasses(network, StaffNetworkFactory.EVENT_OUTPUT, events.size(), dir);
        requireClasses(network, StaffNetworkFactory.DURATION_OUTPUT, durations.size(), dir);
        return network;
    }

    private static void requireClasses(ComputationGraph network, String layer, int classes, String dir)
            throws IOException {
        if (network.getLayer(layer) == null) throw new IOException(dir + NETWORK + " has no layer " + layer);
        long nOut = ((FeedForwardLayer) network.getLayer(layer).conf().getLayer()).getNOut();
        if (nOut != classes) {
            throw new IOException(dir + NETWORK + " layer " + layer + " has " + nOut + " classes but the vocabulary "
                    + classes);
        }
    }

    /** Reads all entries, refusing duplicates and oversized content. */
    private static Map<String, byte[]> entries(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        long total = 0;
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            try {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_BYTES) throw new IOException("more than " + MAX_BYTES + " bytes unpacked");
                    bytes.write(buffer, 0, n);
                }
            } catch (java.io.EOFException e) {
                throw new Damaged("it is cut short inside the entry " + entry.getName());
            }
            if (entries.put(entry.getName(), bytes.toByteArray()) != null) {
                throw new IOException("the entry " + entry.getName() + " appears twice");
            }
        }
        if (entries.isEmpty()) throw new IOException("not a zip file");
        return entries;
    }

    private static byte[] required(Map<String, byte[]> entries, String name) throws IOException {
        byte[] bytes = entries.get(name);
        if (bytes == null) throw new IOException("no entry " + name);
        return bytes;
    }

    private static void writeStreams(Writer w, List<EncodedStream> streams) throws IOException {
        for (EncodedStream s : streams) {
            w.write(s.piece().replace('\t', ' ').replace('\n', ' '));
            w.write('\t');
            w.write(joined(s.events()));
            w.write('\t');
            w.write(joined(s.durations()));
            w.write('\n');
        }
    }

    private static List<EncodedStream> readStreams(String text, Staff staff, StaffVocabularies vocabularies)
            throws IOException {
        List<EncodedStream> streams = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new StringReader(text));
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isEmpty()) continue;
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) throw new IOException(staff.label() + "/" + STREAMS + " line " + number
                    + " has " + fields.length + " fields, not 3");
            int[] events = indices(fields[1], vocabularies.events().size(), number);
            int[] durations = indices(fields[2], vocabularies.durations().size(), number);
            if (events.length != durations.length) {
                throw new IOException(staff.label() + "/" + STREAMS + " line " + number + ": " + events.length
                        + " events but " + durations.length + " durations");
            }
            streams.add(new EncodedStream(fields[0], staff, events, durations, new BitSet(), new BitSet()));
        }
        return streams;
    }

    private static int[] indices(String field, int size, int line) throws IOException {
        if (field.isBlank()) return new int[0];
        String[] parts = field.trim().split(" ");
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IOException("training streams line " + line + ": '" + parts[i] + "' is not an index", e);
            }
            if (values[i] < 0 || values[i] >= size) {
                throw new IOException("training streams line " + line + ": index " + values[i] + " outside 0.."
                        + (size - 1));
            }
        }
        return values;
    }

    private static String joined(int[] values) {
        StringBuilder s = new StringBuilder();
        for (int v : values) {
            if (s.length() > 0) s.append(' ');
            s.append(v);
        }
        return s.toString();
    }

    @FunctionalInterface
    private interface TextWriter {
        void write(Writer w) throws IOException;
    }

    private static byte[] text(TextWriter content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        content.write(w);
        w.flush();
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, StringBuilder sums, String name, byte[] bytes) throws IOException {
        if (sums != null) sums.append(sha256(bytes)).append("  ").append(name).append('\n');
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A short reason for people: the exception's own message, or its type when it has none. */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        message = message.replaceAll("\\s+", " ").trim();
        return message.length() > 160 ? message.substring(0, 157) + "..." : message;
    }
}
