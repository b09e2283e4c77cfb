package org.segue.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A model evaluated on the pieces of a corpus that it was not trained on: its held-out pieces, or all pieces of a
 * corpus it has never seen. Per staff and per head: the network's cross-entropy, perplexity and top-1/top-5
 * accuracy, next to every baseline on the same tokens, the best of them and the ratio network / best.
 *
 * @param model the model file, or {@code default model}
 * @param corpus the corpus's name
 * @param pieces the evaluated pieces, by name
 * @param heldOut how many of the evaluated pieces the model's own split held out of its training (of a corpus it
 *        trained on); the others are pieces it has never seen
 * @param baselines each baseline's short name and what it is, in the order reports list them
 * @param staves the evaluated staves
 */
public record EvaluationReport(String model, String corpus, List<String> pieces, int heldOut,
                               Map<String, String> baselines, Map<Staff, StaffEvaluation> staves) {

    /**
     * The version of {@link #toJson()}'s shape. Version 1 (no {@code formatVersion} field, in model files written
     * before it) had one {@code ngram} and one {@code unigram} figure per head.
     */
    public static final int FORMAT_VERSION = 2;

    /** The ratio network / best baseline that every head should stay at or below. */
    public static final double TARGET_RATIO = 0.95;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public EvaluationReport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(corpus, "corpus");
        pieces = List.copyOf(pieces);
        if (heldOut < 0 || heldOut > pieces.size()) {
            throw new IllegalArgumentException(heldOut + " held-out pieces among " + pieces.size());
        }
        baselines = Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
        staves = staves.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(staves));
    }

    /** Every evaluated head, staff by staff, events before durations. */
    public List<NamedHead> heads() {
        List<NamedHead> heads = new ArrayList<>();
        for (Staff staff : Staff.values()) {
            StaffEvaluation s = staves.get(staff);
            if (s == null) continue;
            heads.add(new NamedHead(staff, "events", s.events()));
            heads.add(new NamedHead(staff, "durations", s.durations()));
        }
        return heads;
    }

    /** The highest ratio network / best baseline over every head (NaN when nothing was evaluated). */
    public double worstLstmOverBest() {
        return heads().stream().mapToDouble(h -> h.evaluation().lstmOverBest()).max().orElse(Double.NaN);
    }

    /** Whether every head's network is at most {@link #TARGET_RATIO} times its best baseline. */
    public boolean meetsTargetRatio() {
        return !staves.isEmpty() && worstLstmOverBest() <= TARGET_RATIO;
    }

    /**
     * One line: each head's ratio network / best baseline, with the best baseline's name, and on how many heads the
     * ratio is at most {@link #TARGET_RATIO}.
     */
    public String summary() {
        List<NamedHead> heads = heads();
        StringBuilder s = new StringBuilder("lstm / best baseline:");
        int within = 0;
        for (NamedHead h : heads) {
            double ratio = h.evaluation().lstmOverBest();
            if (ratio <= TARGET_RATIO) within++;
            s.append(String.format(Locale.ROOT, " %s %s %.3f (%s),", h.staff().label(), h.head(), ratio,
                    h.evaluation().best().name()));
        }
        if (heads.isEmpty()) return s.append(" nothing evaluated").toString();
        s.setLength(s.length() - 1);
        return s.append(String.format(Locale.ROOT, "; at most %.2f on %d of %d heads", TARGET_RATIO, within,
                heads.size())).toString();
    }

    /** Whether any head's network is scored at a calibration temperature other than 1. */
    public boolean calibrated() {
        return heads().stream().anyMatch(h -> h.evaluation().temperature() != 1);
    }

    /**
     * One line for a calibrated model: each head's temperature, and the ratios of the uncalibrated network to the
     * best baseline; empty when no head is calibrated.
     */
    public String calibration() {
        if (!calibrated()) return "";
        StringBuilder temperatures = new StringBuilder();
        StringBuilder ratios = new StringBuilder();
        int within = 0;
        for (NamedHead h : heads()) {
            HeadEvaluation e = h.evaluation();
            if (e.uncalibratedLstmOverBest() <= TARGET_RATIO) within++;
            temperatures.append(String.format(Locale.ROOT, "%s %s %.3f, ", h.staff().label(), h.head(),
                    e.temperature()));
            ratios.append(String.format(Locale.ROOT, "%s %s %.3f, ", h.staff().label(), h.head(),
                    e.uncalibratedLstmOverBest()));
        }
        return String.format(Locale.ROOT, "calibration: the network's probabilities at the temperatures fitted on "
                + "the model's held-out pieces, %s; without them lstm / best: %s; at most %.2f on %d of %d heads",
                temperatures.substring(0, temperatures.length() - 2), ratios.substring(0, ratios.length() - 2),
                TARGET_RATIO, within, heads().size());
    }

    /**
     * One JSON object: {@code {"formatVersion": 2, "model":..., "corpus":..., "pieces":[...], "heldOut": true
     * when every piece is a held-out one, "heldOutPieces": N, "unseenPieces": N,
     * "baselines": {"unigram": "what it is", ...}, "staves": {"treble": {"events": {"lstm": CE, "baselines":
     * {"unigram": CE, ...}, "best": {"name": "mkn3", "crossEntropy": CE}, "lstmOverBest": R, "top1": A, "top5": A,
     * "perplexity": {"lstm": P, "best": P}, "tokens": N, "replacedTokens": N, "vocabularySize": N, "temperature":
     * T, "uncalibratedLstm": CE, "uncalibratedLstmOverBest": R}, "durations": {...}}, "bass": {...}},
     * "worstLstmOverBest": R, "summary": "one line"}}, and {@code "calibration": "one line"} for a calibrated
     * model. Cross-entropies are in nats per token; {@code lstm} is at the head's temperature.
     */
    public String toJson() {
        ObjectNode json = MAPPER.createObjectNode().put("formatVersion", FORMAT_VERSION).put("model", model)
                .put("corpus", corpus);
        ArrayNode names = json.putArray("pieces");
        pieces.forEach(names::add);
        json.put("heldOut", heldOut == pieces.size()).put("heldOutPieces", heldOut)
                .put("unseenPieces", pieces.size() - heldOut);
        ObjectNode described = json.putObject("baselines");
        baselines.forEach(described::put);
        ObjectNode staffNodes = json.putObject("staves");
        for (NamedHead h : heads()) {
            ObjectNode staffNode = staffNodes.has(h.staff().label()) ? (ObjectNode) staffNodes.get(h.staff().label())
                    : staffNodes.putObject(h.staff().label());
            head(staffNode.putObject(h.head()), h.evaluation());
        }
        number(json, "worstLstmOverBest", worstLstmOverBest());
        json.put("summary", summary());
        if (calibrated()) json.put("calibration", calibration());
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static void head(ObjectNode node, HeadEvaluation h) {
        number(node, "lstm", h.lstm());
        ObjectNode scores = node.putObject("baselines");
        h.baselines().forEach(b -> number(scores, b.name(), b.crossEntropy()));
        ObjectNode best = node.putObject("best").put("name", h.best().name());
        number(best, "crossEntropy", h.best().crossEntropy());
        number(node, "lstmOverBest", h.lstmOverBest());
        number(node, "top1", h.top1());
        number(node, "top5", h.top5());
        ObjectNode perplexity = node.putObject("perplexity");
        number(perplexity, "lstm", h.lstmPerplexity());
        number(perplexity, "best", h.best().perplexity());
        node.put("tokens", h.tokens()).put("replacedTokens", h.replacedTokens())
                .put("vocabularySize", h.vocabularySize());
        number(node, "temperature", h.temperature());
        number(node, "uncalibratedLstm", h.uncalibratedLstm());
        number(node, "uncalibratedLstmOverBest", h.uncalibratedLstmOverBest());
    }

    /** Six decimals, plenty for nats and shares; JSON has no NaN or infinity: those are written as null. */
    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN));
        } else {
            node.putNull(name);
        }
    }

    /** "7 held-out pieces", "20 unseen pieces", or "200 pieces: 31 held out, 169 unseen". */
    private String whichPieces() {
        int n = pieces.size();
        if (heldOut == n) return n + " held-out pieces";
        if (heldOut == 0) return n + " unseen pieces";
        return n + " pieces: " + heldOut + " held out, " + (n - heldOut) + " unseen";
    }

    /**
     * A table for people: one row per staff and head, cross-entropies in nats per token, then the one-line summary,
     * for a calibrated model the {@link #calibration()} line, and what each baseline is.
     */
    public String toTable() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "model %s, corpus %s: %s%n", model, corpus, whichPieces()));
        t.append(String.format(Locale.ROOT, "%-7s %-9s %7s %7s %7s", "staff", "head", "tokens", "vocab", "lstm"));
        for (String name : baselines.keySet()) t.append(String.format(Locale.ROOT, " %7s", name));
        t.append(String.format(Locale.ROOT, "  %-7s %9s %6s %6s%n", "best", "lstm/best", "top1", "top5"));
        for (NamedHead named : heads()) {
            HeadEvaluation h = named.evaluation();
            t.append(String.format(Locale.ROOT, "%-7s %-9s %7d %7d %7.3f", named.staff().label(), named.head(),
                    h.tokens(), h.vocabularySize(), h.lstm()));
            for (String name : baselines.keySet()) {
                t.append(String.format(Locale.ROOT, " %7.3f", h.baseline(name).crossEntropy()));
            }
            t.append(String.format(Locale.ROOT, "  %-7s %9.3f %6.3f %6.3f%n", h.best().name(), h.lstmOverBest(),
                    h.top1(), h.top5()));
        }
        t.append(summary()).append(System.lineSeparator());
        if (calibrated()) t.append(calibration()).append(System.lineSeparator());
        t.append("baselines, fitted on the tokens of the model's training pieces:").append(System.lineSeparator());
        baselines.forEach((name, description) -> t.append(String.format(Locale.ROOT, "  %-7s %s%n", name,
                description)));
        return t.toString();
    }

    /** One head of one staff, with the head's name ({@code events} or {@code durations}). */
    public record NamedHead(Staff staff, String head, HeadEvaluation evaluation) {
    }
}
