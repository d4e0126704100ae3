package org.initsweep.spark;

import static org.initsweep.spark.TestSpark.MIB;
import static org.initsweep.spark.TestSpark.sparkConf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** {@link TaskMemory}: a task's share of the heap and of the off-heap memory, by hand. */
class TaskMemoryTest {


    @Test
    void aClusterTaskGetsTheUserShareOfItsExecutorsHeap() {
        // conf/cluster/spark-defaults.conf: 4 GiB heap, 4 cores: (4096 − 300) MiB · 0.4 / 4
        SparkConf c = sparkConf("spark.executor.memory", "4g", "spark.executor.cores", "4");
        assertEquals((long) ((4096 - 300) * MIB * 0.4) / 4, TaskMemory.heapBudget(c, "yarn"));
        // a larger fraction for Spark leaves less; two CPUs per task halve the slots
        c.set("spark.memory.fraction", "0.75").set("spark.task.cpus", "2");
        assertEquals((long) ((4096 - 300) * MIB * 0.25) / 2, TaskMemory.heapBudget(c, "spark://host:7077"));
        // Spark's default executor: 1 GiB, one core
        assertEquals((long) ((1024 - 300) * MIB * 0.4), TaskMemory.heapBudget(sparkConf(), "k8s://https://api:6443"));
    }

    @Test
    void localTasksShareThisJvmsHeap() {
        long max = Runtime.getRuntime().maxMemory();
        assertEquals((long) ((max - 300 * MIB) * 0.4) / 3, TaskMemory.heapBudget(sparkConf(), "local[3]"));
        assertEquals((long) ((max - 300 * MIB) * 0.4), TaskMemory.heapBudget(sparkConf(), "local"));
    }

    @Test
    void aClusterTaskGetsItsSlotsShareOfTheOverhead() {
        assertEquals(512 * MIB, TaskMemory.budget(sparkConf("spark.executor.memoryOverhead", "2g", "spark.executor.cores", "4"),
                "yarn"));
        // Spark's default overhead: max(384 MiB, 10% of the heap)
        assertEquals(384 * MIB, TaskMemory.budget(sparkConf(), "yarn"));
        assertEquals(8192 * MIB / 10, TaskMemory.budget(sparkConf("spark.executor.memory", "8g"), "yarn"));
    }

    @Test
    void localClusterExecutorsHaveTheirOwnCoresAndMemory() {
        // local-cluster[workers, cores per worker, MiB per worker]: executors of spark.executor.memory (1g)
        assertEquals((long) ((1024 - 300) * MIB * 0.4) / 2, TaskMemory.heapBudget(sparkConf(), "local-cluster[2,2,4096]"));
        assertEquals((long) ((2048 - 300) * MIB * 0.4) / 2,
                TaskMemory.heapBudget(sparkConf("spark.executor.memory", "2g"), "local-cluster[2,2,4096]"));
        assertEquals(384 * MIB / 2, TaskMemory.budget(sparkConf(), "local-cluster[2,2,1024]"));
        assertFalse(TaskMemory.inThisJvm(sparkConf(), "local-cluster[2,2,1024]"));
        assertTrue(TaskMemory.inThisJvm(sparkConf(), "local[*,3]"));
    }

    @Test
    void theOverheadFollowsItsFactorAndMinimum() {
        SparkConf c = sparkConf("spark.executor.memory", "4g", "spark.executor.memoryOverheadFactor", "0.5");
        assertEquals(2048 * MIB, TaskMemory.budget(c, "yarn"));
        assertEquals(512 * MIB, TaskMemory.budget(sparkConf("spark.executor.minMemoryOverhead", "512m"), "yarn"));
        assertEquals(300 * MIB, TaskMemory.budget(sparkConf("spark.executor.memoryOverhead", "300"), "yarn"), "MiB");
    }

    @Test
    void localSlotsAreCoresOverTaskCpus() {
        long max = Runtime.getRuntime().maxMemory();
        assertEquals((long) ((max - 300 * MIB) * 0.4) / 2, TaskMemory.heapBudget(sparkConf("spark.task.cpus", "2"),
                "local[ 4 , 2 ]"));
    }

    @Test
    void javaCppsLimitIsReadAsJavaCppReadsIt() {
        long heap = 1000 * MIB;
        String lower = "org.bytedeco.javacpp.maxbytes";
        String camel = "org.bytedeco.javacpp.maxBytes";
        try {
            assertEquals(heap, TaskMemory.javaCppLimit(heap), "unset: the heap");
            System.setProperty(lower, "0");
            assertEquals(Long.MAX_VALUE, TaskMemory.javaCppLimit(heap), "0: no limit");
            System.setProperty(lower, "50%");
            assertEquals(500 * MIB, TaskMemory.javaCppLimit(heap));
            System.setProperty(camel, "100m");
            assertEquals(100 * MIB, TaskMemory.javaCppLimit(heap), "maxBytes wins over maxbytes");
            System.setProperty(camel, "lots");
            org.initsweep.core.UserInputException e = assertThrows(org.initsweep.core.UserInputException.class, () -> TaskMemory.javaCppLimit(heap));
            assertEquals("org.bytedeco.javacpp.maxBytes must be a size such as 4g or a percentage of the heap such as 50%,"
                    + " got lots", e.getMessage());
        } finally {
            System.clearProperty(lower);
            System.clearProperty(camel);
        }
    }

    @Test
    void aSizeThatIsNotOneIsNamed() {
        org.initsweep.core.UserInputException e = assertThrows(org.initsweep.core.UserInputException.class,
                () -> TaskMemory.heapBudget(sparkConf("spark.executor.memory", "lots"), "yarn"));
        assertEquals("spark.executor.memory must be a size such as 512m or 4g, got lots", e.getMessage());
        e = assertThrows(org.initsweep.core.UserInputException.class,
                () -> TaskMemory.budget(sparkConf("spark.executor.memoryOverhead", "0.5g"), "yarn"));
        assertEquals("spark.executor.memoryOverhead must be a size such as 512m or 4g, got 0.5g", e.getMessage());
    }

    @Test
    void aMemoryFractionOutsideItsRangeIsRefused() {
        org.initsweep.core.UserInputException e = assertThrows(org.initsweep.core.UserInputException.class,
                () -> TaskMemory.heapBudget(sparkConf("spark.memory.fraction", "1.5"), "yarn"));
        assertEquals("spark.memory.fraction must be in [0, 1), got 1.5", e.getMessage());
    }
}
