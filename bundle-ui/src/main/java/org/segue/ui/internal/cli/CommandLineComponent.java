package org.segue.ui.internal.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.segue.ui.cli.CommandLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CommandLine} service: finds the {@link Command} that the first argument names and turns its outcome
 * into an exit status. Problems become exactly one line on {@code err}; stack traces go only to the log.
 */
@Component(service = CommandLine.class)
public class CommandLineComponent implements CommandLine {

    /** The framework property where the launcher says which file the log goes to. */
    public static final String LOG_FILE_PROPERTY = "segue.log.file";

    private static final Logger LOG = LoggerFactory.getLogger(CommandLineComponent.class);
    private static final String HELP_HINT = "'segue help' lists the commands";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Command> commands;

    private volatile String logFile = "the log file";

    public CommandLineComponent() {
    }

    CommandLineComponent(List<Command> commands, String logFile) {
        this.commands = List.copyOf(commands);
        this.logFile = logFile;
    }

    @Activate
    void activate(BundleContext context) {
        String file = context.getProperty(LOG_FILE_PROPERTY);
        if (file != null && !file.isBlank()) logFile = file;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("usage: segue COMMAND [ARGUMENTS]; " + HELP_HINT);
            return BAD_INPUT;
        }
        String name = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) return help(rest, out, err);
        Optional<Command> command = find(name);
        if (command.isEmpty()) {
            err.println(oneLine("segue: unknown command '" + name + "'; " + HELP_HINT));
            return BAD_INPUT;
        }
        if (rest.contains("--help")) {
            out.println(describe(command.get()));
            return OK;
        }
        return runCommand(command.get(), rest, out, err);
    }

    private int runCommand(Command command, List<String> args, PrintStream out, PrintStream err) {
        String name = command.name();
        try {
            command.run(args, out, err);
            out.flush();
            return OK;
        } catch (UsageException e) {
            err.println(oneLine("segue " + name + ": " + e.getMessage() + "; usage: segue " + name + " "
                    + command.usage()));
            return BAD_INPUT;
        } catch (BadInputException e) {
            LOG.info("segue {} refused its input: {}", name, e.getMessage(), e);
            err.println(oneLine(e.getMessage()));
            return BAD_INPUT;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("segue {} failed unexpectedly; arguments {}", name, args, e);
            err.println(oneLine("segue " + name + ": unexpected failure (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); the stack trace is in " + logFile));
            return FAILED;
        }
    }

    private int help(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            out.println(listing());
            return OK;
        }
        Optional<Command> command = find(args.get(0));
        if (command.isEmpty()) {
            err.println(oneLine("segue help: unknown command '" + args.get(0) + "'; " + HELP_HINT));
            return BAD_INPUT;
        }
        out.println(describe(command.get()));
        return OK;
    }

    /** Each command as its synopsis, then its summary indented below it: usages are too long for columns. */
    private String listing() {
        List<Command> sorted = available().stream().sorted(Comparator.comparing(Command::name)).toList();
        StringBuilder text = new StringBuilder("usage: segue COMMAND [ARGUMENTS]\n\ncommands:\n");
        for (Command c : sorted) {
            text.append("  ").append(synopsis(c)).append("\n      ").append(c.summary()).append('\n');
        }
        text.append("  help [COMMAND]\n      this listing, or one command's usage\n");
        text.append("\nexit status: 0 done; 2 bad input or usage (one line on stderr); 1 unexpected failure ")
                .append("(stack trace in ").append(logFile).append(')');
        return text.toString();
    }

    private static String describe(Command command) {
        return "usage: segue " + synopsis(command) + "\n" + command.summary();
    }

    private static String synopsis(Command command) {
        return command.name() + " " + command.usage();
    }

    private Optional<Command> find(String name) {
        return available().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private List<Command> available() {
        List<Command> current = commands;
        return current == null ? List.of() : current;
    }

    /** Keeps a message to one line, whatever an exception's text holds. */
    static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
