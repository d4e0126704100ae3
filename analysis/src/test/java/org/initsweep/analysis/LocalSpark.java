package org.initsweep.analysis;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local SparkSession for a test class, started before its first test and stopped after its last:
 * {@code @RegisterExtension static final LocalSpark SPARK = new LocalSpark("local[1]");}, then
 * {@code SPARK.session()} in the tests. No UI; two shuffle partitions, so that a query's rows meet in more than
 * one partition as they do on a cluster.
 */
public final class LocalSpark implements BeforeAllCallback, AfterAllCallback {

    private final String master;
    private final int shufflePartitions;
    private SparkSession session;

    /** @param master {@code local[1]}, {@code local[2]}, … */
    public LocalSpark(String master) {
        this(master, 2);
    }

    /** @param shufflePartitions {@code spark.sql.shuffle.partitions} */
    public LocalSpark(String master, int shufflePartitions) {
        this.master = master;
        this.shufflePartitions = shufflePartitions;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        session = SparkSession.builder().master(master).appName(context.getRequiredTestClass().getSimpleName())
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions)).getOrCreate();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        session.stop();
    }

    /** The class's session. */
    public SparkSession session() {
        return session;
    }
}
