package org.initsweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.network.util.JavaUtils;

/**
 * The memory one Spark task may give a run, in the two places runs keep their values (see
 * {@link org.initsweep.core.spec.Preflight}): ND4J's off-heap memory ({@link #budget}) and the
 * Java heap ({@link #heapBudget}).
 */
public final class TaskMemory {

    private TaskMemory() {
    }

    /** Heap Spark reserves for itself before dividing the rest ({@code RESERVED_SYSTEM_MEMORY_BYTES}). */
    static final long SPARK_RESERVED = 300L << 20;

    /**
     * Off-heap bytes per task for {@code master} under {@code conf}: in local mode the JVM's JavaCPP
     * limit ({@code org.bytedeco.javacpp.maxbytes}, by default the maximum heap) shared by the local
     * cores; on a cluster the executor's {@code spark.executor.memoryOverhead} (Spark's default:
     * max(384 MiB, 10% of {@code spark.executor.memory})) shared by its task slots
     * ({@code spark.executor.cores / spark.task.cpus}).
     */
    public static long budget(SparkConf conf, String master) {
        if (master.startsWith("local")) {
            long max = parseBytes(System.getProperty("org.bytedeco.javacpp.maxbytes"), Runtime.getRuntime().maxMemory());
            return max / localCores(master);
        }
        long executor = JavaUtils.byteStringAsBytes(conf.get("spark.executor.memory", "1g"));
        long overhead = conf.contains("spark.executor.memoryOverhead")
                ? JavaUtils.byteStringAsMb(conf.get("spark.executor.memoryOverhead")) << 20
                : Math.max(384L << 20, executor / 10);
        int cores = conf.getInt("spark.executor.cores", 1) / Math.max(1, conf.getInt("spark.task.cpus", 1));
        return overhead / Math.max(1, cores);
    }

    /**
     * Java heap bytes per task for {@code master} under {@code conf}: the heap left to user data
     * structures by Spark's unified memory manager, (heap − 300 MiB) · (1 − {@code spark.memory.fraction},
     * default 0.6), shared by the task slots — in local mode the JVM's maximum heap and the local
     * cores, on a cluster {@code spark.executor.memory} and its task slots. (Spark's own storage and
     * execution memory may fill the rest of the heap, so a run's arrays cannot count on it.)
     *
     * @throws IllegalArgumentException if {@code spark.memory.fraction} is not in [0, 1)
     */
    public static long heapBudget(SparkConf conf, String master) {
        double fraction = conf.getDouble("spark.memory.fraction", 0.6);
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("spark.memory.fraction must be in [0, 1), got " + fraction);
        }
        long heap;
        int slots;
        if (master.startsWith("local")) {
            heap = Runtime.getRuntime().maxMemory();
            slots = localCores(master);
        } else {
            heap = JavaUtils.byteStringAsBytes(conf.get("spark.executor.memory", "1g"));
            slots = conf.getInt("spark.executor.cores", 1) / Math.max(1, conf.getInt("spark.task.cpus", 1));
        }
        return (long) (Math.max(0, heap - SPARK_RESERVED) * (1 - fraction)) / Math.max(1, slots);
    }

    private static long parseBytes(String s, long dflt) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            return JavaUtils.byteStringAsBytes(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    static int localCores(String master) {
        String inside = master.replaceAll("^local\\[?|\\]?$", "");
        if (inside.isEmpty()) {
            return 1;
        }
        String first = inside.split(",")[0].trim();
        return first.equals("*") ? Runtime.getRuntime().availableProcessors() : Math.max(1, Integer.parseInt(first));
    }
}
