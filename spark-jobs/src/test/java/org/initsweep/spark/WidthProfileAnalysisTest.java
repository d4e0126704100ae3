package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.core.regime.SignalGrowth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis of a width-profile sweep: the article's §IV on a tapering linear network
 * (512 → 512, 256, 128, 64, 32 → 1) under fan_in, fan_out and fan_avg scaling, Var(W) = m/fan. By hand,
 * per hidden layer the forward variance is multiplied by m·fan_in/fan (ln of it is the forward rate)
 * and the backward one by m·fan_out/fan; the widths halve, so
 * <pre>
 *   mode      forward rate      backward rate     forward m_c   backward m_c
 *   fan_in    ln m              ln m + ln(1/2)    1             2
 *   fan_out   ln m + ln 2       ln m              1/2           1
 *   fan_avg   ln m + ln(4/3)    ln m + ln(2/3)    3/4           3/2
 * </pre>
 * {@code regions/} calls each direction's regime (stable within 1 decade over the 4 steps between
 * hidden layers: |rate| ≤ ln(10)/4 = 0.576), {@code agreement/} gives both critical points, measured
 * and predicted at the network's depth and widths.
 */
class WidthProfileAnalysisTest {

    private static final Map<String, double[]> CRITICAL = Map.of(
            "scaled_normal", new double[] {1, 2},
            "scaled_normal(mode=fan_out)", new double[] {0.5, 1},
            "scaled_normal(mode=fan_avg)", new double[] {0.75, 1.5});

    @TempDir
    static Path tmp;
    private static SparkSession spark;
    private static String out;
    private static Analysis.Summary summary;

    @BeforeAll
    static void sweep() throws Exception {
        spark = TestSpark.session("local[2]");
        out = tmp.resolve("profile").toString();
        SweepJob.run(spark, TestSpark.spec("""
                {"name": "profile", "widths": [[512, 256, 128, 64, 32]], "activations": ["linear"],
                 "inits": ["scaled_normal", {"scheme": "scaled_normal", "mode": "fan_out"},
                           {"scheme": "scaled_normal", "mode": "fan_avg"}],
                 "multipliers": [0.25, 0.5, 1, 2, 4], "seeds": [1, 2, 3], "samples": 512, "epochs": 0}
                """), out, SweepJob.Options.defaults());
        summary = Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, true);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void eachDirectionHasItsOwnRegime() {
        assertEquals(45, summary.runs());
        assertEquals(15, summary.cells());
        Map<String, Row> cells = new HashMap<>();
        for (Row r : spark.read().parquet(out + "/regions").collectAsList()) {
            // one vocabulary, one rule: theory (exact for linear nets) and measurement call every cell alike
            assertEquals(r.<String>getAs("regime"), r.getAs("predicted_regime"), r.toString());
            assertEquals(r.<String>getAs("forward_regime"), r.getAs("predicted_forward_regime"), r.toString());
            assertEquals(r.<String>getAs("backward_regime"), r.getAs("predicted_backward_regime"), r.toString());
            assertNull(r.getAs("width"));
            assertEquals("[512,256,128,64,32]", r.getAs("profile"));
            cells.put(r.getAs("init") + "@" + r.getAs("multiplier"), r);
        }
        // at m = 1: fan_in keeps the forward signal and loses ln 2 per layer backward; fan_out the reverse
        Row fanIn = cells.get("scaled_normal@1.0");
        assertEquals(0, fanIn.<Double>getAs("predicted_forward_rate"), 1e-9);
        assertEquals(Math.log(0.5), fanIn.<Double>getAs("predicted_backward_rate"), 1e-9);
        assertEquals(0, fanIn.<Double>getAs("forward_rate"), 0.1);
        assertEquals(Math.log(0.5), fanIn.<Double>getAs("backward_rate"), 0.1);
        assertEquals("stable", fanIn.getAs("forward_regime"));
        assertEquals("vanishing", fanIn.getAs("backward_regime"));
        assertEquals("stable", fanIn.getAs("predicted_forward_regime"));
        assertEquals("vanishing", fanIn.getAs("predicted_backward_regime"));

        Row fanOut = cells.get("scaled_normal(mode=fan_out)@1.0");
        assertEquals(Math.log(2), fanOut.<Double>getAs("predicted_forward_rate"), 1e-9);
        assertEquals(0, fanOut.<Double>getAs("predicted_backward_rate"), 1e-9);
        assertEquals(Math.log(2), fanOut.<Double>getAs("forward_rate"), 0.1);
        assertEquals(0, fanOut.<Double>getAs("backward_rate"), 0.1);
        assertEquals("exploding", fanOut.getAs("forward_regime"));
        assertEquals("stable", fanOut.getAs("backward_regime"));

        // Glorot splits the difference: 4/3 and 2/3 per layer, half a decade or less each way over 4 steps
        Row fanAvg = cells.get("scaled_normal(mode=fan_avg)@1.0");
        assertEquals(Math.log(4.0 / 3), fanAvg.<Double>getAs("forward_rate"), 0.1);
        assertEquals(Math.log(2.0 / 3), fanAvg.<Double>getAs("backward_rate"), 0.1);
        assertEquals("stable", fanAvg.getAs("forward_regime"));
        assertEquals("stable", fanAvg.getAs("backward_regime"));
    }

