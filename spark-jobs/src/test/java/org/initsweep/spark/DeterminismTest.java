package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static List<List<Row>> run(SweepSpec spec, String master, int tasks, Path out) throws Exception {
        SparkSession spark = TestSpark.session(master);
        try {
            SweepJob.run(spark, spec, out.toString(), new SweepJob.Options(false, tasks));
            return List.of(
                    spark.read().parquet(out.resolve("runs").toString()).drop("duration_ms").orderBy("run_id").collectAsList(),
                    spark.read().parquet(out.resolve("layers").toString()).orderBy("run_id", "epoch", "layer").collectAsList(),
                    spark.read().parquet(out.resolve("epochs").toString()).orderBy("run_id", "epoch").collectAsList());
        } finally {
            spark.stop();
        }
    }
}
