package org.initsweep.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The engine's version, stored with every result for provenance. */
public final class EngineVersion {

    private static final String VERSION = load();

    private EngineVersion() {
    }

    /** The Maven project version this engine was built as, e.g. {@code 0.1.0}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
