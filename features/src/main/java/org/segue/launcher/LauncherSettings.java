package org.segue.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the launcher finds its bundles and keeps its data.
 *
 * @param home the data folder: log file, framework cache, JavaCPP's native cache
 * @param bundles the folder of bundle jars to install
 * @param serviceTimeout how long to wait for the command line service once the bundles are started
 */
public record LauncherSettings(Path home, Path bundles, Duration serviceTimeout) {

    public static final String HOME_PROPERTY = "segue.home";
    public static final String HOME_VARIABLE = "SEGUE_HOME";
    public static final String BUNDLES_PROPERTY = "segue.bundles";
    public static final String TIMEOUT_PROPERTY = "segue.serviceTimeoutSeconds";
    public static final long DEFAULT_TIMEOUT_SECONDS = 60;

    public LauncherSettings {
        home = Objects.requireNonNull(home, "home").toAbsolutePath().normalize();
        bundles = Objects.requireNonNull(bundles, "bundles").toAbsolutePath().normalize();
        if (serviceTimeout == null || serviceTimeout.isNegative() || serviceTimeout.isZero()) {
            throw new IllegalArgumentException("the service timeout must be > 0, not " + serviceTimeout);
        }
    }

    /**
     * From system properties and the environment: {@code segue.home}, else {@code $SEGUE_HOME}, else
     * {@code .segue} in the working folder; {@code segue.bundles}, else {@code ../bundle} next to the launcher's
     * jar; {@code segue.serviceTimeoutSeconds}, else 60.
     */
    public static LauncherSettings fromEnvironment() {
        String home = System.getProperty(HOME_PROPERTY, System.getenv(HOME_VARIABLE));
        String bundles = System.getProperty(BUNDLES_PROPERTY);
        long timeout = Long.getLong(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_SECONDS);
        return new LauncherSettings(home == null || home.isBlank() ? Path.of(".segue") : Path.of(home),
                bundles == null ? besideLauncherJar() : Path.of(bundles), Duration.ofSeconds(timeout));
    }

    public Path logFile() {
        return home.resolve("segue.log");
    }

    /** Configuration files, {@code PID.cfg}, as Karaf keeps them in its own {@code etc/}. */
    public Path configFolder() {
        return home.resolve("etc");
    }

    public Path javacppCache() {
        return home.resolve("javacpp-cache");
    }

    /** The layout that features/pom.xml builds: lib/segue-launcher.jar and bundle/. */
    private static Path besideLauncherJar() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolveSibling("bundle");
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the launcher jar is; set -D" + BUNDLES_PROPERTY
                    + " to the folder of bundles", e);
        }
    }
}
