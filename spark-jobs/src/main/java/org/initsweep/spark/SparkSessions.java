package org.initsweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the Spark session: local mode on all cores when no master is given (neither by the CLI
 * nor by spark-submit), the cluster's master otherwise.
 */
public final class SparkSessions {

    /** The master used when none is set: every local core, one Spark task (and ND4J thread) each. */
    public static final String DEFAULT_MASTER = "local[*]";

    private static final String LOCAL_FS_KEY = "spark.hadoop.fs.file.impl";

    private SparkSessions() {
    }

    /**
     * Stops the session. Unless {@code verbose}, stderr is muted meanwhile: after a failed job Spark's
     * teardown may print stack traces of futures its stopped pools refuse (RejectedExecutionException),
     * which would stand beside the one line the command says about the failure.
     */
    public static void stop(SparkSession spark, boolean verbose) {
        if (verbose) {
            spark.stop();
            return;
        }
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            spark.stop();
        } finally {
            System.setErr(err);
        }
    }

    /**
     * The master a session will use: the CLI's {@code --master}, else spark-submit's ({@code spark.master}),
     * else {@link #DEFAULT_MASTER}.
     *
     * @param conf      the JVM's Spark configuration (spark-submit's settings arrive as system properties)
     * @param cliMaster the CLI's {@code --master}, or null
     * @return the master URL
     * @throws org.initsweep.core.UserInputException if both the CLI and spark-submit name a master and
     *         they differ: Spark would silently take the CLI's, and a sweep submitted to a cluster would
     *         run inside its driver instead
     */
    public static String master(SparkConf conf, String cliMaster) {
        String submitted = conf.get("spark.master", null);
        if (cliMaster != null && submitted != null && !cliMaster.equals(submitted)) {
            throw new org.initsweep.core.UserInputException("--master " + cliMaster + " differs from spark-submit's master "
                    + submitted + ", which chooses where the sweep runs: leave out the CLI's --master");
        }
        return cliMaster != null ? cliMaster : submitted != null ? submitted : DEFAULT_MASTER;
    }

    /**
     * @param appName shown in the Spark UI and cluster manager
     * @param master  a master URL to force, or null to take spark-submit's or {@link #DEFAULT_MASTER}
     */
    public static SparkSession create(String appName, String master) {
        SparkConf conf = new SparkConf();
        String chosen = master(conf, master);
        SparkSession.Builder b = SparkSession.builder()
                .appName(appName)
                .master(chosen)
                // One OpenMP thread per task on executors (the driver's own ND4J is limited in code).
                .config("spark.executorEnv.OMP_NUM_THREADS", "1")
                .config("spark.sql.session.timeZone", "UTC");
        if (chosen.startsWith("local")) {
            b.config("spark.ui.enabled", conf.get("spark.ui.enabled", "false"));
            b.config("spark.ui.showConsoleProgress", "false");
            // An OutOfMemoryError in a task would make Spark exit the JVM (code 52) mid-sweep, which looks
            // like an interrupt; as a task failure it reaches the CLI, which names the memory to raise.
            b.config("spark.executor.killOnFatalError.depth", conf.get("spark.executor.killOnFatalError.depth", "0"));
            // Result tables are small: 200 shuffle partitions would be 200 near-empty tasks per query.
            b.config("spark.sql.shuffle.partitions", conf.get("spark.sql.shuffle.partitions", "8"));
            if (!chosen.startsWith("local-cluster")) {
                // Hadoop's local file system starts a chmod process for every file and directory it
                // creates (≈ 0.45 s of a chunk); this one sets the same modes in-process. Only where
                // tasks run in this JVM, on its classpath; a user's own fs.file.impl wins.
                b.config(LOCAL_FS_KEY, conf.get(LOCAL_FS_KEY, org.initsweep.spark.fs.NioLocalFileSystem.class.getName()));
            }
        }
        // initsweep uses temporary views only: no spark-warehouse/ folder in the user's working directory
        // (nor, in client mode on a cluster, in the directory spark-submit was started from).
        b.config("spark.sql.warehouse.dir", conf.get("spark.sql.warehouse.dir",
                new java.io.File(System.getProperty("java.io.tmpdir"), "initsweep-warehouse").toURI().toString()));
        MasterProbe.requireReachable(chosen);
        try {
            return b.getOrCreate();
        } catch (Exception e) {
            // A master that does not parse or cannot be reached is the user's input, not a crash.
            String msg = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
            if (e instanceof UnsupportedOperationException && msg.contains("getSubject")) {
                // spark-submit on a JVM the launcher's check never saw
                msg += " (Java " + Runtime.version().feature() + ": Spark 4.0 runs on Java 17 and 21; its Hadoop logs"
                        + " in through Subject.getSubject, which Java 23 and later refuse)";
            }
            throw new org.initsweep.core.UserInputException("cannot start Spark on master " + chosen + ": " + msg, e);
        }
    }
}
