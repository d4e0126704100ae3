package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Out of memory is said as such, with the memory and the setting to raise, exit 1; never as an interrupt. */
class OutOfMemoryTest {

    private static String[] report(Exception e) {
        // the situation an earlier command in this JVM left (a local master's tasksHere) would change the line
        Main.during(Situation.NONE);
        StringWriter out = new StringWriter();
        int code = Main.report(new PrintWriter(out, true), e, false);
        return new String[] {Integer.toString(code), out.toString().strip()};
    }

    @Test
    void aTasksHeapExhaustionNamesTheHeapAndItsSettings() {
        // how Spark reports a task's OutOfMemoryError to the driver in local mode
        SparkException e = new SparkException("Job aborted due to stage failure: Task 0 in stage 0.0 failed 1 times,"
                + " most recent failure: Lost task 0.0 in stage 0.0 (TID 0) (localhost executor driver):"
                + " java.lang.OutOfMemoryError: Java heap space\n\nDriver stacktrace:", new OutOfMemoryError("Java heap space"));
        String[] r = report(e);
        assertEquals("1", r[0]);
        assertEquals(1, r[1].lines().count(), r[1]);
        assertTrue(r[1].startsWith("initsweep: out of Java heap in a Spark task (OutOfMemoryError: Java heap space;"), r[1]);
        assertTrue(r[1].contains("-Xmx") && r[1].contains("spark.executor.memory"), r[1]);
    }

    @Test
    void inLocalModeTheHeapIsTheSharedJvmsWhicheverThreadFailed() {
        // the same exhaustion, seen by the task (its failure reaches the driver) or by a driver thread first
        SparkException inTask = new SparkException("Job aborted due to stage failure: Lost task 0.0 in stage 0.0"
                + " (TID 0) (localhost executor driver): java.lang.OutOfMemoryError: Java heap space",
                new OutOfMemoryError("Java heap space"));
        RuntimeException onDriver = new RuntimeException(new OutOfMemoryError("Java heap space"));
        for (Exception e : new Exception[] {inTask, onDriver}) {
            String line = OutOfMemory.describe(e, "make the largest run smaller", true).orElseThrow();
            assertTrue(line.startsWith("out of Java heap in this JVM, which runs the driver and the Spark tasks (local"
                    + " mode) (OutOfMemoryError: Java heap space; its heap is "), line);
            assertTrue(line.endsWith("raise -Xmx (bin/initsweep: INITSWEEP_JAVA_OPTS=-Xmx…; spark-submit: --driver-memory)"
                    + "; or make the largest run smaller"), line);
        }
        // off-heap memory gets its own message: its settings differ from the heap's
        String nd4j = OutOfMemory.describe(new RuntimeException(new OutOfMemoryError(
                "Cannot allocate new FloatPointer(1000000000): totalBytes = 1G, physicalBytes = 2G")), "", true).orElseThrow();
        assertTrue(nd4j.startsWith("out of ND4J (off-heap) memory on the driver"), nd4j);
        // with the tasks on a cluster the thread still says where
        assertTrue(OutOfMemory.describe(inTask, "", false).orElseThrow().startsWith("out of Java heap in a Spark task"));
        assertTrue(OutOfMemory.describe(onDriver, "", false).orElseThrow().startsWith("out of Java heap on the driver"));
    }

    @Test
    void javaCppsRefusalIsNd4jMemoryAndADriverErrorIsTheDrivers() {
        String[] nd4j = report(new RuntimeException(new OutOfMemoryError(
                "Cannot allocate new FloatPointer(1000000000): totalBytes = 1G, physicalBytes = 2G")));
        assertTrue(nd4j[1].startsWith("initsweep: out of ND4J (off-heap) memory on the driver"), nd4j[1]);
        assertTrue(nd4j[1].contains("org.bytedeco.javacpp.maxbytes") && nd4j[1].contains("spark.driver.memory"), nd4j[1]);
        String[] direct = report(new RuntimeException("wrapped: java.lang.OutOfMemoryError: Direct buffer memory"));
        assertTrue(direct[1].startsWith("initsweep: out of direct buffer memory on the driver"), direct[1]);
    }

