package org.segue.training;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
        StringBuilder json = new StringBuilder("{");
        json.append("\"model\":").append(Json.string(model));
        json.append(",\"corpus\":").append(Json.string(corpus));
        json.append(",\"pieces\":[");
        for (int i = 0; i < pieces.size(); i++) json.append(i == 0 ? "" : ",").append(Json.string(pieces.get(i)));
        json.append("],\"heldOut\":").append(heldOut);
        json.append(",\"ngramOrder\":").append(ngramOrder);
        json.append(",\"staves\":{");
        boolean first = true;
        for (Staff staff : Staff.values()) {
            StaffEvaluation s = staves.get(staff);
            if (s == null) continue;
            json.append(first ? "" : ",").append(Json.string(staff.label())).append(":{\"events\":");
            appendHead(json, s.events());
            json.append(",\"durations\":");
            appendHead(json, s.durations());
            json.append('}');
            first = false;
        }
        return json.append("}}").toString();
    }

    private static void appendHead(StringBuilder json, HeadEvaluation h) {
        json.append("{\"lstm\":").append(Json.number(h.lstm()))
                .append(",\"ngram\":").append(Json.number(h.ngram()))
                .append(",\"unigram\":").append(Json.number(h.unigram()))
                .append(",\"top1\":").append(Json.number(h.top1()))
                .append(",\"top5\":").append(Json.number(h.top5()))
                .append(",\"perplexity\":{\"lstm\":").append(Json.number(h.lstmPerplexity()))
                .append(",\"ngram\":").append(Json.number(h.ngramPerplexity()))
                .append(",\"unigram\":").append(Json.number(h.unigramPerplexity()))
                .append("},\"tokens\":").append(h.tokens())
                .append(",\"replacedTokens\":").append(h.replacedTokens())
                .append(",\"vocabularySize\":").append(h.vocabularySize())
                .append('}');
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
