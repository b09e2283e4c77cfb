package org.segue.ui;

import java.util.List;
import java.util.Objects;

/**
 * One option an action takes, described so that an editor can build a form for it. Values travel as text, as a
 * form field holds them; an empty or missing value means the default.
 *
 * @param name the key of the value in {@link EditorAction#preview}'s options, like {@code bars}
 * @param label the field's label, like "Bars"
 * @param kind what values look like
 * @param defaultValue the value used when none is given, as text ({@code ""} where the default depends on the
 *        document, like the piece's own key)
 * @param min the smallest number allowed, for {@link Kind#INTEGER} and {@link Kind#NUMBER}; null otherwise
 * @param max the largest number allowed, as {@code min}
 * @param choices the allowed values of a {@link Kind#CHOICE}; empty otherwise
 * @param help one sentence on what the option does
 * @param advanced true for options most people leave alone (an editor may fold them away)
 */
public record ActionOption(String name, String label, Kind kind, String defaultValue, Double min, Double max,
                           List<String> choices, String help, boolean advanced) {

    /** The shapes of option values. */
    public enum Kind { INTEGER, NUMBER, CHOICE, TEXT }

    public ActionOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        defaultValue = defaultValue == null ? "" : defaultValue;
        choices = choices == null ? List.of() : List.copyOf(choices);
        help = help == null ? "" : help;
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("option " + name + " is a choice without choices");
        }
    }

    public static ActionOption integer(String name, String label, int defaultValue, int min, int max, String help) {
        return new ActionOption(name, label, Kind.INTEGER, Integer.toString(defaultValue), (double) min,
                (double) max, List.of(), help, false);
    }

    public static ActionOption number(String name, String label, String defaultValue, double min, double max,
                                      String help) {
        return new ActionOption(name, label, Kind.NUMBER, defaultValue, min, max, List.of(), help, false);
    }

    public static ActionOption choice(String name, String label, String defaultValue, List<String> choices,
                                      String help) {
        return new ActionOption(name, label, Kind.CHOICE, defaultValue, null, null, choices, help, false);
    }

    public static ActionOption text(String name, String label, String help) {
        return new ActionOption(name, label, Kind.TEXT, "", null, null, List.of(), help, false);
    }

    /** The same option, folded away among the advanced ones. */
    public ActionOption asAdvanced() {
        return new ActionOption(name, label, kind, defaultValue, min, max, choices, help, true);
    }
}
