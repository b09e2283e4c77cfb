package org.segue.launcher;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

import org.osgi.framework.ServiceReference;

/**
 * Calls the {@code org.segue.ui.cli.CommandLine} service from outside the framework. The launcher cannot see the
 * bundle's interface, so it loads it from the bundle that registered the service and calls it by reflection; only
 * {@code java.*} types cross.
 */
public final class CommandLineClient {

    public static final String SERVICE = "org.segue.ui.cli.CommandLine";

    private final Object service;
    private final Method run;

    private CommandLineClient(Object service, Method run) {
        this.service = service;
        this.run = run;
    }

    /** Waits for the service; {@link LaunchException} when it does not come or does not look as expected. */
    public static CommandLineClient await(SegueFramework framework, Duration timeout) throws LaunchException {
        ServiceReference<?> reference = framework.awaitService(SERVICE, timeout);
        try {
            Class<?> api = reference.getBundle().loadClass(SERVICE);
            Method run = api.getMethod("run", List.class, PrintStream.class, PrintStream.class);
            Object service = framework.service(reference);
            if (service == null) throw new LaunchException("the service " + SERVICE + " could not be activated");
            return new CommandLineClient(service, run);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new LaunchException("the service " + SERVICE + " does not have run(List, PrintStream, "
                    + "PrintStream): " + e, e);
        }
    }

    /**
     * Runs one command.
     *
     * @return its exit status
     * @throws InvocationTargetException when the service threw, which its contract says it never does
     */
    public int run(List<String> args, PrintStream out, PrintStream err) throws InvocationTargetException {
        try {
            return (Integer) run.invoke(service, List.copyOf(args), out, err);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(SERVICE + ".run is not public", e);
        }
    }
}
