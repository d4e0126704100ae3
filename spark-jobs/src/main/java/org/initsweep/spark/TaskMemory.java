package org.initsweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.network.util.JavaUtils;

/**
 * The off-heap memory one Spark task may give ND4J: in local mode the JVM's JavaCPP limit
 * ({@code org.bytedeco.javacpp.maxbytes}, by default the maximum heap) shared by the local cores;
 * on a cluster the executor's {@code spark.executor.memoryOverhead} (Spark's default:
 * max(384 MiB, 10% of {@code spark.executor.memory})) shared by its {@code spark.executor.cores}.
 */
public final class TaskMemory {

    private TaskMemory() {
    }

    /** Bytes per task for {@code master} under {@code conf}. */
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
