package org.segue.ui.internal.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments, split into positional values, flags ({@code --json}) and options that take a value
 * ({@code --bars 16} or {@code --bars=16}; given twice, both values are kept). A lone {@code --} ends the options,
 * so a file named like an option can still be given.
 */
public final class Arguments {

    private final List<String> positional;
    private final Map<String, List<String>> options;

    private Arguments(List<String> positional, Map<String, List<String>> options) {
        this.positional = List.copyOf(positional);
        this.options = options;
    }

    /**
     * @param flags the options without a value that the command accepts, like {@code --json}
     * @param valued the options that take a value, like {@code --bars}
     * @throws UsageException for an option the command does not know, or one whose value is missing
     */
    public static Arguments parse(List<String> args, Set<String> flags, Set<String> valued) throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--")) {
                positional.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                String value;
                if (flags.contains(name)) {
                    if (eq >= 0) throw new UsageException(name + " takes no value");
                    value = "true";
                } else if (valued.contains(name)) {
                    if (eq >= 0) {
                        value = arg.substring(eq + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException(name + " needs a value");
                    }
                } else {
                    throw new UsageException("unknown option " + name);
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new Arguments(positional, options);
    }

    /** Checks the number of positional values; {@code names} are how the usage calls them, like IN and OUT. */
    public Arguments expectPositional(String... names) throws UsageException {
        if (positional.size() < names.length) {
            throw new UsageException("missing " + names[positional.size()]);
        }
        if (positional.size() > names.length) {
            throw new UsageException("unexpected argument '" + positional.get(names.length) + "'");
        }
        return this;
    }

    public List<String> positional() {
        return positional;
    }

    /** The positional value at {@code index} as a file path. */
    public Path path(int index) throws UsageException {
        String text = positional.get(index);
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException("'" + text + "' is not a file path: " + e.getReason());
        }
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    /** Every value given for an option, in order; empty when it was not given. */
    public List<String> values(String name) {
        return List.copyOf(options.getOrDefault(name, List.of()));
    }
}
