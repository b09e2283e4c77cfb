package org.segue.ui.internal.action;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.segue.continuation.ContinuationRequest;
import org.segue.model.KeySignature;
import org.segue.model.Tempo;
import org.segue.ui.ActionException;
import org.segue.ui.ActionOption;

/**
 * The options of "Continue this piece", described for forms and turned into a {@link ContinuationRequest}. The
 * raw sampling values, where given, override the creativity preset's.
 */
final class ContinueOptions {

    static final String BARS = "bars";
    static final String VARIATIONS = "variations";
    static final String CREATIVITY = "creativity";
    static final String TEMPERATURE = "temperature";
    static final String TOP_K_EVENTS = "topKEvents";
    static final String TOP_K_DURATIONS = "topKDurations";
    static final String HARMONY = "harmony";
    static final String KEY = "key";
    static final String TEMPO = "tempo";
    static final String SEED = "seed";

    static final int DEFAULT_BARS = 8;
    static final int MAX_VARIATIONS = 16;

    /** The options as a form shows them, with the defaults of {@code base}. */
    static List<ActionOption> descriptions(ContinuationRequest base) {
        return List.of(
            ActionOption.integer(BARS, "Bars", base.bars(), 1, ContinuationRequest.MAX_BARS,
                    "How many measures to add."),
            ActionOption.integer(VARIATIONS, "Variations", 1, 1, MAX_VARIATIONS,
                    "How many different continuations to propose."),
            ActionOption.choice(CREATIVITY, "Creativity", Creativity.BALANCED.label(), Creativity.labels(),
                    "Faithful keeps to the likeliest notes; adventurous takes more chances."),
            ActionOption.number(HARMONY, "Harmony", Double.toString(base.harmony()), 0, 1,
                    "0 to 1: how strongly notes that clash with the other staff are held back."),
            ActionOption.text(KEY, "Key",
                    "The key of the new bars, like E-flat or c-sharp (lower case for minor); empty keeps the piece's."),
            new ActionOption(TEMPO, "Tempo", ActionOption.Kind.NUMBER, "", 1.0, 1000.0, List.of(),
                    "Quarter notes per minute of the new bars; empty keeps the piece's.", false),
            ActionOption.integer(SEED, "Seed", (int) base.seed(), 0, Integer.MAX_VALUE,
                    "The same seed gives the same bars again."),
            new ActionOption(TEMPERATURE, "Temperature", ActionOption.Kind.NUMBER, "", 0.01, 100.0, List.of(),
                    "Overrides the preset: below 1 sharper, above 1 flatter choices.", true),
            new ActionOption(TOP_K_EVENTS, "Top-k notes", ActionOption.Kind.INTEGER, "", 1.0, 100_000.0, List.of(),
                    "Overrides the preset: each note is drawn among this many likeliest.", true),
            new ActionOption(TOP_K_DURATIONS, "Top-k durations", ActionOption.Kind.INTEGER, "", 1.0, 1000.0,
                    List.of(), "Overrides the preset: each duration is drawn among this many likeliest.", true));
    }

    /** The descriptions with the design's defaults, for checking names and ranges. */
    static final List<ActionOption> DESCRIPTIONS = descriptions(ContinuationRequest.of(DEFAULT_BARS));

    private final Map<String, String> values;
    private final ContinuationRequest base;

    private ContinueOptions(Map<String, String> values, ContinuationRequest base) {
        this.values = values;
        this.base = base;
    }

    /**
     * The request that {@code values} describe.
     *
     * @throws ActionException (bad input) naming the option, its value and what is allowed
     */
    static ContinuationRequest request(Map<String, String> values) throws ActionException {
        return request(values, ContinuationRequest.of(DEFAULT_BARS));
    }

    /**
     * The request that {@code values} describe, starting from {@code base} (the service's configured defaults)
     * where they say nothing: no creativity given keeps the base's sampling.
     *
     * @throws ActionException (bad input) naming the option, its value and what is allowed
     */
    static ContinuationRequest request(Map<String, String> values, ContinuationRequest base) throws ActionException {
        for (String name : values.keySet()) {
            if (DESCRIPTIONS.stream().noneMatch(o -> o.name().equals(name))) {
                throw bad("unknown option '" + name + "'; the options are " + String.join(", ",
                        DESCRIPTIONS.stream().map(ActionOption::name).toList()));
            }
        }
        return new ContinueOptions(values, base).request();
    }

    private ContinuationRequest request() throws ActionException {
        Creativity preset = creativity();
        int topKEvents = preset == null ? base.topKEvents() : preset.topKEvents;
        int topKDurations = preset == null ? base.topKDurations() : preset.topKDurations;
        double temperature = preset == null ? base.temperature() : preset.temperature;
        ContinuationRequest request = new ContinuationRequest(
                integer(BARS, base.bars()), integer(VARIATIONS, 1),
                integer(TOP_K_EVENTS, topKEvents), integer(TOP_K_DURATIONS, topKDurations),
                number(TEMPERATURE, temperature), number(HARMONY, base.harmony()),
                integer(SEED, (int) base.seed()), null, null, base.model());
        String key = text(KEY);
        if (!key.isEmpty()) {
            try {
                request = request.withTargetKey(KeySignature.parse(key));
            } catch (IllegalArgumentException e) {
                throw bad("key: " + e.getMessage());
            }
        }
        if (!text(TEMPO).isEmpty()) request = request.withTempo(Tempo.quarterNotesPerMinute(number(TEMPO, 0)));
        return request;
    }

    /** The preset asked for, or null when none is: the base's sampling then. */
    private Creativity creativity() throws ActionException {
        String label = text(CREATIVITY);
        if (label.isEmpty()) return null;
        try {
            return Creativity.of(label);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private String text(String name) {
        String value = values.get(name);
        return value == null ? "" : value.strip();
    }

    private int integer(String name, int defaultValue) throws ActionException {
        String value = text(name);
        if (value.isEmpty()) return defaultValue;
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw bad(name + " must be a whole number, not '" + value + "'");
        }
        return (int) inRange(name, parsed, value);
    }

    private double number(String name, double defaultValue) throws ActionException {
        String value = text(name);
        if (value.isEmpty()) return defaultValue;
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw bad(name + " must be a number, not '" + value + "'");
        }
        return inRange(name, parsed, value);
    }

    /** {@code parsed}, when it lies within the option's bounds; bad input naming them otherwise. */
    private static double inRange(String name, double parsed, String value) throws ActionException {
        ActionOption option = describe(name);
        if (!(parsed >= option.min() && parsed <= option.max())) {
            throw bad(String.format(Locale.ROOT, "%s must be in %s..%s, not %s", name, plain(option.min()),
                    plain(option.max()), value));
        }
        return parsed;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static ActionOption describe(String name) {
        return DESCRIPTIONS.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static ActionException bad(String message) {
        return new ActionException(ActionException.Reason.BAD_INPUT, message);
    }
}
