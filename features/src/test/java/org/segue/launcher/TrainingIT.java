package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The training service inside Felix, through the command line service: a tiny model trained on three short
 * Chopin pieces (linked, not copied, from ../shared), written as one model file, then evaluated against the
 * baselines; and the dataset files written from the same corpus.
 */
class TrainingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PIECES = List.of("chpn-p7.mid", "chpn-p20.mid", "chpn-p1.mid");

    @RegisterExtension
    static final RunningSegue SEGUE = new RunningSegue("training");

    @TempDir
    static Path folder;

    private static Path corpus() throws Exception {
        Path corpus = folder.resolve("corpus");
        if (Files.isDirectory(corpus)) return corpus;
        Files.createDirectories(corpus);
        for (String piece : PIECES) {
            Files.createSymbolicLink(corpus.resolve(piece), SharedData.file("chopin-midi/" + piece));
        }
        return corpus;
    }

    @Test
    void trainsATinyModelAndEvaluatesItThroughTheService() throws Exception {
        Path model = folder.resolve("tiny.segue-model");

        Outcome train = SEGUE.run("train", "--corpus", corpus().toString(), "--out", model.toString(), "--epochs", "2",
                "--hidden", "16", "--dense", "16", "--batch", "8", "--sequence-length", "32", "--seed", "3");

        assertThat(train.status()).as(train.err()).isZero();
        assertThat(train.out()).startsWith("model written to " + model).contains("treble  events", "bass    durations");
        assertThat(train.err()).contains("treble epoch 1/2 [", "bass epoch 2/2: training loss");
        assertThat(model).isRegularFile();
        assertThat(Path.of(model + ".checkpoint")).doesNotExist();

        Outcome evaluate = SEGUE.run("evaluate", "--model", model.toString(), "--corpus", corpus().toString(),
                "--json");

        assertThat(evaluate.status()).as(evaluate.err()).isZero();
        assertThat(evaluate.out().lines()).as("one JSON object on one line").hasSize(1);
        JsonNode json = JSON.readTree(evaluate.out());
        assertThat(json.get("heldOut").asBoolean()).isTrue();
        assertThat(json.get("pieces")).hasSize(1);
        for (String staff : List.of("treble", "bass")) {
            for (String head : List.of("events", "durations")) {
                JsonNode h = json.get("staves").get(staff).get(head);
                assertThat(h.get("lstm").asDouble()).as(staff + " " + head).isPositive();
                assertThat(h.get("baselines").size()).isEqualTo(json.get("baselines").size()).isGreaterThan(3);
                h.get("baselines").forEach(b -> assertThat(b.asDouble()).isPositive());
                assertThat(h.get("baselines").get(h.get("best").get("name").asText()).asDouble())
                        .isEqualTo(h.get("best").get("crossEntropy").asDouble());
                assertThat(h.get("lstmOverBest").asDouble()).isCloseTo(
                        h.get("lstm").asDouble() / h.get("best").get("crossEntropy").asDouble(), within(1e-5));
                assertThat(h.get("top5").asDouble()).isBetween(h.get("top1").asDouble(), 1.0);
                assertThat(h.get("tokens").asInt()).isPositive();
            }
        }
    }

    @Test
    void writesTheDatasetOfACorpus() throws Exception {
        Path data = folder.resolve("dataset");

        Outcome dataset = SEGUE.run("dataset", "--corpus", corpus().toString(), "--out", data.toString());

        assertThat(dataset.status()).as(dataset.err()).isZero();
        assertThat(data.resolve("treble.csv")).isRegularFile();
        assertThat(data.resolve("bass.csv")).isRegularFile();
        assertThat(data.resolve("treble-events.csv")).isRegularFile();
        assertThat(Files.readAllLines(data.resolve("split.csv"))).hasSize(1 + PIECES.size());
    }

    @Test
    void aCorruptedModelIsOneLineOnStderr() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.segue-model"), "not a model");

        Outcome evaluate = SEGUE.run("evaluate", "--model", broken.toString(), "--corpus", corpus().toString());

        assertThat(evaluate.status()).isEqualTo(2);
        assertThat(evaluate.errLines()).containsExactly(broken + ": not a Segue model (not a zip file); retrain or "
                + "pass another --model");
    }
}
