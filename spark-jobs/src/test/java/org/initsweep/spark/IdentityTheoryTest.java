package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.core.regime.SignalGrowth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * W = α·I in a linear network, measured beside theory: each square hidden layer multiplies Var(z)
 * and Var(∂J/∂a) by α², so both rates are ln α² per layer in the traces and in regions/'s prediction;
 * a tanh network with the same init gets no prediction (its units are not Gaussian).
 */
class IdentityTheoryTest {

    @Test
    void ratesAreLnAlphaSquaredMeasuredAndPredicted(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.session("local[2]");
        try {
            String out = tmp.resolve("identity").toString();
            SweepJob.run(spark, TestSpark.spec("""
                    {"name": "identity", "depths": [8], "widths": [16], "activations": ["linear", "tanh"],
                     "inits": [{"scheme": "identity_scaled", "alpha": 0.8}, {"scheme": "identity_scaled", "alpha": 1.25}],
                     "seeds": [1, 2], "samples": 128, "epochs": 0}
                    """), out, SweepJob.Options.defaults());
            Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, false);
            List<Row> regions = spark.read().parquet(out + "/regions").where("activation = 'linear'").collectAsList();
            assertEquals(2, regions.size());
            for (Row r : regions) {
                double alpha = r.<String>getAs("init").contains("0.8") ? 0.8 : 1.25;
                double rate = Math.log(alpha * alpha);
                assertEquals(rate, r.<Double>getAs("predicted_forward_rate"), 1e-12, r.toString());
                assertEquals(rate, r.<Double>getAs("predicted_backward_rate"), 1e-12, r.toString());
                assertEquals(rate, r.<Double>getAs("forward_rate"), 1e-4, "measured, float32: " + r);
                assertEquals(rate, r.<Double>getAs("backward_rate"), 1e-4, "measured, float32: " + r);
                assertEquals(alpha * alpha, r.<Double>getAs("chi1"), 1e-12);
                assertEquals(alpha < 1 ? "vanishing" : "exploding", r.<String>getAs("chi1_regime"));
                assertEquals(r.<String>getAs("regime"), r.<String>getAs("predicted_regime"), "same call, same rule");
                assertNull(r.getAs("critical_multiplier"), "no multiplier, so no critical one");
            }
            Row tanh = spark.read().parquet(out + "/regions").where("activation = 'tanh'").first();
            assertNull(tanh.getAs("predicted_forward_rate"));
            Row layer = spark.read().parquet(out + "/growth")
                    .where("activation = 'linear' AND layer = 3 AND seed = 1 AND init LIKE '%1.25%'").first();
            // the input's second moment through 2 of 16 units, then α² per layer: measured on the same data
            assertEquals(layer.<Double>getAs("var_a"), layer.<Double>getAs("predicted_var_a"),
                    1e-3 * layer.<Double>getAs("var_a"), layer.toString());
            assertNull(layer.getAs("predicted_ln_var_a_sd"), "no spread of random weights to show");
        } finally {
            spark.stop();
        }
    }
}
