package org.segue.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.core.internal.network.Temperatures;
import org.segue.core.internal.preprocess.PreparedCorpus;
import org.segue.training.ModelException;
import org.segue.training.Staff;

class ModelFileTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    private static final List<Token> PREFIX = List.of(new Token(1, 1), new Token(2, 1), new Token(4, 0),
            new Token(0, 2), new Token(5, 3));

    @Test
    void aSavedAndLoadedModelGivesIdenticalOutputs() throws ModelException {
        SegueModel original = TinyModels.model("memory");
        Path file = folder.resolve("tiny.segue-model");
        original.write(file);
        SegueModel loaded = SegueModel.load(file);
        for (Staff staff : Staff.values()) {
            Distributions a = original.staff(staff).newSession(1).prime(PREFIX).get(0);
            Distributions b = loaded.staff(staff).newSession(1).prime(PREFIX).get(0);
            assertThat(b.events()).containsExactly(a.events());
            assertThat(b.durations()).containsExactly(a.durations());
            assertThat(loaded.staff(staff).vocabularies().events())
                    .isEqualTo(original.staff(staff).vocabularies().events());
            assertThat(loaded.staff(staff).trainingStreams().get(0).events())
                    .containsExactly(original.staff(staff).trainingStreams().get(0).events());
        }
        assertThat(loaded.metadata()).isEqualTo(original.metadata());
        assertThat(loaded.source()).isEqualTo(file.toString());
    }

    @Test
    void theShippedModelsWeightsReadWithoutDl4jAreItsNetworksOwn() throws ModelException {
        StaffModel treble = SegueModel.defaultModel().staff(Staff.TREBLE);
        Distributions read = treble.newSession(1).prime(PREFIX).get(0);
        InferenceNetwork fromGraph = GraphWeights.read(treble.network());
        InferenceNetwork.State state = fromGraph.newState();
        Distributions restored = fromGraph.newDistributions();
        for (int t = 0; t < PREFIX.size(); t++) {
            fromGraph.step(state, PREFIX.get(t), null, t == PREFIX.size() - 1 ? restored : null);
        }
        assertThat(read.events()).containsExactly(restored.events());
        assertThat(read.durations()).containsExactly(restored.durations());
    }

    @Test
    void aCorruptedFileGivesOneClearLine() throws IOException {
        Path file = folder.resolve("model.segue-model");
        byte[] garbage = new byte[4096];
        Arrays.fill(garbage, (byte) 0x5a);
        Files.write(file, garbage);
        assertOneLine(file, "not a Segue model (not a zip file); retrain or pass another --model");
    }

    @Test
    void aTruncatedFileGivesOneClearLine() throws Exception {
        Path whole = folder.resolve("whole.segue-model");
        TinyModels.model("memory").write(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path file = folder.resolve("model.segue-model");
        Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertOneLine(file, "the model file is damaged (it is cut short inside the entry");
    }

    @Test
    void aZipWithoutAModelInsideGivesOneClearLine() throws Exception {
        Path file = folder.resolve("other.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("hello".getBytes());
        }
        assertOneLine(file, "not a Segue model (no entry segue-model.json)");
    }

    @Test
    void aMissingFileIsNamed() {
        assertOneLine(folder.resolve("nowhere.segue-model"), "no such model file");
    }

    @Test
    void sessionsAtBatchOneAndBatchNAgreeAndStepLikeTheWholeSequence() {
        StaffModel staff = TinyModels.model("memory").staff(Staff.BASS);
        StaffSession one = staff.newSession(1);
        StaffSession three = staff.newSession(3);
        List<Distributions> rows = three.prime(PREFIX);
        Distributions single = one.prime(PREFIX).get(0);
        for (Distributions row : rows) assertThat(row.events()).containsExactly(single.events());
        // stepping token by token reaches the same state as priming with the longer prefix
        Distributions stepped = one.step(new Token(3, 2));
        List<Token> longer = new java.util.ArrayList<>(PREFIX);
        longer.add(new Token(3, 2));
        Distributions primed = staff.newSession(1).prime(longer).get(0);
        for (int i = 0; i < primed.events().length; i++) {
            assertThat(stepped.events()[i]).isCloseTo(primed.events()[i], org.assertj.core.api.Assertions.within(1e-5f));
        }
        List<Distributions> next = three.step(List.of(new Token(3, 2), new Token(0, 0), new Token(3, 2)));
        assertThat(next.get(0).events()).containsExactly(next.get(2).events());
        assertThat(next.get(1).events()).isNotEqualTo(next.get(0).events());
        float sum = 0;
        for (float p : next.get(1).durations()) sum += p;
        assertThat(sum).isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-4f));
    }

    @Test
    void theInverseMappingsGiveLabelsAndLengths() {
        StaffModel staff = TinyModels.model("memory").staff(Staff.TREBLE);
        assertThat(staff.event(4)).hasToString("C4.E4.G4");
        assertThat(staff.event(4).midis()).containsExactly(60, 64, 67);
        assertThat(staff.duration(1)).contains(org.segue.model.Duration.QUARTER);
        assertThat(staff.duration(3)).isEmpty(); // "other"
        assertThat(staff.restEvent()).isZero();
    }

    @Test
    void aWrittenModelCarriesTheChecksumOfEveryEntry() throws Exception {
        Path file = folder.resolve("tiny.segue-model");
        TinyModels.model("memory").write(file);
        java.util.Map<String, byte[]> entries = unzip(file);
        String sums = new String(entries.get(ModelFile.CHECKSUMS), java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(sums.lines()).hasSize(entries.size() - 1)
                .allMatch(line -> line.matches("[0-9a-f]{64}  \\S+"));
    }

    @Test
    void anEntryThatNoLongerMatchesItsChecksumIsDamaged() throws Exception {
        Path file = folder.resolve("tiny.segue-model");
        TinyModels.model("memory").write(file);
        java.util.Map<String, byte[]> entries = unzip(file);
        byte[] events = entries.get("treble/events.tsv");
        events[events.length / 2] ^= 1; // one bit, in a file that is still a valid zip
        zip(file, entries);
        assertOneLine(file, "the model file is damaged (the entry treble/events.tsv does not match its SHA-256 "
                + "checksum); copy it again or retrain it with ./segue train");
    }

    @Test
    void aFileWithoutChecksumsFromBeforeThemStillLoads() throws Exception {
        Path file = folder.resolve("tiny.segue-model");
        TinyModels.model("memory").write(file);
        java.util.Map<String, byte[]> entries = unzip(file);
        entries.remove(ModelFile.CHECKSUMS);
        zip(file, entries);
        assertThat(SegueModel.load(file).metadata()).isEqualTo(TinyModels.model("memory").metadata());
    }

    @Test
    void anEvaluationOfTheFirstReportFormatIsKeptAsItWas() throws Exception {
        String formatOne = "{\"model\":\"m\",\"corpus\":\"c\",\"pieces\":[\"p\"],\"heldOut\":true,\"ngramOrder\":3,"
                + "\"staves\":{\"treble\":{\"events\":{\"lstm\":4.479,\"ngram\":5.044,\"unigram\":5.097}}}}";
        Path file = tinyWithMetadata("tiny.segue-model",
                metadata -> metadata.set("evaluation", MAPPER.readTree(formatOne)));
        assertThat(MAPPER.readTree(SegueModel.load(file).metadata().evaluationJson()))
                .isEqualTo(MAPPER.readTree(formatOne));
    }

    @Test
    void aModelWrittenBeforeSeveralCorporaReadsAsOneCorpusWithItsSplit() throws Exception {
        Path file = tinyWithMetadata("before-corpora.segue-model",
                metadata -> assertThat(metadata.remove("corpora")).as("what a model of today records").isNotNull());

        ModelMetadata old = SegueModel.load(file).metadata();
        assertThat(old.corpora()).containsExactly(new TrainedCorpus(PreparedCorpus.shortName(old.corpus()),
                old.corpus(), old.trainingPieces(), old.heldOutPieces()));
        assertThat(old.trainedPieceNames()).containsExactlyElementsOf(old.trainingPieces());
    }

    @Test
    void aCalibratedModelKeepsItsTemperaturesAndAnUncalibratedStaffHasNone() throws Exception {
        SegueModel tiny = TinyModels.model("memory");
        java.util.Map<Staff, StaffModel> staves = new java.util.EnumMap<>(Staff.class);
        for (Staff staff : Staff.values()) staves.put(staff, tiny.staff(staff));
        ModelMetadata calibrated = tiny.metadata().calibrated(
                java.util.Map.of(Staff.TREBLE, new Temperatures(1.25, 0.875)), "");
        Path file = folder.resolve("calibrated.segue-model");
        new SegueModel("memory", calibrated, staves).write(file);

        ModelMetadata read = SegueModel.load(file).metadata();
        assertThat(read).isEqualTo(calibrated);
        assertThat(read.temperatures(Staff.TREBLE)).isEqualTo(new Temperatures(1.25, 0.875));
        assertThat(read.temperatures(Staff.BASS)).isEqualTo(Temperatures.NONE);
        assertThat(tiny.metadata().temperatures(Staff.TREBLE)).as("a model without calibration")
                .isEqualTo(Temperatures.NONE);
    }

    @Test
    void aTemperatureOfZeroIsABrokenModelFileSaidInOneLine() throws Exception {
        Path file = tinyWithMetadata("cold.segue-model", metadata -> metadata.putObject("temperatures")
                .putObject("treble").put("events", 0.0).put("durations", 1.0));
        assertOneLine(file, "bad temperatures");
    }

    @Test
    void theShippedModelLoads() throws ModelException {
        assertThat(SegueModel.defaultModel().metadata().formatVersion()).isEqualTo(ModelMetadata.FORMAT_VERSION);
    }

    @Test
    void aModelOfANewerFormatSaysSoOnOneLine() throws Exception {
        Path file = folder.resolve("tiny.segue-model");
        TinyModels.model("memory").write(file);
        java.util.Map<String, byte[]> entries = unzip(file);
        entries.remove(ModelFile.CHECKSUMS);
        String json = new String(entries.get(ModelFile.METADATA), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\"formatVersion\" : 1", "\"formatVersion\" : 7");
        entries.put(ModelFile.METADATA, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip(file, entries);
        assertOneLine(file, "has model format 7, written by a newer Segue; this one reads format 1: update Segue or "
                + "retrain the model with this one");
    }

    @Test
    void everySingleFlippedByteGivesOneLineOrTheSameModel() throws Exception {
        Path whole = folder.resolve("whole.segue-model");
        TinyModels.model("memory").write(whole);
        byte[] bytes = Files.readAllBytes(whole);
        java.util.Random random = new java.util.Random(21);
        Path file = folder.resolve("flipped.segue-model");
        for (int i = 0; i < 40; i++) {
            byte[] flipped = bytes.clone();
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
            Files.write(file, flipped);
            try {
                SegueModel loaded = SegueModel.load(file); // a bit in a zip header field nobody reads
                assertThat(loaded.metadata()).isEqualTo(TinyModels.model("memory").metadata());
            } catch (ModelException e) {
                assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n");
            }
        }
    }

    /** Changes what a metadata entry may hold. */
    private interface MetadataEdit {
        void apply(ObjectNode metadata) throws IOException;
    }

    /** A tiny model written to {@code name}, its metadata changed by {@code edit} (and without checksums). */
    private Path tinyWithMetadata(String name, MetadataEdit edit) throws IOException, ModelException {
        Path file = folder.resolve(name);
        TinyModels.model("memory").write(file);
        java.util.Map<String, byte[]> entries = unzip(file);
        entries.remove(ModelFile.CHECKSUMS);
        ObjectNode metadata = (ObjectNode) MAPPER.readTree(entries.get(ModelFile.METADATA));
        edit.apply(metadata);
        entries.put(ModelFile.METADATA, MAPPER.writeValueAsBytes(metadata));
        zip(file, entries);
        return file;
    }

    private static java.util.Map<String, byte[]> unzip(Path file) throws IOException {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) entries.put(e.getName(), zip.readAllBytes());
        }
        return entries;
    }

    private static void zip(Path file, java.util.Map<String, byte[]> entries) throws IOException {
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    private static void assertOneLine(Path file, String expected) {
        assertThatThrownBy(() -> SegueModel.load(file)).isInstanceOf(ModelException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith(file.toString() + ": ").contains(expected)
                            .doesNotContain("\n");
                    System.out.println(e.getMessage());
                });
    }
}
