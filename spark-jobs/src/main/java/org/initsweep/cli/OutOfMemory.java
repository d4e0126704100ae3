package org.initsweep.cli;

import java.util.Locale;
import java.util.Optional;
import org.initsweep.core.MessageLines;

/**
 * Says which memory ran out and which setting raises it, from an {@link OutOfMemoryError} anywhere in
 * a failure: thrown on the driver, or a Spark task's, which reaches the driver inside the job's
 * failure (in local mode {@code spark.executor.killOnFatalError.depth = 0} keeps Spark from exiting
 * the JVM on it; see {@link org.initsweep.spark.SparkSessions}).
 */
final class OutOfMemory {

    /** An OutOfMemoryError that killed a thread of this JVM (one of Spark's), or null. */
    private static volatile OutOfMemoryError elsewhere;

    private OutOfMemory() {
    }

    /** Remembers an OutOfMemoryError that killed a thread, for a failure that no longer carries it. */
    static void seenElsewhere(OutOfMemoryError e) {
        elsewhere = e;
    }

    /** Forgets it: a new command starts. */
    static void reset() {
        elsewhere = null;
    }

    /** The memory that ran out, as the JVM and JavaCPP name it in an OutOfMemoryError's message. */
    enum Kind {
        /** The Java heap: float32 runs, query results, Spark's own data. */
        HEAP("Java heap", "-Xmx (bin/initsweep: INITSWEEP_JAVA_OPTS=-Xmx…; spark-submit: --driver-memory)",
                "spark.executor.memory"),
        /** Direct byte buffers (Netty, Parquet). */
        DIRECT("direct buffer memory", "-XX:MaxDirectMemorySize", "spark.executor.memoryOverhead"),
        /** JavaCPP's off-heap allocations, where ND4J keeps its arrays. */
        ND4J("ND4J (off-heap) memory", "-Dorg.bytedeco.javacpp.maxbytes and maxphysicalbytes (or -Xmx, which"
                + " sizes them)", "spark.executor.memoryOverhead");

        final String memory;
        final String localSetting;
        final String clusterSetting;

        Kind(String memory, String localSetting, String clusterSetting) {
            this.memory = memory;
            this.localSetting = localSetting;
            this.clusterSetting = clusterSetting;
        }

        static Kind of(String detail) {
            String d = detail.toLowerCase(Locale.ROOT);
            if (d.contains("direct buffer")) {
                return DIRECT;
            }
            if (d.contains("physicalbytes") || d.contains("physical memory") || d.contains("totalbytes")
                    || d.contains("cannot allocate")) {
                return ND4J;
            }
            return HEAP;
        }
    }

    /**
     * As {@link #describe(Throwable, String, boolean)} with the tasks elsewhere (a cluster, or no Spark job).
     */
    static Optional<String> describe(Throwable failure, String advice) {
        return describe(failure, advice, false);
    }

    /**
     * @param advice    what else helps in the command under way ("" for nothing), appended after "; or "
     * @param tasksHere whether the Spark tasks run in this JVM (a local master): its Java heap is then the
     *                  driver's and the tasks' at once, and which of their threads failed to allocate says
     *                  nothing about what filled it, so the line names the shared heap
     * @return one line naming the memory, this JVM's heap and the setting to raise, or empty when the
     *         failure is not an out-of-memory one
     */
    static Optional<String> describe(Throwable failure, String advice, boolean tasksHere) {
        String detail = null;
        boolean inTask = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            inTask |= m.contains("Lost task") || m.contains("ExecutorLostFailure");
            if (detail == null && t instanceof OutOfMemoryError) {
                detail = "OutOfMemoryError" + (m.isEmpty() ? "" : ": " + MessageLines.firstLine(m));
            } else if (detail == null && m.contains("java.lang.OutOfMemoryError")) {
                detail = MessageLines.firstLine(
                        m.substring(m.indexOf("java.lang.OutOfMemoryError") + "java.lang.".length()));
            }
        }
        OutOfMemoryError other = elsewhere;
        if (detail == null && other != null) {
            // e.g. "Job cancelled because SparkContext was shut down" after a Spark thread died of it
            String m = other.getMessage() == null ? "" : other.getMessage();
            detail = "OutOfMemoryError" + (m.isEmpty() ? "" : ": " + MessageLines.firstLine(m));
        }
        if (detail == null) {
            return Optional.empty();
        }
        Kind kind = Kind.of(detail);
        String heap = String.format(Locale.ROOT, "%.1f GiB", Runtime.getRuntime().maxMemory() / (double) (1L << 30));
        String orAdvice = advice.isEmpty() ? "" : "; or " + advice;
        if (tasksHere && kind == Kind.HEAP) {
            return Optional.of("out of Java heap in this JVM, which runs the driver and the Spark tasks (local mode) ("
                    + detail + "; its heap is " + heap + "): raise " + kind.localSetting + orAdvice);
        }
        return Optional.of("out of " + kind.memory + (inTask ? " in a Spark task" : " on the driver") + " (" + detail
                + "; this JVM's heap is " + heap + "): raise " + kind.localSetting + (inTask ? ", on a cluster "
                + kind.clusterSetting : ", on a cluster spark.driver.memory") + orAdvice);
    }
}
