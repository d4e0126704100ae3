package org.initsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.analysis.ChartGroup;
import org.initsweep.analysis.DeepestCurves;
import org.initsweep.analysis.report.HtmlReport;
import org.initsweep.core.regime.SignalGrowth;
import org.initsweep.spark.SweepJob;
import org.initsweep.spark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The article's 9-layer linear network with W = α·I (α = 0.5, 1, 1.5: fixed schemes, no multiplier): each
 * group's section draws its variance and cost curves, not only a table, one line named for the
 * fixed scheme, and the curves show what theory says: Var(a^[l]) grows by α² per layer.
 */
class FixedSchemeReportBrowserTest {

    @Test
    void identityScaledGroupsDrawTheirCurves(@TempDir Path tmp) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        String out = tmp.resolve("identity").toString();
        SparkSession spark = TestSpark.session("local[2]");
        try {
            String spec = Files.readString(TestSpark.conf("article/2-nine-layer-linear.json"))
                    .replace("\"epochs\": 200", "\"epochs\": 20").replace("[0, 200]", "[0, 20]");
            SweepJob.run(spark, TestSpark.spec(spec), out, SweepJob.Options.defaults());
            Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, true);
            // W = α·I, no bias: a^[l] = α^l·x, so Var(a^[l+1]) / Var(a^[l]) = α² over the hidden layers 1..9
            Map<ChartGroup, DeepestCurves.Curves> curves = DeepestCurves.load(spark);
            assertEquals(3, curves.size(), curves.keySet().toString());
            for (var e : curves.entrySet()) {
                double alpha = Double.parseDouble(e.getKey().init().replaceAll(".*\\((.*)\\)", "$1"));
                double[] varA = e.getValue().byEpoch().get(0).get(new DeepestCurves.Line(null, null))[0];
                for (int l = 1; l < 9; l++) {
                    assertEquals(alpha * alpha, varA[l] / varA[l - 1], 1e-9, e.getKey() + " layer " + (l + 1));
                }
            }
        } finally {
            spark.stop();
        }
        JsonNode check = chromium.cleanSelfcheck(Path.of(out, HtmlReport.DIR, HtmlReport.FILE));
        int layers = 0;
        int cost = 0;
        for (JsonNode c : check.path("charts")) {
            String kind = c.path("kind").asText();
            if (!kind.equals("layers") && !kind.equals("cost")) {
                continue;
            }
            List<String> names = new ArrayList<>();
            c.path("lines").forEach(l -> names.add(l.path("name").asText()));
            assertEquals(List.of("fixed scheme (no m)"), names, c.path("title").asText());
            layers += kind.equals("layers") ? 1 : 0;
            cost += kind.equals("cost") ? 1 : 0;
        }
        // 3 groups × (forward and backward at epochs 0 and 20) and one cost chart each
        assertEquals(List.of(12, 3), List.of(layers, cost), "layers and cost charts drawn");
        try (var files = Files.list(Path.of(out, "charts"))) {
            List<String> pngs = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(6, pngs.stream().filter(f -> f.startsWith("layers_linear_identity_scaled_")).count(), pngs.toString());
            assertEquals(3, pngs.stream().filter(f -> f.startsWith("cost_linear_identity_scaled_")).count(), pngs.toString());
        }
    }
}
