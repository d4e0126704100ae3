package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.regime.SignalGrowth;
import org.initsweep.core.theory.DynamicalIsometry;
import org.initsweep.core.theory.DynamicalIsometry.Spectrum;
import org.initsweep.core.theory.DynamicalIsometry.Weights;
import org.initsweep.core.theory.Nonlinearity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isometry/} on a real sweep: at their critical points (tanh m = 1, ReLU m = 2, σ_b² = 0)
 * free probability predicts a relative eigenvalue variance of JJᵀ of L(μ₂/μ₁² − 1 − s₁): tanh has
 * μ₁ = μ₂ = φ'(0)² = 1 at q* = 0, so L for Gaussian weights (s₁ = −1) and 0 for orthogonal (s₁ = 0);
 * ReLU has μ₁ = μ₂ = 1/2, so 2L and L (Pennington, Schoenholz &amp; Ganguli 2017). tanh's q^l only
 * approaches q* = 0 algebraically (≈ 1/(2l)), so the prediction is taken along the path from the runs'
 * q⁰ = {@code input_var}, layer by layer. The measured spectra (width 64, two seeds) follow: orthogonal below
 * Gaussian at every depth, every relative variance within 0.35 nats of the prediction, tanh's mean eigenvalue
 * within 0.25.
 */
class IsometryAnalysisTest {

