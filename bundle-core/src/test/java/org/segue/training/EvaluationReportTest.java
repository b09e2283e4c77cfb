package org.segue.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    private static final Map<String, String> BASELINES = new LinkedHashMap<>();

    static {
        BASELINES.put("unigram", "label frequencies");
        BASELINES.put("kn3", "a trigram");
        BASELINES.put("mkn4", "a 4-gram");
    }

    private static HeadEvaluation head(double lstm, double unigram, double kn3, double mkn4) {
        return new HeadEvaluation(100, 2, 50, lstm, List.of(new BaselineScore("unigram", unigram),
                new BaselineScore("kn3", kn3), new BaselineScore("mkn4", mkn4)), 0.2, 0.5);
    }

    private static EvaluationReport report(HeadEvaluation trebleEvents, HeadEvaluation trebleDurations,
                                           HeadEvaluation bassEvents, HeadEvaluation bassDurations) {
        return report(List.of("a", "b"), 2, trebleEvents, trebleDurations, bassEvents, bassDurations);
    }

    private static EvaluationReport report(List<String> pieces, int heldOut, HeadEvaluation trebleEvents,
                                           HeadEvaluation trebleDurations, HeadEvaluation bassEvents,
                                           HeadEvaluation bassDurations) {
        return new EvaluationReport("m.segue-model", "corpus", pieces, heldOut, BASELINES, Map.of(
                Staff.TREBLE, new StaffEvaluation(Staff.TREBLE, trebleEvents, trebleDurations),
                Staff.BASS, new StaffEvaluation(Staff.BASS, bassEvents, bassDurations)));
    }

    @Test
    void theBestBaselineIsTheOneWithTheLowestCrossEntropy() {
        assertThat(head(4.0, 5.1, 5.3, 4.9).best()).isEqualTo(new BaselineScore("mkn4", 4.9));
        assertThat(head(4.0, 5.1, 4.8, 4.9).best().name()).isEqualTo("kn3");
        assertThat(head(4.0, 1.7, 1.8, 1.9).best().name()).isEqualTo("unigram");
        // the first listed among equals; a baseline without a figure is never the best
        assertThat(head(4.0, 5.0, 5.0, 5.0).best().name()).isEqualTo("unigram");
        assertThat(head(4.0, Double.NaN, 5.2, 5.1).best().name()).isEqualTo("mkn4");
        assertThat(head(4.9, 5.1, 5.3, 4.9).lstmOverBest()).isCloseTo(1.0, within(1e-12));
        assertThat(head(4.0, 5.1, 5.3, 5.0).lstmOverBest()).isCloseTo(0.8, within(1e-12));
        assertThat(head(4.0, 5.1, 5.3, 5.0).beatsEveryBaseline()).isTrue();
        assertThat(head(5.05, 5.1, 5.3, 5.0).beatsEveryBaseline()).isFalse();
        assertThatThrownBy(() -> new HeadEvaluation(1, 0, 2, 1.0, List.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTargetRatioMustHoldOnEveryHead() {
        EvaluationReport within = report(head(4.0, 5.1, 5.3, 5.0), head(0.9, 1.2, 1.0, 1.1),
                head(4.6, 5.1, 5.3, 4.9), head(0.5, 1.7, 0.6, 0.58));
        assertThat(within.worstLstmOverBest()).isCloseTo(4.6 / 4.9, within(1e-12));
        assertThat(within.meetsTargetRatio()).isTrue();

        EvaluationReport bassBehind = report(head(4.0, 5.1, 5.3, 5.0), head(0.9, 1.2, 1.0, 1.1),
                head(4.8, 5.1, 5.3, 4.9), head(0.5, 1.7, 0.6, 0.58));
        assertThat(bassBehind.worstLstmOverBest()).isCloseTo(4.8 / 4.9, within(1e-12));
        assertThat(bassBehind.meetsTargetRatio()).isFalse();
        assertThat(bassBehind.summary()).isEqualTo("lstm / best baseline: treble events 0.800 (mkn4), treble "
                + "durations 0.900 (kn3), bass events 0.980 (mkn4), bass durations 0.862 (mkn4); at most 0.95 on 3 of "
                + "4 heads");
    }

    @Test
    void theJsonNamesEveryBaselineAndTheBestPerHead() throws Exception {
        EvaluationReport report = report(head(4.0, 5.1, 5.3, 5.0), head(0.9, 1.2, 1.0, 1.1),
                head(4.8, 5.1, 5.3, 4.9), head(0.5, 1.7, 0.6, 0.58));
        JsonNode json = new ObjectMapper().readTree(report.toJson());

        assertThat(json.get("formatVersion").asInt()).isEqualTo(EvaluationReport.FORMAT_VERSION).isEqualTo(2);
        assertThat(json.get("baselines").fieldNames()).toIterable().containsExactly("unigram", "kn3", "mkn4");
        JsonNode trebleDurations = json.get("staves").get("treble").get("durations");
        assertThat(trebleDurations.get("baselines").get("unigram").asDouble()).isEqualTo(1.2);
        assertThat(trebleDurations.get("best").get("name").asText()).isEqualTo("kn3");
        assertThat(trebleDurations.get("best").get("crossEntropy").asDouble()).isEqualTo(1.0);
        assertThat(trebleDurations.get("lstmOverBest").asDouble()).isEqualTo(0.9);
        assertThat(trebleDurations.get("perplexity").get("best").asDouble()).isCloseTo(Math.E, within(1e-6));
        assertThat(json.get("worstLstmOverBest").asDouble()).isCloseTo(0.979592, within(1e-6));
        assertThat(json.get("summary").asText()).isEqualTo(report.summary());
    }

    @Test
    void theTableHasAColumnPerBaselineTheBestAndTheRatio() {
        String table = report(head(4.0, 5.1, 5.3, 5.0), head(0.9, 1.2, 1.0, 1.1), head(4.8, 5.1, 5.3, 4.9),
                head(0.5, 1.7, 0.6, 0.58)).toTable();
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).isEqualTo("model m.segue-model, corpus corpus: 2 held-out pieces");
        assertThat(lines.get(1)).containsSubsequence("lstm", "unigram", "kn3", "mkn4", "best", "lstm/best");
        assertThat(lines.get(4)).startsWith("bass    events").containsSubsequence("4.800", "5.100", "5.300",
                "4.900", "mkn4", "0.980");
        assertThat(lines.get(6)).startsWith("lstm / best baseline: treble events 0.800 (mkn4)");
        assertThat(lines.get(8)).contains("unigram", "label frequencies");
    }

    @Test
    void aSampleOfHeldOutAndUnseenPiecesSaysHowManyOfEach() throws Exception {
        HeadEvaluation h = head(4.0, 5.1, 5.3, 5.0);
        EvaluationReport mixed = report(List.of("a", "b", "c"), 1, h, h, h, h);
        assertThat(mixed.toTable().lines().findFirst())
                .hasValue("model m.segue-model, corpus corpus: 3 pieces: 1 held out, 2 unseen");
        JsonNode json = new ObjectMapper().readTree(mixed.toJson());
        assertThat(json.get("heldOut").asBoolean()).isFalse();
        assertThat(json.get("heldOutPieces").asInt()).isEqualTo(1);
        assertThat(json.get("unseenPieces").asInt()).isEqualTo(2);
        assertThat(report(List.of("a", "b"), 0, h, h, h, h).toTable()).startsWith(
                "model m.segue-model, corpus corpus: 2 unseen pieces");
        assertThatThrownBy(() -> report(List.of("a"), 2, h, h, h, h)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCalibratedModelIsScoredAtItsTemperaturesAndSaysWhatItWouldScoreWithout() throws Exception {
        HeadEvaluation plain = head(4.0, 5.1, 5.3, 5.0);
        HeadEvaluation calibrated = new HeadEvaluation(100, 2, 50, 4.5, List.of(new BaselineScore("unigram", 5.1),
                new BaselineScore("kn3", 5.3), new BaselineScore("mkn4", 4.8)), 0.2, 0.5, 1.25, 4.9);
        assertThat(calibrated.lstmOverBest()).isCloseTo(4.5 / 4.8, within(1e-12));
        assertThat(calibrated.uncalibratedLstmOverBest()).isCloseTo(4.9 / 4.8, within(1e-12));
        assertThat(plain.temperature()).isEqualTo(1.0);
        assertThat(plain.uncalibratedLstm()).isEqualTo(plain.lstm());

        EvaluationReport uncalibrated = report(plain, plain, plain, plain);
        assertThat(uncalibrated.calibrated()).isFalse();
        assertThat(uncalibrated.calibration()).isEmpty();
        assertThat(uncalibrated.toTable()).doesNotContain("calibration");
        assertThat(new ObjectMapper().readTree(uncalibrated.toJson()).has("calibration")).isFalse();

        EvaluationReport report = report(calibrated, plain, plain, plain);
        String line = "calibration: the network's probabilities at the temperatures fitted on the model's held-out "
                + "pieces, treble events 1.250, treble durations 1.000, bass events 1.000, bass durations 1.000; "
                + "without them lstm / best: treble events 1.021, treble durations 0.800, bass events 0.800, bass "
                + "durations 0.800; at most 0.95 on 3 of 4 heads";
        assertThat(report.calibration()).isEqualTo(line);
        assertThat(report.summary()).startsWith("lstm / best baseline: treble events 0.938 (mkn4),")
                .endsWith("at most 0.95 on 4 of 4 heads");
        assertThat(report.toTable().lines()).contains(line);
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        JsonNode trebleEvents = json.get("staves").get("treble").get("events");
        assertThat(trebleEvents.get("lstm").asDouble()).isEqualTo(4.5);
        assertThat(trebleEvents.get("temperature").asDouble()).isEqualTo(1.25);
        assertThat(trebleEvents.get("uncalibratedLstm").asDouble()).isEqualTo(4.9);
        assertThat(trebleEvents.get("uncalibratedLstmOverBest").asDouble()).isCloseTo(4.9 / 4.8, within(1e-6));
        assertThat(json.get("calibration").asText()).isEqualTo(line);
    }
}
