package org.initsweep.cli;

import static org.initsweep.spark.TestSpark.MIB;
import static org.initsweep.spark.TestSpark.sparkConf;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.initsweep.core.spec.Preflight;
import org.initsweep.spark.TaskMemory;
import org.junit.jupiter.api.Test;

/** {@link RunCommand#checkMemory}: which memory a run is checked against, and what the refusal says. */
class MemoryCheckTest {


    @Test
    void aDeepNarrowFloat32RunIsCheckedAgainstTheHeapNotTheOverhead() {
        // depth 250, width 256: 437 MiB in Java arrays, 62.5 MiB in ND4J. 16 GiB executors of 4 cores:
        // heap (16384 − 300)·0.4/4 = 1608 MiB, overhead 1638/4 = 409.6 MiB per task
        Preflight run = new Preflight(1, 0, 437 * MIB, 63 * MIB, true);
        SparkConf big = sparkConf("spark.executor.memory", "16g", "spark.executor.cores", "4");
        assertDoesNotThrow(() -> RunCommand.checkMemory(run, big, "yarn"));
        // the same bytes as float64 all live in ND4J: over the overhead
        Preflight f64 = new Preflight(1, 0, 437 * MIB, 437 * MIB, false);
        org.initsweep.core.UserInputException e = assertThrows(org.initsweep.core.UserInputException.class,
                () -> RunCommand.checkMemory(f64, big, "yarn"));
        assertEquals("the largest run needs about 437.0 MiB of ND4J memory; a Spark task on yarn has 409.6 MiB"
                + " (raise spark.executor.memoryOverhead, or pass --ignore-memory-check)", e.getMessage());
    }

    @Test
    void bothShortfallsAreNamedInOneLine() {
        // Spark's default executor: 289.6 MiB of heap and 384 MiB of overhead per task
        Preflight run = new Preflight(1, 0, 500 * MIB, 400 * MIB, true);
        org.initsweep.core.UserInputException e = assertThrows(org.initsweep.core.UserInputException.class,
                () -> RunCommand.checkMemory(run, sparkConf(), "k8s://https://api:6443"));
        assertEquals("the largest run needs about 500.0 MiB of Java heap (float32 runs keep their values in Java arrays)"
                + " and 400.0 MiB of ND4J memory; a Spark task on k8s://https://api:6443 has 289.6 MiB and 384.0 MiB"
                + " (raise spark.executor.memory and spark.executor.memoryOverhead, or pass --ignore-memory-check)",
                e.getMessage());
    }

    @Test
    void inLocalModeTheAdviceIsTheJvmsHeap() {
        long tooMuch = Runtime.getRuntime().maxMemory() * 2;
        org.initsweep.core.UserInputException e = assertThrows(org.initsweep.core.UserInputException.class,
                () -> RunCommand.checkMemory(new Preflight(1, 0, tooMuch, tooMuch, true), sparkConf(), "local[1]"));
        // one setting sizes both budgets there
        assertTrue(e.getMessage().endsWith("(raise -Xmx (bin/initsweep: INITSWEEP_JAVA_OPTS=-Xmx…), or pass"
                + " --ignore-memory-check)"), e.getMessage());
    }

    @Test
    void sizesThatRoundAlikeArePrintedInMiB() {
        // 1170.2 MiB against 1168.8 MiB would both print as 1.1 GiB
        long have = TaskMemory.heapBudget(sparkConf("spark.executor.memory", "3222m"), "yarn");
        assertEquals(1168.8, have / (double) MIB, 0.05);
        org.initsweep.core.UserInputException e = assertThrows(org.initsweep.core.UserInputException.class, () -> RunCommand.checkMemory(
                new Preflight(1, 0, (long) (1170.2 * MIB), 0, true), sparkConf("spark.executor.memory", "3222m"), "yarn"));
        assertTrue(e.getMessage().startsWith("the largest run needs about 1170.2 MiB of Java heap"), e.getMessage());
        assertTrue(e.getMessage().contains("has 1168.8 MiB (raise"), e.getMessage());
    }

    @Test
    void aMalformedLocalMasterIsNamed() {
        org.initsweep.core.UserInputException e = assertThrows(org.initsweep.core.UserInputException.class,
                () -> RunCommand.checkMemory(new Preflight(1, 0, 1, 1, true), sparkConf(), "local[x]"));
        assertEquals("master local[x]: expected local, local[N], local[*], local[N,F] or local-cluster[W,C,M]",
                e.getMessage());
    }
}