    @Test
    void agreementHasBothCriticalPoints() {
        assertEquals(3, summary.agreement().size());
        for (Row r : summary.agreement()) {
            double[] expected = CRITICAL.get(r.<String>getAs("init"));
            String init = r.getAs("init");
            assertEquals(5, (int) r.<Integer>getAs("depth"));
            assertEquals(expected[0], r.<Double>getAs("predicted_forward_critical_multiplier"), 1e-9, init);
            assertEquals(expected[1], r.<Double>getAs("predicted_backward_critical_multiplier"), 1e-9, init);
            // measured to within 0.1 nats of rate, i.e. a factor e^0.1 in m
            assertEquals(0, Math.log(r.<Double>getAs("measured_forward_critical_multiplier") / expected[0]), 0.1, init);
            assertEquals(0, Math.log(r.<Double>getAs("measured_critical_multiplier") / expected[1]), 0.1, init);
            // the rate errors are the mean |measured − predicted| over the group's cells of regions/
            for (String dir : new String[] {"forward", "backward"}) {
                double sum = 0;
                int n = 0;
                for (Row c : spark.sql("SELECT " + dir + "_rate, predicted_" + dir + "_rate FROM regions WHERE init = '"
                        + init + "'").collectAsList()) {
                    sum += Math.abs(c.getDouble(0) - c.getDouble(1));
                    n++;
                }
                assertEquals(5, n);
                assertEquals(sum / n, r.<Double>getAs(dir + "_rate_error"), 1e-12, dir + " " + init);
                assertTrue(sum / n < 0.1, "linear nets at widths ≥ 32 follow theory: " + sum / n);
            }
            // Var(a) near theory in log space: a run's ln Var(a^[l]) scatters by about √(Σ 2/n_k) ≤ 0.35 here
            assertTrue(r.<Double>getAs("var_a_log_error") < 0.25, init + ": " + r.getAs("var_a_log_error"));
            assertTrue(r.<Double>getAs("var_a_within_band") >= 0.95, init + ": " + r.getAs("var_a_within_band"));
        }
    }

    @Test
    void chartsAndReportCoverTheProfile() throws Exception {
        Path charts = tmp.resolve("profile/charts");
        assertTrue(Files.exists(charts.resolve("compare_layers_linear_w512-256-128-64-32_d5_sb0.0_gaussian_epoch0.png")));
        assertTrue(Files.exists(charts.resolve("regime_linear_scaled_normal_mode_fan_out__w512-256-128-64-32_sb0.0_gaussian.png")));
        String report = Files.readString(tmp.resolve("profile/report/index.html"));
        assertTrue(report.contains("widths [512,256,128,64,32]"), "the report names the profile");
    }
}
