package org.initsweep.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.network.util.JavaUtils;

/**
 * The memory one Spark task may give a run, in the two places runs keep their values (see
 * {@link org.initsweep.core.spec.Preflight}): ND4J's off-heap memory ({@link #budget}) and the
 * Java heap ({@link #heapBudget}).
 *
 * <p>Executors by master: {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]} run
 * the tasks in this JVM (its heap, N slots); {@code local-cluster[W,C,M]} starts executors of C cores
 * and M MiB; any other master ({@code spark://}, {@code yarn}, {@code k8s://}) has executors of
 * {@code spark.executor.memory} and {@code spark.executor.cores} (default 1 — on a standalone
 * cluster an executor without it takes all of a worker's cores, which the driver cannot see).
 */
public final class TaskMemory {

    private TaskMemory() {
    }

    /** Heap Spark reserves for itself before dividing the rest ({@code RESERVED_SYSTEM_MEMORY_BYTES}). */
    static final long SPARK_RESERVED = 300L << 20;

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*\\d+)?])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*\\d+\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");

    /** One executor: its heap, off-heap budget and task slots; {@code inThisJvm} for local masters. */
    private record Executor(long heap, long offHeap, int slots, boolean inThisJvm) {
    }

    /**
     * Whether {@code master} runs its tasks in this JVM (local mode), where -Xmx sizes both budgets.
     *
     * @throws IllegalArgumentException for a malformed {@code local…} master
     */
    public static boolean inThisJvm(SparkConf conf, String master) {
        return executor(conf, master).inThisJvm();
    }

    /**
     * Off-heap bytes per task for {@code master} under {@code conf}: in local mode the JVM's JavaCPP
     * limit ({@code org.bytedeco.javacpp.maxbytes}, by default the maximum heap) shared by the local
     * cores; otherwise the executor's {@code spark.executor.memoryOverhead} (Spark's default:
     * max(384 MiB, 10% of the executor's heap)) shared by its task slots
     * ({@code cores / spark.task.cpus}).
     *
     * @throws IllegalArgumentException for a malformed {@code local…} master
     */
    public static long budget(SparkConf conf, String master) {
        Executor e = executor(conf, master);
        return e.offHeap() / e.slots();
    }

    /**
     * Java heap bytes per task for {@code master} under {@code conf}: the heap left to user data
     * structures by Spark's unified memory manager, (heap − 300 MiB) · (1 − {@code spark.memory.fraction},
     * default 0.6), shared by the executor's task slots. (Spark's own storage and execution memory
     * may fill the rest of the heap, so a run's arrays cannot count on it.)
     *
     * @throws IllegalArgumentException if {@code spark.memory.fraction} is not in [0, 1), or for a
     *                                  malformed {@code local…} master
     */
    public static long heapBudget(SparkConf conf, String master) {
        double fraction = conf.getDouble("spark.memory.fraction", 0.6);
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("spark.memory.fraction must be in [0, 1), got " + fraction);
        }
        Executor e = executor(conf, master);
        return (long) (Math.max(0, e.heap() - SPARK_RESERVED) * (1 - fraction)) / e.slots();
    }

    private static Executor executor(SparkConf conf, String master) {
        int taskCpus = Math.max(1, conf.getInt("spark.task.cpus", 1));
        Matcher local = LOCAL.matcher(master);
        if (local.matches()) {
            String n = local.group(1);
            int cores = n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
            long heap = Runtime.getRuntime().maxMemory();
            long offHeap = parseBytes(System.getProperty("org.bytedeco.javacpp.maxbytes"), heap);
            return new Executor(heap, offHeap, Math.max(1, cores), true);
        }
        Matcher cluster = LOCAL_CLUSTER.matcher(master);
        if (cluster.matches()) {
            long heap = Long.parseLong(cluster.group(2)) << 20;
            return new Executor(heap, overhead(conf, heap), Math.max(1, Integer.parseInt(cluster.group(1)) / taskCpus),
                    false);
        }
        if (master.startsWith("local")) {
            throw new IllegalArgumentException("master " + master
                    + ": expected local, local[N], local[*], local[N,F] or local-cluster[W,C,M]");
        }
        long heap = JavaUtils.byteStringAsBytes(conf.get("spark.executor.memory", "1g"));
        return new Executor(heap, overhead(conf, heap),
                Math.max(1, conf.getInt("spark.executor.cores", 1) / taskCpus), false);
    }

    private static long overhead(SparkConf conf, long heap) {
        return conf.contains("spark.executor.memoryOverhead")
                ? JavaUtils.byteStringAsMb(conf.get("spark.executor.memoryOverhead")) << 20
                : Math.max(384L << 20, heap / 10);
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
}
