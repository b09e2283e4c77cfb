package org.segue.core.internal.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The OpenMP settings that make ND4J fast on few cores, put into the process environment before ND4J's natives
 * load. OpenMP (libgomp) reads {@code OMP_NUM_THREADS} and {@code OMP_WAIT_POLICY} once, when it loads, from the
 * C environment; Java cannot change that environment, so this calls the C library's {@code setenv} (through JNA,
 * which the core bundle embeds for ND4J anyway). With OpenMP's default, threads spin while they wait, and DL4J
 * trains about three times slower on two cores ({@code ../shared/PLATFORM.md}). So Karaf, Felix, tests and the
 * launcher all get the settings without anyone exporting variables; a value the user did set is kept.
 */
final class OpenMpEnvironment {

    private OpenMpEnvironment() {
    }

    /** The C library's {@code setenv}. */
    public interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** The settings: waiting threads sleep, and there is one thread per core this JVM may use. */
    static Map<String, String> wanted() {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("OMP_WAIT_POLICY", "PASSIVE");
        // libgomp counts the machine's cores; Java counts those this process may use (container limits)
        wanted.put("OMP_NUM_THREADS", Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors())));
        return wanted;
    }

    /**
     * Sets each wanted variable that the environment does not already have.
     *
     * @return what was set, for the log; empty when the user had set everything
     * @throws UnsatisfiedLinkError or a {@code RuntimeException} when the C library cannot be called
     */
    static Map<String, String> applyWhereUnset() {
        Map<String, String> applied = new LinkedHashMap<>();
        CLibrary c = null;
        for (Map.Entry<String, String> entry : wanted().entrySet()) {
            if (System.getenv(entry.getKey()) != null) continue;
            if (c == null) c = (CLibrary) Native.loadLibrary("c", CLibrary.class);
            if (c.setenv(entry.getKey(), entry.getValue(), 0) == 0) applied.put(entry.getKey(), entry.getValue());
        }
        return applied;
    }
}
