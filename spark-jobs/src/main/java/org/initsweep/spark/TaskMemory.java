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
 * the tasks in this JVM (its heap; N / {@code spark.task.cpus} slots; off-heap as JavaCPP limits
 * it: {@code org.bytedeco.javacpp.maxBytes} or {@code …maxbytes}, bytes or a % of the heap, 0 for
 * no limit, default the heap); {@code local-cluster[W,C,M]} starts executors of C cores and
 * {@code spark.executor.memory}; any other master ({@code spark://}, {@code yarn}, {@code k8s://})
 * has executors of {@code spark.executor.memory} and {@code spark.executor.cores} (default 1 — on a
 * standalone cluster an executor without it takes all of a worker's cores, which the driver cannot
 * see). The overhead is {@code spark.executor.memoryOverhead}, by default
 * max({@code spark.executor.minMemoryOverhead} (384 MiB), {@code spark.executor.memoryOverheadFactor}
 * (0.1) × heap).
 */
public final class TaskMemory {

    private TaskMemory() {
    }

    /** Heap Spark reserves for itself before dividing the rest ({@code RESERVED_SYSTEM_MEMORY_BYTES}). */
    static final long SPARK_RESERVED = 300L << 20;

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[\\s*(\\*|\\d+)\\s*(?:,\\s*\\d+\\s*)?])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*\\d+\\s*,\\s*(\\d+)\\s*,\\s*\\d+\\s*]");

    /** One executor: its heap, off-heap budget and task slots; {@code inThisJvm} for local masters. */
    private record Executor(long heap, long offHeap, int slots, boolean inThisJvm) {
    }

    /**
     * One task's share under a master.
     *
     * @param heapBytes    Java heap, as {@link #heapBudget}
     * @param offHeapBytes off-heap memory, as {@link #budget}
     * @param inThisJvm    whether the tasks run in this JVM (local mode), where -Xmx sizes both
     */
    public record Budget(long heapBytes, long offHeapBytes, boolean inThisJvm) {
    }

    /**
     * Both shares at once.
     *
     * @throws org.initsweep.core.UserInputException as {@link #heapBudget} and {@link #budget}
     */
    public static Budget of(SparkConf conf, String master) {
        double fraction = conf.getDouble("spark.memory.fraction", 0.6);
        if (!(fraction >= 0 && fraction < 1)) {
            throw new org.initsweep.core.UserInputException("spark.memory.fraction must be in [0, 1), got " + fraction);
        }
        Executor e = executor(conf, master);
        return new Budget((long) (Math.max(0, e.heap() - SPARK_RESERVED) * (1 - fraction)) / e.slots(),
                e.offHeap() / e.slots(), e.inThisJvm());
    }

    /**
     * Whether {@code master} runs its tasks in this JVM (local mode), where -Xmx sizes both budgets.
     *
     * @throws org.initsweep.core.UserInputException for a malformed {@code local…} master
     */
    public static boolean inThisJvm(SparkConf conf, String master) {
        return of(conf, master).inThisJvm();
    }

    /**
     * Off-heap bytes per task for {@code master} under {@code conf}: in local mode the JVM's JavaCPP
     * limit ({@code org.bytedeco.javacpp.maxbytes}, by default the maximum heap) shared by the local
     * cores; otherwise the executor's {@code spark.executor.memoryOverhead} (Spark's default:
     * max(384 MiB, 10% of the executor's heap)) shared by its task slots
     * ({@code cores / spark.task.cpus}).
     *
     * @throws org.initsweep.core.UserInputException for a malformed {@code local…} master
     */
    public static long budget(SparkConf conf, String master) {
        return of(conf, master).offHeapBytes();
    }

    /**
     * Java heap bytes per task for {@code master} under {@code conf}: the heap left to user data
     * structures by Spark's unified memory manager, (heap − 300 MiB) · (1 − {@code spark.memory.fraction},
     * default 0.6), shared by the executor's task slots. (Spark's own storage and execution memory
     * may fill the rest of the heap, so a run's arrays cannot count on it.)
     *
     * @throws org.initsweep.core.UserInputException if {@code spark.memory.fraction} is not in [0, 1), or for a
     *                                  malformed {@code local…} master
     */
    public static long heapBudget(SparkConf conf, String master) {
        return of(conf, master).heapBytes();
    }

    private static Executor executor(SparkConf conf, String master) {
        int taskCpus = Math.max(1, conf.getInt("spark.task.cpus", 1));
        Matcher local = LOCAL.matcher(master);
        if (local.matches()) {
            String n = local.group(1);
            int cores = n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
            long heap = Runtime.getRuntime().maxMemory();
            return new Executor(heap, javaCppLimit(heap), slots(cores, taskCpus), true);
        }
        long heap = bytes(conf, "spark.executor.memory", "1g", false);
        Matcher cluster = LOCAL_CLUSTER.matcher(master);
        if (cluster.matches()) {
            return new Executor(heap, overhead(conf, heap), slots(Integer.parseInt(cluster.group(1)), taskCpus), false);
        }
        if (master.startsWith("local")) {
            throw new org.initsweep.core.UserInputException("master " + master
                    + ": expected local, local[N], local[*], local[N,F] or local-cluster[W,C,M]");
        }
        return new Executor(heap, overhead(conf, heap), slots(conf.getInt("spark.executor.cores", 1), taskCpus), false);
    }

    private static int slots(int cores, int taskCpus) {
        return Math.max(1, cores / taskCpus);
    }

    private static long overhead(SparkConf conf, long heap) {
        if (conf.contains("spark.executor.memoryOverhead")) {
            return bytes(conf, "spark.executor.memoryOverhead", null, true);
        }
        long min = bytes(conf, "spark.executor.minMemoryOverhead", "384m", true);
        return Math.max(min, (long) (conf.getDouble("spark.executor.memoryOverheadFactor", 0.1) * heap));
    }

    /** A size setting, in bytes; Spark reads the overheads as MiB when no unit is given. */
    private static long bytes(SparkConf conf, String key, String dflt, boolean mib) {
        String v = conf.get(key, dflt);
        try {
            return mib ? JavaUtils.byteStringAsMb(v) << 20 : JavaUtils.byteStringAsBytes(v);
        } catch (RuntimeException e) {
            throw new org.initsweep.core.UserInputException(key + " must be a size such as 512m or 4g, got " + v);
        }
    }

    /** Whether this JVM sets JavaCPP's off-heap limit itself (else it is the heap). */
    public static boolean javaCppLimitSet() {
        return System.getProperty(javaCppKey()) != null;
    }

    /** The property JavaCPP reads its limit from: {@code maxBytes} where set, else {@code maxbytes}. */
    private static String javaCppKey() {
        return System.getProperty("org.bytedeco.javacpp.maxBytes") != null ? "org.bytedeco.javacpp.maxBytes"
                : "org.bytedeco.javacpp.maxbytes";
    }

    /** JavaCPP's limit on this JVM's off-heap memory, as its own {@code Pointer} reads it. */
    static long javaCppLimit(long heap) {
        String key = javaCppKey();
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            return heap;
        }
        long limit;
        try {
            String s = v.strip();
            limit = s.endsWith("%") ? (long) (Double.parseDouble(s.substring(0, s.length() - 1)) / 100 * heap)
                    : JavaUtils.byteStringAsBytes(s);
        } catch (RuntimeException e) {
            throw new org.initsweep.core.UserInputException(key + " must be a size such as 4g or a percentage of the heap such as 50%,"
                    + " got " + v);
        }
        return limit <= 0 ? Long.MAX_VALUE : limit; // 0: no limit
    }
}