    /** A class whose static initializer runs out of heap, as Spark's did when a sweep filled it. */
    static final class StarvedInitializer {
        static final int VALUE;

        static {
            if (Boolean.parseBoolean("true")) {
                throw new OutOfMemoryError("Java heap space");
            }
            VALUE = 1;
        }
    }

    /** Touches {@link StarvedInitializer} twice: the second use is the NoClassDefFoundError a later caller sees. */
    @Command(name = "starved")
    static final class StarvedCommand implements Runnable {
        @Override
        public void run() {
            try {
                System.out.println(StarvedInitializer.VALUE);
            } catch (OutOfMemoryError first) { // an Error leaves the initializer as it is, unwrapped
                System.out.println(StarvedInitializer.VALUE);
            }
        }
    }

    @Test
    void aClassLeftUninitializedByAnOutOfMemoryErrorIsOutOfMemoryNotAStackTrace() {
        Main.during(Situation.NONE);
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new StarvedCommand()).setErr(new PrintWriter(err, true));
        int code = Main.execute(cl);
        String line = err.toString().strip();
        assertEquals(1, code, line);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("initsweep: out of Java heap on the driver (OutOfMemoryError: Java heap space"),
                line);
        assertTrue(line.contains("raise -Xmx"), line);
    }

    @Test
    void otherFailuresAreNotMemory() {
        assertEquals("2", report(new org.initsweep.core.UserInputException("--out: out of reach"))[0]);
        assertFalse(report(new IllegalStateException("memory is fine"))[1].contains("out of"));
    }

    @Test
    void aRunTooLargeForTheHeapEndsWithOneLineAndExitOneNotAsAnInterrupt(@TempDir Path tmp) throws Exception {
        // 3,000 layers × 256 units × 256 samples of float32 activations (~1.5 GiB kept for backprop) in 1 GiB
        Path spec = tmp.resolve("big.json");
        Files.writeString(spec, """
                {"name": "big", "depths": [3000], "widths": [256], "activations": ["tanh"],
                 "inits": ["lecun_normal"], "seeds": [1], "samples": 256, "epochs": 1}
                """);
        CliProcess p = CliProcess.start(tmp, "1g", "run", spec.toString(), "--out", tmp.resolve("out").toString(),
                "--ignore-memory-check", "--no-analyze", "--master", "local[1]");
        int code = p.waitFor(5);
        String err = p.stderr();
        assertEquals(1, code, err);
        String last = err.lines().reduce((a, b) -> b).orElse("");
        // local[1]: the task's allocations may leave any thread of the JVM without heap, the driver's too
        assertTrue(last.startsWith("initsweep: out of Java heap in this JVM, which runs the driver and the Spark tasks"),
                err);
        assertTrue(last.endsWith("; or make the largest run smaller (depth × width × samples)"), last);
        assertFalse(err.contains("interrupted"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void aQueryTooLargeForTheHeapIsOneLineToo(@TempDir Path tmp) throws Exception {
        Path out = CliTest.tinySweep(tmp.resolve("tiny"));
        // 5 GB of strings gathered into one row, in a 1 GiB heap
        CliProcess p = CliProcess.start(tmp, "1g", "sql", out.toString(), "--master", "local[1]",
                "SELECT size(collect_list(repeat('x', 1000))) FROM range(5000000)");
        int code = p.waitFor(5);
        String err = p.stderr();
        assertEquals(1, code, err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.strip().startsWith("initsweep: out of Java heap"), err);
        assertTrue(err.strip().endsWith("; or ask for fewer or smaller rows (LIMIT, --limit)"), err);
    }
}
