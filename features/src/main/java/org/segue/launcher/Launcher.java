package org.segue.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code segue} command: opens the log, starts the framework with the bundles, calls the command line
 * service, stops the framework and returns the exit status. Only the command's own output reaches {@code out} and
 * {@code err}; everything else goes to the log.
 */
public final class Launcher {

    /** Exit status of a failure outside the command: the framework or a bundle did not come up. */
    public static final int FAILED = 1;
    /** Exit status of a command line the launcher itself refuses (an address serve cannot listen on). */
    public static final int BAD_INPUT = 2;
    /** How long Ctrl-C waits for a running command to end once the framework stops. */
    private static final long SHUTDOWN_WAIT_MILLIS = 20_000;

    private final LauncherSettings settings;

    public Launcher(LauncherSettings settings) {
        this.settings = settings;
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        LogFile log;
        try {
            log = LogFile.open(settings.logFile());
        } catch (IOException e) {
            err.println("segue: cannot write the log file " + settings.logFile() + " (" + e.getMessage()
                    + "); set SEGUE_HOME to a folder you can write to");
            return FAILED;
        }
        try (log) {
            log.captureSystemStreams();
            log.info("segue " + String.join(" ", args) + "  (home " + settings.home() + ")");
            return runLogged(args, out, err, log);
        }
    }

    private int runLogged(List<String> args, PrintStream out, PrintStream err, LogFile log) {
        long start = System.nanoTime();
        try {
            configureLibraries();
            List<Path> bundleFiles = SegueFramework.bundleFiles(settings.bundles());
            try (FrameworkStorage storage = FrameworkStorage.claim(settings.home(), bundleFiles)) {
                log.info("framework cache " + storage.folder() + (storage.clean() ? " (fresh)" : " (reused)"));
                int status = runInFramework(args, out, err, log, storage, bundleFiles);
                log.info("exit status " + status + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
                return status;
            }
        } catch (LaunchException e) {
            log.error(e.getMessage(), e);
            err.println("segue: " + oneLine(e.getMessage()) + "; details in " + log.path());
        } catch (InvocationTargetException e) {
            log.error("the command line service threw, which it never should", e.getCause());
            err.println("segue: unexpected failure (" + oneLine(String.valueOf(e.getCause()))
                    + "); the stack trace is in " + log.path());
        } catch (IOException | RuntimeException | LinkageError e) {
            log.error("the launcher failed", e);
            err.println("segue: unexpected failure (" + oneLine(String.valueOf(e)) + "); the stack trace is in "
                    + log.path());
        }
        return FAILED;
    }

    private int runInFramework(List<String> args, PrintStream out, PrintStream err, LogFile log,
                               FrameworkStorage storage, List<Path> bundleFiles)
            throws LaunchException, InvocationTargetException {
        long start = System.nanoTime();
        ServeAddress address = ServeAddress.of(args);
        if (address != null && address.problem() != null) {
            err.println(address.problem());
            return BAD_INPUT;
        }
        Map<String, String> properties = new HashMap<>(ServeAddress.frameworkProperties(address));
        properties.put("segue.log.file", log.path().toString());
        SegueFramework framework = SegueFramework.start(storage.folder(), storage.clean(), bundleFiles, properties);
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = stopOnInterrupt(framework, finished, log);
        try {
            CommandLineClient commandLine = awaitCommandLine(framework, log);
            log.info(bundleFiles.size() + " bundles started in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            int status = commandLine.run(args, out, err);
            out.flush();
            return status;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running and waits for this block
            }
            if (framework.stop()) {
                storage.markStoppedCleanly();
            } else {
                log.info("the framework did not stop cleanly; its cache will be rebuilt next time");
            }
        }
    }

    /**
     * Ctrl-C (or SIGTERM) stops the framework, which ends a long-running command like serve in order, and waits
     * for the command's thread to finish before the JVM goes.
     */
    private static Thread stopOnInterrupt(SegueFramework framework, CountDownLatch finished, LogFile log) {
        Thread hook = new Thread(() -> {
            log.info("interrupted: stopping the framework");
            framework.stop();
            try {
                finished.await(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "segue-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private CommandLineClient awaitCommandLine(SegueFramework framework, LogFile log) throws LaunchException {
        try {
            return CommandLineClient.await(framework, settings.serviceTimeout());
        } catch (LaunchException e) {
            log.info("bundles:" + framework.describeBundles());
            throw e;
        }
    }

    /** System properties that the bundles' libraries read; set only where the user has not set them. */
    private void configureLibraries() {
        // JavaCPP unpacks ND4J's natives here instead of ~/.javacpp/cache (about 400 MB)
        System.getProperties().putIfAbsent("org.bytedeco.javacpp.cachedir", settings.javacppCache().toString());
        // slf4j-simple writes to System.err, which points at the log while the framework runs
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
