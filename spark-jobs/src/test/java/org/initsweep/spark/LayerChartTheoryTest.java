package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.analysis.ChartGroup;
import org.initsweep.analysis.DeepestCurves;
import org.initsweep.analysis.PredictedCurves;
import org.initsweep.analysis.ResultViews;
import org.initsweep.core.regime.SignalGrowth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashed theory of the {@code layers_*} charts is the prediction for the runs' own data, as in
 * {@code growth/} and the report: on the 8×8 digits (64 features of second moment {@code input_var}, not 1)
 * a linear net's Var(a¹) = σ_w²(layer 1)·input_var, by hand.
 */
class LayerChartTheoryTest {

    @Test
    void aLayerChartsTheoryStartsFromTheRunsOwnInputs(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.session("local[1]");
        try {
            String out = tmp.resolve("digits").toString();
            var spec = TestSpark.spec("""
                    {"name": "digits", "depths": [3], "widths": [16], "activations": ["linear"],
                     "inits": ["lecun_normal", "glorot_normal"], "multipliers": [1], "seeds": [1], "epochs": 0,
                     "datasets": ["digits"]}
                    """);
            var data = org.initsweep.spark.data.SweepData.load(spec, tmp.resolve("data").toString(), () -> spark,
                    new org.initsweep.core.data.MemoryBudget(1L << 30, "test"));
            SweepJob.run(spark, spec, out, SweepJob.Options.defaults(), data);
            Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, false);
            ResultViews.register(spark, out);
            Row run = spark.sql("SELECT first(input_var) AS q0, count(DISTINCT input_var) AS n FROM runs").first();
            double q0 = run.getDouble(0);
            assertEquals(1L, run.getLong(1));
            DeepestCurves.Reading reading = new DeepestCurves.Reading(spark);
            // LeCun: Var(W) = 1/fan_in at every layer, so each linear layer keeps the input's second moment
            double[][] lecun = PredictedCurves.forLine(reading.predicted().get(group("lecun_normal")), 1.0, 0);
            for (int l = 0; l < 3; l++) {
                assertEquals(q0, lecun[0][l], 1e-9 * q0, "layer " + (l + 1) + " of q0 = " + q0);
            }
            // Glorot's first layer reads 64 features into 16 units: σ_w² = 2·64/(64 + 16) = 1.6, then 1
            double[][] glorot = PredictedCurves.forLine(reading.predicted().get(group("glorot_normal")), 1.0, 0);
            assertEquals(1.6 * q0, glorot[0][0], 1e-9 * q0);
            assertEquals(1.6 * q0, glorot[0][2], 1e-9 * q0);
            assertEquals(Double.NaN, lecun[1][3], "the output layer's gradient is no hidden one");
            assertNull(PredictedCurves.forLine(reading.predicted().get(group("lecun_normal")), 1.0, 1)[0],
                    "after training: no theory");
        } finally {
            spark.stop();
        }
    }

    private static ChartGroup group(String init) {
        return new ChartGroup("linear", init, 16, null, 0.0, "digits");
    }
}
