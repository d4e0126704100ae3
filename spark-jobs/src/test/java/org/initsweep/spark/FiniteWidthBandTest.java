package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.core.regime.SignalGrowth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Narrow ReLU networks against theory's finite-width band (issue 16.2): at width 16 and depth 10 one
 * input's ln Var(a^[l]) scatters by s_l = √(5·l/16) (1.77 nats at layer 10) about ln(predicted) −
 * s_l²/2, so a relative error ("187%") says little, while the band holds the layers. The measured
 * variance averages over a batch of 256 inputs, which scatters less (the band bounds it): all 200
 * layers inside, the mean of ln(measured/predicted) at layer 10 −1.15 between 0 and −s²/2 = −1.56.
 */
class FiniteWidthBandTest {

    @Test
    void narrowReluLayersFallInsideTheBand(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.session("local[2]");
        String out = tmp.resolve("band").toString();
        try {
            SweepJob.run(spark, TestSpark.spec("""
                    {"name": "band", "depths": [10], "widths": [16], "activations": ["relu"], "inits": ["he_normal"],
                     "multipliers": [1], "seeds": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
                     "samples": 256, "epochs": 0}
                    """), out, SweepJob.Options.defaults());
            Analysis.Summary summary = Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, false);
            List<Row> layers = spark.sql("""
                    SELECT layer, avg(predicted_ln_var_a_sd) AS s, avg(ln(var_a / predicted_var_a)) AS bias, count(*) AS runs,
                           max(predicted_ln_var_a_sd) - min(predicted_ln_var_a_sd) AS spread_range
                    FROM growth WHERE layer <= depth GROUP BY layer ORDER BY layer
                    """).collectAsList();
            assertEquals(10, layers.size(), "one spread per hidden layer: " + layers);
            for (Row r : layers) {
                int l = r.getInt(0);
                assertEquals(Math.sqrt(5.0 * l / 16), r.getDouble(1), 1e-9, "ReLU: s_l² = Σ 5/n");
                assertEquals(20L, r.getLong(3));
                assertEquals(0, r.getDouble(4), 1e-12, "the same for every run (ReLU's κ does not depend on q)");
            }
            Row deepest = layers.get(9);
            double s = deepest.getDouble(1);
            // 20 runs: the mean of ln(measured/predicted) has a standard error of at most s/√20 = 0.4
            double bias = deepest.getDouble(2);
            assertTrue(bias < 0 && bias > -s * s / 2 - 0.8, "the typical network lies below theory's mean, by at most "
                    + "s²/2 = " + s * s / 2 + ": " + bias);
            Row agreement = summary.agreement().get(0);
            double within = agreement.<Double>getAs("var_a_within_band");
            assertTrue(within >= 0.95 && within <= 1, "share of the 200 layers inside the band: " + within);
            assertTrue(agreement.<Double>getAs("var_a_log_error") > 0.5, "yet they are far from theory in log space: "
                    + agreement.getAs("var_a_log_error"));
        } finally {
            spark.stop();
        }
    }
}
