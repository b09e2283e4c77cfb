package org.segue.ui.internal.cli;

import java.util.List;

/** Reads numbers from options, with the allowed range in the message when a value does not fit. */
final class OptionValues {

    private OptionValues() {
    }

    /** The option's last value as an int in [min, max], or {@code fallback} when it was not given. */
    static int intValue(Arguments arguments, String name, int fallback, int min, int max) throws UsageException {
        String text = last(arguments, name);
        if (text == null) return fallback;
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new UsageException(name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
    }

    /** The option's last value as a long, or {@code fallback} when it was not given. */
    static long longValue(Arguments arguments, String name, long fallback) throws UsageException {
        String text = last(arguments, name);
        if (text == null) return fallback;
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, not '" + text + "'");
        }
    }

    /** The option's last value as a double in [min, max], or {@code fallback} when it was not given. */
    static double doubleValue(Arguments arguments, String name, double fallback, double min, double max)
            throws UsageException {
        String text = last(arguments, name);
        if (text == null) return fallback;
        try {
            double value = Double.parseDouble(text.trim());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new UsageException(name + " must be a number from " + min + " to " + max + ", not '" + text + "'");
    }

    /** The option's last value, or null when it was not given. */
    static String last(Arguments arguments, String name) {
        List<String> values = arguments.values(name);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
