package org.segue.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An embedded Felix framework with the bundles of one folder installed and started. Bundles are installed by
 * reference (Felix reads them where they lie), and a cache kept from an earlier run is brought in line with the
 * folder: missing bundles are installed, bundles no longer there are uninstalled.
 */
public final class SegueFramework implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Framework framework;

    private SegueFramework(Framework framework) {
        this.framework = framework;
    }

    /**
     * Starts the framework and every bundle of {@code bundleFolder}: libraries first, then the bundles with
     * components, so SCR is up before the components' bundles.
     *
     * @param properties framework properties added to those of {@code framework.properties}
     * @throws LaunchException naming the bundle that could not be installed or started
     */
    public static SegueFramework start(Path storage, boolean clean, List<Path> bundleFiles,
                                       Map<String, String> properties) throws LaunchException {
        return start(storage, clean, bundleFiles, properties, Configurations.none());
    }

    /**
     * Like {@link #start(Path, boolean, List, Map)}, and hands {@code configurations} to Config Admin once the
     * libraries are up and before any bundle with components starts, so components start configured.
     */
    static SegueFramework start(Path storage, boolean clean, List<Path> bundleFiles, Map<String, String> properties,
                                Configurations configurations) throws LaunchException {
        Map<String, String> config = new HashMap<>(defaultProperties());
        config.putAll(properties);
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        if (clean) config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path; is lib/ complete?"))
                .newFramework(config);
        try {
            framework.start();
        } catch (BundleException | RuntimeException e) {
            throw new LaunchException("the OSGi framework did not start: " + e.getMessage(), e);
        }
        SegueFramework started = new SegueFramework(framework);
        try {
            startBundles(started.installBundles(bundleFiles), framework.getBundleContext(), configurations);
            return started;
        } catch (LaunchException e) {
            started.close();
            throw e;
        }
    }

    /** The {@code .jar} files of a folder, by name. */
    public static List<Path> bundleFiles(Path folder) throws LaunchException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) throw new LaunchException("no bundles in " + folder + "; build them with mvn install");
            return jars;
        } catch (IOException e) {
            throw new LaunchException("cannot list the bundles in " + folder + " (" + e + "); build them with "
                    + "mvn install", e);
        }
    }

    /** Every bundle but the framework itself. */
    public List<Bundle> bundles() {
        return Stream.of(framework.getBundleContext().getBundles()).filter(b -> b.getBundleId() != 0).toList();
    }

    /**
     * Waits for a service by interface name and returns it with the bundle that registered it.
     *
     * @throws LaunchException when it does not appear within {@code timeout}
     */
    public ServiceReference<?> awaitService(String interfaceName, Duration timeout) throws LaunchException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(framework.getBundleContext(), interfaceName, null);
        tracker.open(true); // all services: the launcher never shares the interface class with the bundle
        try {
            if (tracker.waitForService(timeout.toMillis()) == null) {
                throw new LaunchException("the service " + interfaceName + " did not appear within "
                        + timeout.toSeconds() + " s");
            }
            return tracker.getServiceReference();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting for " + interfaceName, e);
        } finally {
            tracker.close();
        }
    }

    /** The service object behind a reference, got through the framework's own context. */
    public Object service(ServiceReference<?> reference) {
        return framework.getBundleContext().getService(reference);
    }

    /** A line per bundle: id, symbolic name, version and state, for the log. */
    public String describeBundles() {
        StringBuilder text = new StringBuilder();
        for (Bundle b : bundles()) {
            text.append(String.format("%n  %3d %-8s %s %s", b.getBundleId(), stateName(b.getState()),
                    b.getSymbolicName(), b.getVersion()));
        }
        return text.toString();
    }

    /**
     * Stops the framework and waits for it.
     *
     * @return true when it stopped within the time allowed
     */
    public boolean stop() {
        try {
            framework.stop();
            return framework.waitForStop(STOP_TIMEOUT.toMillis()).getType() == FrameworkEvent.STOPPED;
        } catch (BundleException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    public static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "STATE-" + state;
        };
    }

    private List<Bundle> installBundles(List<Path> bundleFiles) throws LaunchException {
        Map<String, Bundle> installed = new LinkedHashMap<>();
        for (Bundle b : bundles()) installed.put(b.getLocation(), b);
        List<Bundle> wanted = new ArrayList<>();
        for (Path file : bundleFiles) {
            String location = "reference:" + file.toUri();
            Bundle bundle = installed.remove(location);
            if (bundle == null) bundle = install(location, file);
            wanted.add(bundle);
        }
        for (Bundle gone : installed.values()) uninstall(gone);
        return wanted;
    }

    private Bundle install(String location, Path file) throws LaunchException {
        try {
            return framework.getBundleContext().installBundle(location);
        } catch (BundleException | RuntimeException e) {
            throw new LaunchException("cannot install " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void uninstall(Bundle bundle) throws LaunchException {
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            throw new LaunchException("cannot uninstall " + bundle.getSymbolicName() + " (its file is gone): "
                    + e.getMessage(), e);
        }
    }

    private static void startBundles(List<Bundle> bundles, BundleContext context, Configurations configurations)
            throws LaunchException {
        for (Bundle bundle : bundles) {
            if (!isFragment(bundle) && !hasComponents(bundle)) start(bundle);
        }
        configurations.apply(context);
        for (Bundle bundle : bundles) {
            if (!isFragment(bundle) && hasComponents(bundle)) start(bundle);
        }
    }

    private static void start(Bundle bundle) throws LaunchException {
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            throw new LaunchException("bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage(), e);
        }
    }

    private static boolean hasComponents(Bundle bundle) {
        return bundle.getHeaders("").get("Service-Component") != null;
    }

    private static Map<String, String> defaultProperties() throws LaunchException {
        Properties properties = new Properties();
        try (InputStream in = SegueFramework.class.getResourceAsStream("framework.properties")) {
            if (in == null) throw new LaunchException("framework.properties is missing from the launcher jar");
            properties.load(in);
        } catch (IOException e) {
            throw new LaunchException("cannot read framework.properties from the launcher jar: " + e, e);
        }
        Map<String, String> map = new HashMap<>();
        for (String name : properties.stringPropertyNames()) map.put(name, properties.getProperty(name));
        return map;
    }
}
