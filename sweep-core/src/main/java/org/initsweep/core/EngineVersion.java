package org.initsweep.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The engine's version and build, stored with every result for provenance. */
public final class EngineVersion {

    private static final Properties PROPS = load();

    private EngineVersion() {
    }

    /** The Maven project version this engine was built as, e.g. {@code 0.3.1}. */
    public static String get() {
        return PROPS.getProperty("version", "unknown");
    }

    /** The ND4J version the engine was built against. */
    public static String nd4j() {
        return PROPS.getProperty("nd4j", "unknown");
    }

    /** The Spark version the engine was built against (the cluster's may differ; see engine.json). */
    public static String spark() {
        return PROPS.getProperty("spark", "unknown");
    }

    /** The git commit the engine was built from, or {@code unknown} (built outside a git tree). */
    public static String commit() {
        return filtered("commit");
    }

    /** Whether the tree it was built from had uncommitted changes: {@code true}, {@code false} or {@code unknown}. */
    public static String dirty() {
        return filtered("dirty");
    }

    /** A property the build filled in, or "unknown" where it could not (no git). */
    private static String filtered(String key) {
        String v = PROPS.getProperty(key, "unknown");
        return v.isBlank() || v.startsWith("${") ? "unknown" : v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = EngineVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Provenance degrades to "unknown"; results stay valid.
        }
        return p;
    }
}
