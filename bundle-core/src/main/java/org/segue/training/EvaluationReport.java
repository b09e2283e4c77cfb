package org.segue.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
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
 * accuracy, next to a unigram and an n-gram baseline on the same tokens.
 *
 * @param model the model file, or {@code default model}
 * @param corpus the corpus's name
 * @param pieces the evaluated pieces, by name
 * @param heldOut true when these are the held-out pieces of the model's own split (the corpus shared pieces with
 *        its training), false when the corpus shared none and all its pieces were evaluated
 * @param ngramOrder the order of the n-gram baseline
 */
public record EvaluationReport(String model, String corpus, List<String> pieces, boolean heldOut, int ngramOrder,
                               Map<Staff, StaffEvaluation> staves) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public EvaluationReport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(corpus, "corpus");
        pieces = List.copyOf(pieces);
        staves = staves.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(staves));
    }

    /** Whether the network beats the n-gram baseline for every head of every staff. */
    public boolean beatsNgramEverywhere() {
        return !staves.isEmpty() && staves.values().stream()
                .allMatch(s -> s.events().beatsNgram() && s.durations().beatsNgram());
    }

    /**
     * One JSON object: {@code {"model":..., "corpus":..., "pieces":[...], "heldOut":..., "ngramOrder":...,
     * "staves": {"treble": {"events": {"lstm": CE, "ngram": CE, "unigram": CE, "top1": A, "top5": A,
     * "perplexity": {...}, "tokens": N, "replacedTokens": N, "vocabularySize": N}, "durations": {...}}, "bass":
     * {...}}}}}. Cross-entropies are in nats per token.
     */
    public String toJson() {
        ObjectNode json = MAPPER.createObjectNode().put("model", model).put("corpus", corpus);
        ArrayNode names = json.putArray("pieces");
        pieces.forEach(names::add);
        json.put("heldOut", heldOut).put("ngramOrder", ngramOrder);
        ObjectNode staffNodes = json.putObject("staves");
        for (Staff staff : Staff.values()) {
            StaffEvaluation s = staves.get(staff);
            if (s == null) continue;
            ObjectNode staffNode = staffNodes.putObject(staff.label());
            head(staffNode.putObject("events"), s.events());
            head(staffNode.putObject("durations"), s.durations());
        }
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static void head(ObjectNode node, HeadEvaluation h) {
        number(node, "lstm", h.lstm());
        number(node, "ngram", h.ngram());
        number(node, "unigram", h.unigram());
        number(node, "top1", h.top1());
        number(node, "top5", h.top5());
        ObjectNode perplexity = node.putObject("perplexity");
        number(perplexity, "lstm", h.lstmPerplexity());
        number(perplexity, "ngram", h.ngramPerplexity());
        number(perplexity, "unigram", h.unigramPerplexity());
        node.put("tokens", h.tokens()).put("replacedTokens", h.replacedTokens())
                .put("vocabularySize", h.vocabularySize());
    }

    /** Six decimals, plenty for nats and shares; JSON has no NaN or infinity: those are written as null. */
    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN));
        } else {
            node.putNull(name);
        }
    }

    /** A table for people: one row per staff and head, cross-entropies in nats per token. */
    public String toTable() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "model %s, corpus %s: %d %s pieces%n", model, corpus, pieces.size(),
                heldOut ? "held-out" : "unseen"));
        t.append(String.format(Locale.ROOT, "%-7s %-9s %7s %7s %7s %7s %7s %8s %8s %6s %6s%n", "staff", "head",
                "tokens", "vocab", "lstm", "ngram" + ngramOrder, "unigram", "ppl lstm", "ppl ngr", "top1", "top5"));
        for (Staff staff : Staff.values()) {
            StaffEvaluation s = staves.get(staff);
            if (s == null) continue;
            appendRow(t, staff, "events", s.events());
            appendRow(t, staff, "durations", s.durations());
        }
        return t.toString();
    }

    private static void appendRow(StringBuilder t, Staff staff, String head, HeadEvaluation h) {
        t.append(String.format(Locale.ROOT, "%-7s %-9s %7d %7d %7.3f %7.3f %7.3f %8.2f %8.2f %6.3f %6.3f%n",
                staff.label(), head, h.tokens(), h.vocabularySize(), h.lstm(), h.ngram(), h.unigram(),
                h.lstmPerplexity(), h.ngramPerplexity(), h.top1(), h.top5()));
    }
}
