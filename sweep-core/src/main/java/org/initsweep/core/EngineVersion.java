package org.initsweep.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The engine's version, stored with every result for provenance. */
public final class EngineVersion {

    private static final Properties PROPS = load();

    private EngineVersion() {
    }

    /** The Maven project version this engine was built as, e.g. {@code 0.2.1}. */
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
