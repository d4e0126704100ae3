package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.core.regime.SignalGrowth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis on a real sweep of 20-layer networks: the critical multiplier of each activation
 * (linear and tanh 1, ReLU 2) classifies stable, m = 0.25 vanishing, m = 4 exploding.
 */
class RegimeAnalysisTest {

    @Test
    void regionsAroundTheCriticalLine(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.session("local[2]");
        try {
            String out = tmp.resolve("regimes").toString();
            SweepJob.run(spark, TestSpark.spec("""
                    {"name": "regimes", "depths": [20], "widths": [256], "activations": ["linear", "tanh", "relu"],
                     "inits": ["scaled_normal"], "multipliers": [0.25, 1, 2, 4], "seeds": [1, 2],
                     "samples": 256, "epochs": 0}
                    """), out, SweepJob.Options.defaults());
            Analysis.Summary s = Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, false);
            assertEquals(24, s.runs());
            assertEquals(12, s.cells());
            Map<String, String> regime = new HashMap<>();
            for (Row r : spark.read().parquet(out + "/regions").collectAsList()) {
                assertEquals(2L, (long) r.getAs("runs"), "two seeds per cell");
                regime.put(r.getAs("activation") + "@" + r.getAs("multiplier"), r.getAs("regime"));
            }
            assertEquals("stable", regime.get("linear@1.0"));
            assertEquals("stable", regime.get("tanh@1.0"));
            assertEquals("stable", regime.get("relu@2.0"));
            for (String act : new String[] {"linear", "tanh", "relu"}) {
                assertEquals("vanishing", regime.get(act + "@0.25"), act);
                assertEquals("exploding", regime.get(act + "@4.0"), act);
            }
            assertEquals("exploding", regime.get("linear@2.0"));
            assertEquals("vanishing", regime.get("relu@1.0"));
            long growthRows = spark.read().parquet(out + "/growth").count();
            assertEquals(24L * 21, growthRows, "one growth row per run and layer");
            // theory per hidden layer: a linear net at σ_b² = 0 multiplies q by m per layer, exactly
            Row[] linear = (Row[]) spark.sql("SELECT layer, predicted_var_z, predicted_var_a FROM parquet.`" + out
                    + "/growth` WHERE activation = 'linear' AND multiplier = 0.25 AND seed = 1 ORDER BY layer").collect();
            for (int l = 2; l <= 20; l++) {
                assertEquals(0.25, linear[l - 1].getDouble(1) / linear[l - 2].getDouble(1), 1e-12, "layer " + l);
            }
            // the output layer's single unit measures the spread across inputs, q·(1 − c): no prediction
            assertEquals(21, linear[20].getInt(0));
            assertEquals(true, linear[20].isNullAt(1) && linear[20].isNullAt(2), linear[20].toString());
            assertEquals(0L, spark.sql("SELECT * FROM parquet.`" + out + "/growth` WHERE layer > depth"
                    + " AND (predicted_var_z IS NOT NULL OR predicted_var_a IS NOT NULL)").count());
        } finally {
            spark.stop();
        }
    }
}
