package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.core.spec.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same spec gives identical rows whatever the master and task split. */
class DeterminismTest {

    @Test
    void localOneAndLocalTwoWriteIdenticalValues(@TempDir Path tmp) throws Exception {
        SweepSpec spec = TestSpark.spec("""
                {"name": "det", "depths": [3, 7], "widths": [8, 24], "activations": ["tanh", "relu"],
                 "inits": ["glorot_uniform", "orthogonal"], "multipliers": [0.5, 1.5], "seeds": [5],
                 "samples": 48, "batch_size": 16, "epochs": 4, "record_epochs": [0, 2, 4], "datasets": ["moons"]}
                """);
        List<List<Row>> one = run(spec, "local[1]", 1, tmp.resolve("one"));
        List<List<Row>> two = run(spec, "local[2]", 5, tmp.resolve("two"));
        for (int t = 0; t < one.size(); t++) {
            assertEquals(one.get(t).size(), two.get(t).size());
            assertEquals(one.get(t), two.get(t), "table " + t);
        }
        assertEquals(32, one.get(0).size());
    }

    /**
     * Full-batch runs train in vector lanes, grouped differently by one task and by five; both, and every
     * run trained alone (lanes off), write the same values.
     */
    @Test
    void runsInLanesWriteWhatTheyWriteAloneWhateverTheirBatch(@TempDir Path tmp) throws Exception {
        SweepSpec spec = TestSpark.spec("""
                {"name": "lanes", "depths": [3, 6], "widths": [4, 8], "activations": ["tanh", "relu"],
                 "inits": ["glorot_uniform", "orthogonal"], "multipliers": [0.5, 1.5, 4], "seeds": [5, 6],
                 "samples": 48, "batch_size": 48, "epochs": 4, "record_epochs": [0, 2, 4], "datasets": ["moons"]}
                """);
        List<List<Row>> one = run(spec, "local[1]", 1, tmp.resolve("one"));
        List<List<Row>> two = run(spec, "local[2]", 5, tmp.resolve("two"));
        List<List<Row>> alone;
        System.setProperty("initsweep.laneMaxParams", "0");
        try {
            alone = run(spec, "local[1]", 3, tmp.resolve("alone"));
        } finally {
            System.clearProperty("initsweep.laneMaxParams");
        }
        for (int t = 0; t < one.size(); t++) {
            assertEquals(one.get(t), two.get(t), "table " + t);
            assertEquals(one.get(t), alone.get(t), "table " + t + ", lanes against alone");
        }
        assertEquals(96, one.get(0).size());
        SparkSession spark = TestSpark.session("local[1]");
        try {
            List<Row> kernels = spark.read().parquet(tmp.resolve("one/runs").toString()).select("kernel").distinct()
                    .collectAsList();
            assertEquals(1, kernels.size());
            assertTrue(kernels.get(0).getString(0).startsWith("lanes"), kernels.toString());
        } finally {
            spark.stop();
        }
    }

    private static List<List<Row>> run(SweepSpec spec, String master, int tasks, Path out) throws Exception {
        SparkSession spark = TestSpark.session(master);
        try {
            SweepJob.run(spark, spec, out.toString(), new SweepJob.Options(false, tasks));
            return List.of(
                    spark.read().parquet(out.resolve("runs").toString()).drop("duration_ms", "kernel").orderBy("run_id").collectAsList(),
                    spark.read().parquet(out.resolve("layers").toString()).orderBy("run_id", "epoch", "layer").collectAsList(),
                    spark.read().parquet(out.resolve("epochs").toString()).orderBy("run_id", "epoch").collectAsList());
        } finally {
            spark.stop();
        }
    }
}