    @Test
    void orthogonalWeightsKeepTheJacobianSpectrumNarrowAsTheoryPredicts(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.session("local[2]");
        try {
            String out = tmp.resolve("iso").toString();
            SweepJob.run(spark, TestSpark.spec("""
                    {"name": "iso", "depths": [4, 8], "widths": [64], "activations": ["tanh", "relu"],
                     "inits": ["scaled_normal", "orthogonal"], "multipliers": [1, 2], "seeds": [1, 2],
                     "samples": 64, "epochs": 0, "jacobian": true}
                    """), out, SweepJob.Options.defaults());
            Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, true);
            Map<String, Row> cells = new HashMap<>();
            for (Row r : spark.read().parquet(out + "/isometry").collectAsList()) {
                assertEquals(2L, (long) r.<Long>getAs("runs"));
                cells.put(r.getAs("activation") + "|" + r.getAs("init") + "|" + r.getAs("multiplier") + "|"
                        + r.getAs("depth"), r);
            }
            assertEquals(16, cells.size());
            double q0 = spark.read().parquet(out + "/runs").agg(org.apache.spark.sql.functions.avg("input_var"))
                    .first().getDouble(0);
            assertEquals(1, q0, 0.2, "the gaussian dataset's 64 samples of 2 features");
            for (int depth : new int[] {4, 8}) {
                Row tanhGauss = cells.get("tanh|scaled_normal|1.0|" + depth);
                Row tanhOrth = cells.get("tanh|orthogonal|1.0|" + depth);
                Row reluGauss = cells.get("relu|scaled_normal|2.0|" + depth);
                Row reluOrth = cells.get("relu|orthogonal|2.0|" + depth);
                assertEquals("gaussian", tanhGauss.getAs("weights"));
                assertEquals("orthogonal", tanhOrth.getAs("weights"));
                // along q^l from the runs' q⁰, not at q* = 0: each layer adds μ₂/μ₁² − 1 − s₁ and ln(σ_w²μ₁) at
                // its own q^l
                Spectrum gauss = DynamicalIsometry.predictAlongPath(Nonlinearity.of(Activation.TANH), 1, 0, depth,
                        Weights.GAUSSIAN, q0);
                Spectrum orth = DynamicalIsometry.predictAlongPath(Nonlinearity.of(Activation.TANH), 1, 0, depth,
                        Weights.ORTHOGONAL, q0);
                assertEquals(gauss.relativeVariance(), predicted(tanhGauss), 1e-12 * depth);
                assertEquals(orth.relativeVariance(), predicted(tanhOrth), 1e-12 * depth);
                assertEquals(depth, gauss.relativeVariance() - orth.relativeVariance(), 1e-9 * depth,
                        "Gaussian weights' s₁ = −1 adds 1 per layer");
                assertTrue(orth.relativeVariance() > 0.5, "q^l > 0 at every finite depth: μ₂/μ₁² > 1");
                assertEquals(2 * depth, predicted(reluGauss), 1e-3 * depth);
                assertEquals(depth, predicted(reluOrth), 1e-3 * depth);
                // the mean eigenvalue shrinks as q^l → 0 slowly: measured as predicted on the path
                for (Row tanh : new Row[] {tanhGauss, tanhOrth}) {
                    double predictedLogMean = tanh.<Double>getAs("predicted_log_mean_eig");
                    assertEquals(gauss.logMean(), predictedLogMean, 1e-12 * depth);
                    assertTrue(predictedLogMean < -1, "not the q* prediction 0: " + predictedLogMean);
                    assertEquals(predictedLogMean, Math.log(tanh.<Double>getAs("mean_eig")), 0.25, tanh.toString());
                }
                assertEquals(0, Math.log(measured(tanhOrth) / predicted(tanhOrth)), 0.35, tanhOrth.toString());
                assertEquals(0, Math.log(measured(reluGauss) / predicted(reluGauss)), 0.35, reluGauss.toString());
                assertEquals(0, Math.log(measured(reluOrth) / predicted(reluOrth)), 0.35, reluOrth.toString());
                assertEquals(0, Math.log(measured(tanhGauss) / predicted(tanhGauss)), 0.35, tanhGauss.toString());
                assertTrue(measured(reluOrth) < 0.7 * measured(reluGauss), "ReLU: orthogonal narrower");
                assertTrue(measured(tanhOrth) < 0.25 * measured(tanhGauss), "tanh: orthogonal near isometry");
            }
            try (var files = Files.list(tmp.resolve("iso/charts"))) {
                assertEquals(4, files.filter(p -> p.getFileName().toString().startsWith("isometry_")).count(),
                        "one chart per activation and m");
            }
            // two init schemes: compare/ is written and shown in the report as a table
            assertEquals(8, spark.read().parquet(out + "/compare").count(), "one pair of inits × 2 activations × 2 m × 2 depths");
            String page = Files.readString(tmp.resolve("iso/report/index.html"));
            assertTrue(page.contains("\"table\":\"compare\""), "the report holds the compare/ table");
        } finally {
            spark.stop();
        }
    }

    /**
     * A linear net of depth 30 at m = 10⁻⁶ has JJᵀ's eigenvalues ≈ (10⁻⁶)³⁰ = 10⁻¹⁸⁰, whose square underflows to 0
     * (the analysis once divided by it and failed with DIVIDE_BY_ZERO): its mean eigenvalue is still
     * reported, its relative variance is null, and the cell at m = 1 keeps both (for a linear Gaussian
     * product of L layers of width n ≈ L/n, here 30/4 with n^[0] = 2 inputs, so only O(1) is asserted).
     */
    @Test
    void aSpectrumBelowDoublesSquareRangeHasAMeanButNoRelativeVariance(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.session("local[1]");
        try {
            String out = tmp.resolve("tiny").toString();
            SweepJob.run(spark, TestSpark.spec("""
                    {"name": "tiny", "depths": [30], "widths": [4], "activations": ["linear"],
                     "inits": ["scaled_normal"], "multipliers": [0.000001, 1], "seeds": [1], "precision": "float64",
                     "samples": 16, "epochs": 0, "jacobian": true}
                    """), out, SweepJob.Options.defaults());
            Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, true);
            Map<Double, Row> byM = new HashMap<>();
            for (Row r : spark.read().parquet(out + "/isometry").collectAsList()) {
                byM.put(r.<Double>getAs("multiplier"), r);
            }
            Row vanished = byM.get(0.000001);
            double mean = vanished.<Double>getAs("mean_eig");
            assertTrue(mean > 0 && mean < 1e-160, vanished.toString());
            assertTrue(vanished.isNullAt(vanished.fieldIndex("relative_variance")), vanished.toString());
            Row critical = byM.get(1.0);
            double rv = critical.<Double>getAs("relative_variance");
            assertTrue(rv > 0.1 && rv < 100, critical.toString());
        } finally {
            spark.stop();
        }
    }

    /**
     * On the 8×8 digits (64 features of second moment {@code input_var} ≈ 0.83, not 1) a Glorot net of width 16
     * has a first layer of σ_w² = 2·64/80 = 1.6 and square layers of σ_w² = 1 after it. A linear Jacobian's mean
     * eigenvalue is then the product of the layers' σ_w², 1.6 (ln 0.47), where one σ_w² for all layers said 1
     * (ln 0); tanh's path starts at q¹ = 1.6·input_var.
     */
    @Test
    void theFirstLayerOfARealDatasetIsPredictedFromItsOwnFansAndInputVariance(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.session("local[2]");
        try {
            String out = tmp.resolve("digits").toString();
            var spec = TestSpark.spec("""
                    {"name": "digits", "depths": [3], "widths": [16], "activations": ["linear", "tanh"],
                     "inits": ["glorot_normal"], "seeds": [1, 2, 3], "datasets": ["digits"], "samples": 64,
                     "epochs": 0, "jacobian": true}
                    """);
            var data = org.initsweep.spark.data.SweepData.load(spec, tmp.resolve("data").toString(), () -> spark,
                    new org.initsweep.core.data.MemoryBudget(1L << 30, "test"));
            SweepJob.run(spark, spec, out, SweepJob.Options.defaults(), data);
            Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, false);
            double q0 = spark.read().parquet(out + "/runs").agg(org.apache.spark.sql.functions.avg("input_var"))
                    .first().getDouble(0);
            // standardized per feature, but the pixels constant in a seed's 64 samples are 0: q⁰ = the others' share
            assertEquals(0.83, q0, 0.05);
            Map<String, Row> cells = new HashMap<>();
            for (Row r : spark.read().parquet(out + "/isometry").collectAsList()) {
                cells.put(r.getAs("activation"), r);
            }
            Row linear = cells.get("linear");
            assertEquals(Math.log(1.6), linear.<Double>getAs("predicted_log_mean_eig"), 1e-12);
            assertEquals(Math.log(1.6), Math.log(linear.<Double>getAs("mean_eig")), 0.2, linear.toString());
            Row tanh = cells.get("tanh");
            double expected = DynamicalIsometry.predictAlongPath(Nonlinearity.of(Activation.TANH), 1.6, 1, 0, 3,
                    Weights.GAUSSIAN, q0).logMean();
            assertEquals(expected, tanh.<Double>getAs("predicted_log_mean_eig"), 1e-12);
            assertEquals(expected, Math.log(tanh.<Double>getAs("mean_eig")), 0.25, tanh.toString());
        } finally {
            spark.stop();
        }
    }

    private static double predicted(Row r) {
        return r.<Double>getAs("predicted_relative_variance");
    }

    private static double measured(Row r) {
        return r.<Double>getAs("relative_variance");
    }
}
