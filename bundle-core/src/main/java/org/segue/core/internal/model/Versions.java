package org.segue.core.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions of Segue and DL4J this bundle was built with, from a resource that Maven fills in. */
public final class Versions {

    private static final Properties VERSIONS = load();

    private Versions() {
    }

    public static String segue() {
        return VERSIONS.getProperty("segue", "unknown");
    }

    public static String dl4j() {
        return VERSIONS.getProperty("dl4j", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Versions.class).warn("cannot read versions.properties", e);
        }
        return p;
    }
}
