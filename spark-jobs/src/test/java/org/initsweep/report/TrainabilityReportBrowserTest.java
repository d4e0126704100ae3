package org.initsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.analysis.report.HtmlReport;
import org.initsweep.core.regime.SignalGrowth;
import org.initsweep.spark.SweepJob;
import org.initsweep.spark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep with a test split (generated data with test_fraction), judged on its training set and with
 * the Jacobian measured, gets the report's trainability section (the train-accuracy heatmap and the
 * learning curves, named so, and the deepest-trained table) and its isometry section (a chart per
 * activation × m, drawn on the page instead of shown as the analysis's PNG), with m from 1 to 16 on a log
 * axis, all drawn in Chromium
 * without errors and passing the page's self-check.
 */
class TrainabilityReportBrowserTest {

    @Test
    void trainabilityAndIsometrySectionsAreDrawn(@TempDir Path tmp) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        String out = tmp.resolve("t").toString();
        Analysis.Summary summary = TestSpark.sweepAndAnalyze("""
                {"name": "t", "depths": [2, 4], "widths": [8], "activations": ["tanh"], "inits": ["lecun_normal"],
                 "multipliers": [1, 2, 16], "sigma_b2": [0.05], "seeds": [1, 2], "epochs": 4, "test_fraction": 0.25,
                 "learning_rate": 0.5, "record_epochs": [0],
                 "target_split": "train", "jacobian": true}""", out);
        assertEquals(5, summary.trainability().size(), "header, column names, one line for each of the three σ_w²: "
                + summary.trainability());
        Path page = Path.of(out, HtmlReport.DIR, HtmlReport.FILE);
        HeadlessChromium.Output dom = chromium.dumpDom(page, 1400, 1000);
        assertEquals(List.of(), dom.consoleLines(), "the page wrote to the console");
        JsonNode check = HeadlessChromium.selfcheck(dom.stdout());
        assertEquals(0, check.path("errors").size(), "errors in the page: " + check.path("errors"));
        assertEquals(0, check.path("problems").size(), "self-check problems: " + check.path("problems"));
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (JsonNode c : check.path("charts")) {
            kinds.merge(c.path("kind").asText(), 1, Integer::sum);
        }
        assertEquals(1, kinds.get("trainability"), kinds.toString());
        for (JsonNode c : check.path("charts")) {
            if (c.path("kind").asText().equals("trainability")) {
                assertEquals("[\"2\",\"4\"]", c.path("depth_labels").toString(), "the swept depths, as the PNG ticks them");
            }
        }
        assertEquals(3, kinds.get("isometry"), "one per m: " + kinds);
        // m from 1 to 16: the heatmap's m axis is logarithmic, as on the PNG
        assertTrue(dom.stdout().contains("\"log_m\":true"), "a log m axis");
        for (JsonNode c : check.path("charts")) {
            if (c.path("kind").asText().equals("isometry")) {
                assertEquals(1, c.path("colours").size(), "one init, measured: " + c);
                assertTrue(c.path("data_pixels").asInt() >= 40, c.toString());
                assertEquals(1, c.path("log_axes").size(), c.toString());
            }
        }
        assertTrue(dom.stdout().contains("Trainability: train accuracy beside"), "judged on the training set");
        assertTrue(dom.stdout().contains("A cell trained when its mean train accuracy is at least"),
                "the section says which accuracy");
        assertTrue(dom.stdout().contains("Dynamical isometry: the Jacobian"), "the isometry section is on the page");
        assertTrue(!dom.stdout().contains("<img src=\"../charts/isometry_"), "drawn, not shown as a PNG under More charts");
        assertTrue(dom.stdout().contains("Deepest depth trained per σ_w² beside 6·ξ_c"), "the bound table is on the page");
        assertTrue(dom.stdout().contains("Learning curves at depth"), "the learning curves are on the page");
        // each drawn chart links the analysis's PNG of it
        assertTrue(dom.stdout().contains("\"png\":\"../charts/trainability_tanh_lecun_normal_w8"), "the heatmap's PNG");
        assertTrue(dom.stdout().contains("\"learning_png\":\"../charts/learning_tanh_lecun_normal_w8"),
                "the learning curves' PNG");
    }

    /**
     * ReLU at η = 0.5 on moons and xor: every run of depth 10, m = 16 diverges (grey, not the page's white), and
     * each dataset's default target is 0.9 × its own best cell (moons 0.8613, xor 0.8824; by moons' own scale
     * its depth-2 m = 1 cell, 0.877, trained, which xor's target would deny).
     */
    @Test
    void eachDatasetsTargetAndTheCellsWhereEveryRunDivergedAreOnThePage(@TempDir Path tmp) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        String out = tmp.resolve("d").toString();
        SparkSession spark = TestSpark.session("local[2]");
        try {
            SweepJob.run(spark, TestSpark.spec("""
                    {"name": "d", "depths": [2, 10], "widths": [16], "activations": ["relu"], "inits": ["he_normal"],
                     "multipliers": [1, 16], "sigma_b2": [0.05], "seeds": [1, 2], "epochs": 3, "batch_size": 64,
                     "learning_rate": 0.5, "record_epochs": [0], "datasets": ["xor", "moons"],
                     "target_split": "train"}"""), out, SweepJob.Options.defaults());
            Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, true);
            List<org.apache.spark.sql.Row> diverged = spark.sql("SELECT dataset FROM trainability"
                    + " WHERE diverged_runs = runs ORDER BY dataset").collectAsList();
            assertEquals("[[moons], [xor]]", diverged.toString(), "the premise: one such cell per dataset");
            List<org.apache.spark.sql.Row> targets = spark.sql("SELECT DISTINCT dataset, target_accuracy"
                    + " FROM trainability ORDER BY dataset").collectAsList();
            assertEquals(2, targets.size(), targets.toString());
            assertTrue(targets.get(0).getDouble(1) != targets.get(1).getDouble(1), targets.toString());
        } finally {
            spark.stop();
        }
        Path page = Path.of(out, HtmlReport.DIR, HtmlReport.FILE);
        HeadlessChromium.Output dom = chromium.dumpDom(page, 1400, 1000);
        JsonNode check = HeadlessChromium.selfcheck(dom.stdout());
        assertEquals(0, check.path("errors").size(), "errors in the page: " + check.path("errors"));
        assertEquals(0, check.path("problems").size(), "self-check problems: " + check.path("problems"));
        int heatmaps = 0;
        for (JsonNode c : check.path("charts")) {
            if (c.path("kind").asText().equals("trainability")) {
                heatmaps++;
                assertTrue(c.path("colours").path("#C0C0C0").asInt() > 1000, "the diverged cell drawn grey: " + c);
            }
        }
        assertEquals(2, heatmaps, "one per dataset");
        assertTrue(dom.stdout().contains("Grey: no accuracy (every run of the cell diverged"), "the caption says what grey is");
        assertTrue(dom.stdout().matches("(?s).*is at least 0\\.\\d+ on moons, 0\\.\\d+ on xor \\(trainability/.*"),
                "each dataset's target named");
    }

    /**
     * A width profile ([8,4], one depth: 2) of tanh at σ_b² = 0 over m = 0.1, 1, 2 (a log axis): the group's header
     * names the profile, not "width n = null"; the depth axis labels whole layers only; the bound is drawn over the
     * left half of the m = 0.1 cell (m from 0.03, 6·ξ_∇ ≈ 1.7 there) as on the PNG; the page says the bound is 6·ξ_∇
     * where σ_b² = 0 leaves q* = 0; the learning curves' target label is not cut at the chart's edge; and the bound
     * table's long theory_note does not make its row many lines tall.
     */
    @Test
    void aWidthProfileOfOneDepthAtZeroBiasReadsRight(@TempDir Path tmp) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        String out = tmp.resolve("p").toString();
        TestSpark.sweepAndAnalyze("""
                {"name": "p", "widths": [[8, 4]], "activations": ["tanh"], "inits": ["lecun_normal"],
                 "multipliers": [0.1, 1, 2], "sigma_b2": [0], "seeds": [1], "epochs": 2, "batch_size": 64,
                 "learning_rate": 0.5, "record_epochs": [0], "target_split": "train"}""", out);
        Path page = Path.of(out, HtmlReport.DIR, HtmlReport.FILE);
        HeadlessChromium.Output dom = chromium.dumpDom(page, 1400, 1000);
        String html = dom.stdout();
        JsonNode check = HeadlessChromium.selfcheck(html);
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertEquals(0, check.path("errors").size(), "errors in the page: " + check.path("errors")),
                () -> assertTrue(!html.contains("width n = null") && html.contains("widths [8,4], σ_b² = 0"),
                        "the group header names the profile"),
                () -> assertEquals(0, check.path("problems").size(), "self-check problems: " + check.path("problems")),
                () -> assertTrue(html.contains("the gradients vanish by \u03c7\u2081 per layer: the bound is their"
                        + " 6\u00b7\u03be_\u2207"), "the section says where the bound is 6\u00b7\u03be_\u2207"),
                // ξ_c is infinite there because the correlation map stops contracting, not because c* = 1
                () -> assertTrue(html.contains("two inputs\u2019 correlation never fades exponentially, so \u03be_c is"
                        + " infinite") && !html.contains("c* = 1, so"), "why \u03be_c is infinite"),
                () -> {
                    JsonNode heat = null;
                    for (JsonNode c : check.path("charts")) {
                        if (c.path("kind").asText().equals("trainability")) {
                            heat = c;
                        }
                    }
                    assertTrue(heat != null && heat.path("bound_in_view").asInt() > 0,
                            "the bound drawn left of m = 0.1 as on the PNG: " + heat);
                    assertEquals("[\"2\"]", heat.path("depth_labels").toString(), "the one depth, labelled once");
                });
    }
}
