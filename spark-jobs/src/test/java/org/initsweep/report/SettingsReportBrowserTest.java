package org.initsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.initsweep.analysis.report.HtmlReport;
import org.initsweep.spark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep over two learning rates: in Chromium, the cost chart and the variance charts after training
 * draw one line per (m, η), named by both and dashed by η; at initialization, one line per m. Every run's
 * decision boundary gets a file of its own.
 */
class SettingsReportBrowserTest {

    private static final String SLOW = "sgd \u03b7 = 0.05";
    private static final String FAST = "sgd \u03b7 = 0.5";

    @Test
    void curvesAfterTrainingAreOneLinePerLearningRate(@TempDir Path tmp) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        String out = tmp.resolve("lr").toString();
        TestSpark.sweepAndAnalyze("""
                {"name": "lr", "depths": [3], "widths": [8], "activations": ["tanh"], "inits": ["lecun_normal"],
                 "multipliers": [1, 2], "sigma_b2": [0], "seeds": [1, 2], "samples": 64, "epochs": 4,
                 "learning_rates": [0.05, 0.5], "record_epochs": [0, 4],
                 "datasets": ["moons"], "boundaries": true, "histograms": true}""", out);
        JsonNode check = chromium.cleanSelfcheck(Path.of(out, HtmlReport.DIR, HtmlReport.FILE));

        List<String> perSetting = List.of("m = 1, " + SLOW, "m = 1, " + FAST, "m = 2, " + SLOW, "m = 2, " + FAST);
        List<String> dashes = List.of("\"solid\"", "[8,5]", "\"solid\"", "[8,5]"); // as on the PNGs
        List<String> perRunKinds = new ArrayList<>();
        int cost = 0;
        int trained = 0;
        int init = 0;
        for (JsonNode c : check.path("charts")) {
            String kind = c.path("kind").asText();
            if (kind.equals("boundary") || kind.equals("histogram")) {
                // after training, the selected setting's runs only (the first: η = 0.05); at epoch 0, all
                String title = c.path("title").asText();
                assertTrue(title.contains(", " + SLOW + ": ") == kind.equals("boundary"), title);
                perRunKinds.add(kind);
                continue;
            }
            if (!kind.equals("cost") && !kind.equals("layers")) {
                continue;
            }
            List<String> names = new ArrayList<>();
            List<String> dash = new ArrayList<>();
            c.path("lines").forEach(l -> {
                names.add(l.path("name").asText());
                dash.add(l.path("dash").toString());
            });
            String title = c.path("title").asText();
            if (kind.equals("cost") || title.contains("at the last recorded epoch (4)")) {
                assertEquals(perSetting, names, title);
                assertEquals(dashes, dash, title);
                cost += kind.equals("cost") ? 1 : 0;
                trained += kind.equals("layers") ? 1 : 0;
            } else {
                assertTrue(title.contains("at initialization (epoch 0)"), title);
                assertEquals(List.of("m = 1", "m = 2"), names, title);
                init++;
            }
        }
        assertEquals(List.of(1, 2, 2), List.of(cost, trained, init), "cost, forward/backward after training, at init");
        assertEquals(List.of("histogram", "boundary"), perRunKinds);
        List<String> pngs;
        try (var files = Files.list(Path.of(out, "charts"))) {
            pngs = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(1, pngs.stream().filter(f -> f.matches("cost_.*_d3\\.png")).count(), pngs.toString());
        // a file per run (2 m × 2 seeds × 2 η), a run's η in its name: none drawn over another's
        assertEquals(8, pngs.stream().filter(f -> f.startsWith("boundary_")).count(), pngs.toString());
        assertEquals(4, pngs.stream().filter(f -> f.startsWith("boundary_") && f.endsWith("_sgd_lr0.5.png")).count());
    }
}
