package org.initsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.initsweep.analysis.report.ReportPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report reads right at 1400 px (issue 16.5), checked by the page's self-check in Chromium on data
 * made to break it: variances spanning 1e-42 … 1e5 (ECharts' own log axis labels every tick below
 * 1e-10 as 0), a cost chart drawing only two of the five multipliers (colours by position in the
 * chart would give m = 1 another colour than in the variance chart), and a regime heatmap of 20
 * multipliers whose cells are narrower than their rates' text.
 */
class ReportReadabilityBrowserTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final double[] LAYER_MS = {0.25, 0.5, 1, 2, 4};
    /** Decades per layer of Var(a) for each of LAYER_MS: from 1e-42 (m = 0.25 at layer 7) to 1e5 (m = 4). */
    private static final double[] DECADES_PER_LAYER = {-6, -3, 0, 0.4, 5.0 / 7};
    private static final double[] COST_MS = {1, 4};
    /** Layers of the m = 1 curve with a finite-width spread: the six hidden ones. */
    private static final int BAND_LAYERS = 6;

    @Test
    void logAxesColoursAndHeatmapTextReadRight(@TempDir Path tmp) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path page = tmp.resolve("index.html");
        Files.writeString(page, ReportPage.render(data()));
        HeadlessChromium.Output dom = chromium.dumpDom(page, 1400, 1000);
        assertEquals(List.of(), dom.consoleLines(), "the page wrote to the console");
        JsonNode check = HeadlessChromium.selfcheck(dom.stdout());
        assertEquals(0, check.path("errors").size(), check.toPrettyString());
        assertEquals(0, check.path("problems").size(), check.path("problems").toPrettyString());
        assertTrue(check.path("ok").asBoolean(), check.toPrettyString());
        Files.createDirectories(ReportBrowserTest.SCREENSHOTS);
        int height = Math.min(Math.max(check.path("page").path("height").asInt(), 1000), 6000);
        chromium.screenshot(page, ReportBrowserTest.SCREENSHOTS.resolve("readability-report.png"), 1400, height);

        int logAxes = 0;
        boolean heatmap = false;
        for (JsonNode c : check.path("charts")) {
            for (JsonNode axis : c.path("log_axes")) {
                logAxes++;
                List<String> labels = new ArrayList<>();
                axis.path("labels").forEach(l -> labels.add(l.asText()));
                if (c.path("title").asText().startsWith("Forward")) {
                    // 1e-42 … 1e5: every 10 decades from 10⁻⁵⁰, none reads 0
                    assertEquals(List.of("10⁻⁵⁰", "10⁻⁴⁰", "10⁻³⁰", "10⁻²⁰", "10⁻¹⁰", "1", "10¹⁰"), labels, c.toString());
                }
            }
            if (c.path("kind").asText().equals("heatmap")) {
                heatmap = true;
                assertEquals(0, c.path("text_spills").asInt(), c.toString());
                assertTrue(c.path("cell_texts").asInt() >= 3, "the depth-50 row's cells are tall enough for "
                        + "two lines and hold their rates: " + c);
            }
        }
        assertEquals(3, logAxes, "forward and backward variance, and the cost (its costs span 10⁹)");
        for (JsonNode c : check.path("charts")) {
            List<String> ids = new ArrayList<>();
            c.path("series_ids").forEach(id -> ids.add(id.asText()));
            if (c.path("kind").asText().equals("layers")) {
                // m = 1 (third of five) has theory and its spread: one shaded band, forward only, around its
                // theory line at each of the layers that have a spread
                boolean forward = c.path("title").asText().startsWith("Forward");
                assertEquals(forward, ids.contains("band-2"), c.toString());
                assertEquals(forward ? 1 : 0, ids.stream().filter(id -> id.startsWith("band")).count(), ids.toString());
                assertEquals(forward ? BAND_LAYERS : 0, c.path("band_points").asInt(), c.toString());
            }
        }
        assertTrue(heatmap, check.toPrettyString());
    }

    static ObjectNode data() {
        ObjectNode d = F.objectNode();
        d.put("generated_at", "2026-12-04T09:00:00Z");
        d.putObject("spec").put("name", "readability");
        d.putObject("engine").put("engine_version", "test");
        d.putObject("runs_by_status").put("ok", 60);
        d.put("runs", 60);
        d.put("cells", 60);
        d.putObject("cells_by_regime").put("vanishing", 20).put("stable", 20).put("exploding", 20);
        d.put("decades", 1.0);
        ObjectNode g = d.putArray("groups").addObject();
        g.put("id", "g0");
        g.put("title", "tanh, width 16");
        g.put("activation", "tanh");
        g.put("init", "lecun_normal");
        g.put("width", 16);
        g.put("sigma_b2", 0.0);
        g.put("dataset", "gaussian");
        g.putObject("critical").put("m_c", 1.0).put("method", "mean_field").put("small_signal", 1.0);

        ObjectNode h = g.putObject("heatmap");
        int[] depths = {5, 20, 50};
        ArrayNode ds = h.putArray("depths");
        for (int depth : depths) {
            ds.add(depth);
        }
        ArrayNode ms = h.putArray("multipliers");
        ArrayNode cells = h.putArray("cells");
        for (int j = 0; j < 20; j++) {
            double m = Math.pow(2, -3 + 6.0 * j / 19);
            ms.add(m);
            for (int depth : depths) {
                ObjectNode c = cells.addObject();
                c.put("depth", depth);
                c.put("m", m);
                c.put("regime", j < 7 ? "vanishing" : j < 13 ? "stable" : "exploding");
                c.put("forward_rate", -0.0012345 * (10 - j)); // "→ −0.01111": wider than a 20th of the chart
                c.put("backward_rate", 0.0012345 * (j - 10));
                c.put("runs", 1);
            }
        }
        h.putArray("fixed");
        h.putNull("png");

        ArrayNode series = ReportJson.layerSeries(g, 6, null);
        for (int i = 0; i < LAYER_MS.length; i++) {
            double m = LAYER_MS[i];
            ObjectNode s = series.addObject();
            s.put("m", m);
            ArrayNode a = s.putArray("var_a");
            ArrayNode b = s.putArray("var_grad_a");
            for (int l = 1; l <= 7; l++) {
                a.add(Math.pow(10, DECADES_PER_LAYER[i] * l));
                b.add(Math.pow(m, 8 - l) * 1e-4);
            }
            if (m == 1) { // theory and its finite-width spread (ReLU at width 16) for the six hidden layers
                ArrayNode pa = s.putArray("predicted_var_a");
                ArrayNode pg = s.putArray("predicted_var_grad_a");
                ArrayNode sd = s.putArray("ln_var_a_sd");
                for (int l = 1; l <= 7; l++) {
                    pa.add(1.0);
                    pg.add(1e-4);
                    if (l <= 6) {
                        sd.add(Math.sqrt(5.0 * l / 16));
                    } else {
                        sd.addNull();
                    }
                }
            }
        }
        ArrayNode cs = ReportJson.costSeries(g, 6);
        for (double m : COST_MS) {
            ObjectNode s = cs.addObject();
            s.put("m", m);
            s.put("seeds", 1);
            ArrayNode loss = s.putArray("loss");
            for (int e = 0; e < 4; e++) {
                loss.add(m == 4 ? Math.pow(10, 3 * e) : 0.7 - 0.01 * e);
            }
            s.putArray("accuracy").add(0.5).add(0.52).add(0.55).add(0.6);
        }
        return d;
    }
}
