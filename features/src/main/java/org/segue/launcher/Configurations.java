package org.segue.launcher;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The {@code *.cfg} files of {@code $SEGUE_HOME/etc}, given to Config Admin before Segue's components start, so
 * that {@code ./segue} and Karaf (which reads the same files from its own {@code etc/}) run with the same
 * settings. A file {@code PID.cfg} holds one configuration as Java properties. A configuration that came from a
 * file that is gone is deleted. Config Admin's interface lives in its bundle, so it is called by reflection.
 */
final class Configurations {

    static final String ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    /** Marks the configurations made from files, so that the launcher deletes only its own. */
    static final String SOURCE_PROPERTY = "segue.launcher.file";

    private final Map<String, Map<String, String>> byPid;

    private Configurations(Map<String, Map<String, String>> byPid) {
        this.byPid = byPid;
    }

    static Configurations none() {
        return new Configurations(Map.of());
    }

    /** Reads every {@code *.cfg} of {@code folder}; no folder, no configurations. */
    static Configurations read(Path folder) throws LaunchException {
        Map<String, Map<String, String>> byPid = new TreeMap<>();
        if (!Files.isDirectory(folder)) return new Configurations(byPid);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".cfg")).sorted().toList()) {
                String name = file.getFileName().toString();
                byPid.put(name.substring(0, name.length() - ".cfg".length()), properties(file));
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read the configuration files in " + folder + " (" + e + ")", e);
        }
        return new Configurations(byPid);
    }

    Map<String, Map<String, String>> byPid() {
        return byPid;
    }

    /** Hands the configurations to the framework's Config Admin, if it has one. */
    void apply(BundleContext context) throws LaunchException {
        ServiceReference<?> reference = context.getServiceReference(ADMIN);
        if (reference == null) {
            if (!byPid.isEmpty()) throw new LaunchException("configuration files found but no Config Admin bundle");
            return;
        }
        Object admin = context.getService(reference);
        try {
            Class<?> adminType = reference.getBundle().loadClass(ADMIN);
            Class<?> configurationType = reference.getBundle().loadClass("org.osgi.service.cm.Configuration");
            Method list = adminType.getMethod("listConfigurations", String.class);
            Method get = adminType.getMethod("getConfiguration", String.class, String.class);
            Method pid = configurationType.getMethod("getPid");
            Method update = configurationType.getMethod("update", Dictionary.class);
            Method delete = configurationType.getMethod("delete");
            Object[] earlier = (Object[]) list.invoke(admin, "(" + SOURCE_PROPERTY + "=*)");
            if (earlier != null) {
                for (Object configuration : earlier) {
                    if (!byPid.containsKey((String) pid.invoke(configuration))) delete.invoke(configuration);
                }
            }
            for (Map.Entry<String, Map<String, String>> entry : byPid.entrySet()) {
                Dictionary<String, Object> values = new Hashtable<>(entry.getValue());
                values.put(SOURCE_PROPERTY, entry.getKey() + ".cfg");
                // "?" lets whichever bundle's component has this PID receive it
                update.invoke(get.invoke(admin, entry.getKey(), "?"), values);
            }
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new LaunchException("Config Admin does not look as expected: " + e, e);
        } catch (InvocationTargetException e) {
            throw new LaunchException("Config Admin refused a configuration: " + e.getCause(), e.getCause());
        } finally {
            context.ungetService(reference);
        }
    }

    private static Map<String, String> properties(Path file) throws LaunchException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new LaunchException(file + ": not a readable properties file (" + e.getMessage() + ")", e);
        }
        Map<String, String> values = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) values.put(name, properties.getProperty(name).strip());
        return values;
    }
}
