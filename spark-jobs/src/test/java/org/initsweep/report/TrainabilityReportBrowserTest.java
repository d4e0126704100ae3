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
        SparkSession spark = TestSpark.session("local[2]");
        Analysis.Summary summary;
        try {
            SweepJob.run(spark, TestSpark.spec("""
                    {"name": "t", "depths": [2, 4], "widths": [8], "activations": ["tanh"], "inits": ["lecun_normal"],
                     "multipliers": [1, 2, 16], "sigma_b2": [0.05], "seeds": [1, 2], "epochs": 4, "test_fraction": 0.25,
                     "learning_rate": 0.5, "record_epochs": [0],
                     "target_split": "train", "jacobian": true}"""), out, SweepJob.Options.defaults());
            summary = Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, true);
        } finally {
            spark.stop();
        }
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
    }
}
