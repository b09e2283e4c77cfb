package org.segue.ui.internal.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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

    /**
     * The option's last value as a file that must exist, or null when it was not given.
     *
     * @param what what the file is, for the message, like {@code SoundFont}
     */
    static Path existingFile(Arguments arguments, String name, String what) throws UsageException,
            BadInputException {
        String text = last(arguments, name);
        if (text == null) return null;
        Path file;
        try {
            file = Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(name + ": '" + text + "' is not a file path: " + e.getReason());
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such " + what + " file; check the path given to " + name);
        }
        return file;
    }

    /** The option's last value, or null when it was not given. */
    static String last(Arguments arguments, String name) {
        List<String> values = arguments.values(name);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
