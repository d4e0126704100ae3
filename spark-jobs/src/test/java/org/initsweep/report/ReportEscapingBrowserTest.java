package org.initsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.initsweep.analysis.report.ReportPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page in Chromium with markup in every value a sweep controls (name, description,
 * engine facts, activation, dataset, table cells, PNG links): it must all show as text, run no
 * injected code and trip no Content-Security-Policy violation, while every kind of chart still
 * draws (regime heatmap, variance and cost curves, activation histograms, decision boundary).
 */
class ReportEscapingBrowserTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String NAME = "sweep<script>window.__pwned=1</script>";
    static final String EVIL = "<img src=x onerror=\"window.__pwned=2\"><script>window.__pwned=3</script>";

    @Test
    void markupInTheDataShowsAsTextAndRunsNothing(@TempDir Path tmp) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path page = tmp.resolve("index.html");
        Files.writeString(page, ReportPage.render(data()));

        HeadlessChromium.Output dom = chromium.dumpDom(page, 1300, 1000);
        String html = dom.stdout();
        assertEquals(List.of(), dom.consoleLines(), "the page wrote to the console");
        JsonNode check = HeadlessChromium.selfcheck(html);
        assertEquals(0, check.path("errors").size(), "errors (a CSP violation means injected code): " + check);
        assertEquals(0, check.path("problems").size(), check.toPrettyString());
        // heatmap, forward and backward variance, cost, activation histograms, decision boundary
        assertEquals(6, check.path("charts").size(), check.toPrettyString());
        for (JsonNode c : check.path("charts")) {
            assertTrue(c.path("data_pixels").asInt() > 0 && c.path("svg_shapes").asInt() >= 10, c.toString());
        }
        assertTrue(check.path("ok").asBoolean(), check.toPrettyString());
        assertEquals(NAME, check.path("sweep_name").asText());

        // The page's census of its live DOM: only its own four scripts, no element or handler from data.
        JsonNode census = check.path("elements");
        assertEquals(4, census.path("script").asInt(), census.toString());
        for (String tag : new String[] {"img", "iframe", "object", "embed", "link", "base", "form"}) {
            assertEquals(0, census.path(tag).asInt(), tag + " elements: " + census);
        }
        assertEquals(0, census.path("handler_attributes").asInt(), census.toString());
        // In the serialized DOM (scripts' own text left out) the payloads are escaped text.
        html = html.replaceAll("(?s)<script\\b[^>]*>.*?</script>", "<script></script>");
        assertEquals(4, html.split("<script", -1).length - 1, "scripts in the DOM");
        assertFalse(html.contains("<img"), "an <img> element was created from data");
        assertFalse(html.contains("<script>window.__pwned"), "a <script> element was created from data");
        assertTrue(html.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"), "the name is shown as text");
        assertTrue(html.contains("&lt;img src=x onerror=\"window.__pwned=2\"&gt;"), "values are shown as text");
        assertFalse(html.contains("javascript:"), "a javascript: link was made from data");
        // The group heading, the activation in the facts line and the extra table all carry the text.
        assertTrue(html.contains("<h2>tanh &lt;img src=x"), "group title as text");
        // (a cell this long is set as prose: class "long")
        assertTrue(html.matches("(?s).*<td( class=\"long\")?>&lt;img src=x.*"), "table cell as text");
    }

    static ObjectNode data() {
        ObjectNode d = F.objectNode();
        d.put("generated_at", "2026-11-29T09:00:00Z");
        ObjectNode spec = d.putObject("spec");
        spec.put("name", NAME);
        spec.put("description", "described " + EVIL);
        ObjectNode engine = d.putObject("engine");
        engine.put("engine_version", EVIL);
        engine.put("master", EVIL);
        engine.put("started_at", EVIL);
        d.putObject("runs_by_status").put("ok", 4).put(EVIL, 0);
        d.put("runs", 4);
        d.put("cells", 4);
        d.putObject("cells_by_regime").put("vanishing", 2).put("stable", 1).put("exploding", 1);
        d.put("decades", 1.0);
        ObjectNode g = d.putArray("groups").addObject();
        g.put("id", "g0\"><script>window.__pwned=4</script>");
        g.put("title", "tanh " + EVIL);
        g.put("activation", EVIL);
        g.put("init", EVIL);
        g.put("width", 16);
        g.put("sigma_b2", 0.0);
        g.put("dataset", EVIL);
        g.putObject("critical").put("m_c", 1.0).put("method", "mean_field").put("small_signal", 1.0)
                .put("note", EVIL);
        ObjectNode h = g.putObject("heatmap");
        h.putArray("depths").add(3).add(6);
        h.putArray("multipliers").add(0.5).add(2.0);
        ArrayNode cells = h.putArray("cells");
        String[][] regimes = {{"vanishing", "exploding"}, {"vanishing", "stable"}};
        double[] ms = {0.5, 2.0};
        int[] depths = {3, 6};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                ObjectNode c = cells.addObject();
                c.put("depth", depths[i]);
                c.put("m", ms[j]);
                c.put("regime", regimes[i][j]);
                c.put("forward_rate", j == 0 ? -0.7 : 0.3);
                c.put("backward_rate", j == 0 ? -0.6 : 0.2);
                c.put("runs", 1);
            }
        }
        h.putArray("fixed");
        h.put("png", "javascript:window.__pwned=5");
        ArrayNode series = ReportJson.layerSeries(g, 6, "../charts/" + EVIL + ".png");
        for (double m : ms) {
            ObjectNode s = series.addObject();
            s.put("m", m);
            ArrayNode a = s.putArray("var_a");
            ArrayNode b = s.putArray("var_grad_a");
            for (int l = 1; l <= 7; l++) {
                a.add(Math.pow(m, l));
                b.add(Math.pow(m, 8 - l) * 1e-4);
            }
        }
        ArrayNode cs = ReportJson.costSeries(g, 6);
        for (double m : ms) {
            ObjectNode s = cs.addObject();
            s.put("m", m);
            s.putArray("loss").add(0.72).add(0.7).add(0.69).add(0.65);
            s.putArray("accuracy").add(0.5).add(0.52).add(0.55).add(0.6);
        }
        ObjectNode hs = g.putObject("histograms");
        hs.put("depth", 6);
        hs.putArray("pngs").add("../charts/histograms_" + EVIL + ".png").add("../charts/histograms_ok.png");
        ArrayNode views = hs.putArray("views");
        for (double m : ms) {
            ObjectNode v = views.addObject();
            v.put("m", m);
            v.put("epoch", 0);
            ArrayNode ls = v.putArray("layers");
            for (int l = 1; l <= 7; l++) {
                ObjectNode layer = ls.addObject();
                layer.put("layer", l);
                ArrayNode lower = layer.putArray("lower");
                ArrayNode upper = layer.putArray("upper");
                ArrayNode fraction = layer.putArray("fraction");
                for (int bin = 0; bin < 10; bin++) {
                    lower.add(-1 + 0.2 * bin);
                    upper.add(-1 + 0.2 * (bin + 1));
                    fraction.add(Math.exp(-Math.pow(bin - 4.5, 2) / (m * l)) / 3);
                }
            }
        }
        ObjectNode b = g.putObject("boundary");
        b.put("depth", 6);
        b.put("epochs", 3);
        int steps = 20;
        b.put("steps", steps);
        ArrayNode coords = b.putArray("coords");
        for (int i = 0; i < steps; i++) {
            coords.add(-3 + (i + 0.5) * 6.0 / steps);
        }
        b.putArray("pngs").add("javascript:window.__pwned=6");
        ArrayNode maps = b.putArray("maps");
        for (double m : ms) {
            ObjectNode map = maps.addObject();
            map.put("m", m);
            ArrayNode p = map.putArray("p");
            for (int i2 = 0; i2 < steps; i2++) {
                for (int i1 = 0; i1 < steps; i1++) {
                    if (i1 == 0 && i2 == 0) {
                        p.addNull(); // a diverged network's NaN
                    } else {
                        p.add(1 / (1 + Math.exp(-m * (coords.get(i1).asDouble() - coords.get(i2).asDouble()))));
                    }
                }
            }
        }
        ObjectNode extra = d.putArray("extras").addObject();
        extra.put("table", "histograms");
        extra.putArray("columns").add("layer").add(EVIL);
        extra.putArray("rows").addArray().add(1).add(EVIL);
        extra.put("total", 1);
        return d;
    }
}
