package org.initsweep.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.initsweep.core.spec.SpecException;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SweepSpec;

/** Spark sessions and specs for tests. One SparkContext per JVM: stop a session before the next. */
public final class TestSpark {

    private TestSpark() {
    }

    /** A session on {@code master} with the settings the CLI uses. */
    public static SparkSession session(String master) {
        return SparkSessions.create("initsweep-test", master);
    }

    /** Parses a spec, failing the test on a spec error. */
    public static SweepSpec spec(String json) {
        try {
            return SpecReader.parse(json, "test.json");
        } catch (SpecException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * Runs the sweep of {@code json} into {@code out} and its analysis (charts and report) on a local[2]
     * session, stopped before returning.
     */
    public static org.initsweep.analysis.Analysis.Summary sweepAndAnalyze(String json, String out) throws Exception {
        SparkSession spark = session("local[2]");
        try {
            SweepJob.run(spark, spec(json), out, SweepJob.Options.defaults());
            return org.initsweep.analysis.Analysis.run(spark, out,
                    org.initsweep.core.regime.SignalGrowth.DEFAULT_DECADES, true);
        } finally {
            spark.stop();
        }
    }

    /** 2^20 bytes. */
    public static final long MIB = 1L << 20;

    /** A SparkConf holding only the given key, value, key, value, … (no system properties). */
    public static SparkConf sparkConf(String... keyValues) {
        SparkConf c = new SparkConf(false);
        for (int i = 0; i < keyValues.length; i += 2) {
            c.set(keyValues[i], keyValues[i + 1]);
        }
        return c;
    }

    /** The repository's {@code conf/} folder (tests run in a module folder). */
    public static Path conf(String file) {
        Path p = Path.of("..", "conf", file);
        if (!Files.exists(p)) {
            throw new AssertionError("missing " + p.toAbsolutePath());
        }
        return p;
    }
}
