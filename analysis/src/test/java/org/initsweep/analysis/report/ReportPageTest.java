package org.initsweep.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The HTML generator without Spark: escaping, the JSON data island, nothing external. */
class ReportPageTest {

    static final String PAYLOAD = "</script><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper STRICT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS, false);

    /** A small report's data, with markup in every free-text place a sweep can put it. */
    static ObjectNode sample(String name, String evil) {
        ObjectNode d = F.objectNode();
        d.put("generated_at", "2026-11-29T09:00:00Z");
        ObjectNode spec = d.putObject("spec");
        spec.put("name", name);
        spec.put("description", "a <b>bold</b> & \"quoted\" sweep " + evil);
        spec.putArray("activations").add("tanh").add(evil);
        ObjectNode engine = d.putObject("engine");
        engine.put("engine_version", "0.1.0" + evil);
        engine.put("spark_version", "4.0.1");
        engine.put("started_at", "2026-11-29T09:09:51.784825070Z");
        engine.put("finished_at", "2026-11-29T09:10:04.658632621Z");
        engine.put("master", evil);
        d.putObject("runs_by_status").put("ok", 3).put(evil, 1);
        d.put("runs", 4);
        d.put("cells", 4);
        d.putObject("cells_by_regime").put("vanishing", 2).put("stable", 1).put("exploding", 1);
        d.put("decades", 1.0);
        ObjectNode g = d.putArray("groups").addObject();
        g.put("id", "g0");
        g.put("title", "tanh " + evil);
        g.put("activation", evil);
        g.put("init", "scaled_normal");
        g.put("width", 16);
        g.put("sigma_b2", 0.0);
        g.put("dataset", evil);
        g.putObject("critical").put("m_c", 1.0).put("method", "mean_field").put("small_signal", 1.0);
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
                c.set("backward_rate", j == 0 ? F.numberNode(-0.6) : F.textNode("Infinity"));
                c.put("runs", 1);
            }
        }
        h.putArray("fixed");
        h.put("png", "../charts/regime_x.png");
        ObjectNode layers = g.putObject("layers");
        layers.put("depth", 6);
        ObjectNode ep = layers.putArray("epochs").addObject();
        ep.put("epoch", 0);
        ep.put("png", "javascript:alert(1)");
        ArrayNode series = ep.putArray("series");
        for (double m : ms) {
            ObjectNode s = series.addObject();
            s.put("m", m);
            ArrayNode a = s.putArray("var_a");
            ArrayNode b = s.putArray("var_grad_a");
            for (int l = 1; l <= 7; l++) {
                a.add(Math.pow(m, l));
                b.add(Math.pow(m, 8 - l) * 1e-4);
            }
            a.addNull();
        }
        ObjectNode cost = g.putObject("cost");
        cost.put("depth", 6);
        cost.putNull("png");
        ArrayNode cs = cost.putArray("series");
        for (double m : ms) {
            ObjectNode s = cs.addObject();
            s.put("m", m);
            s.putArray("loss").add(0.72).add(0.7).add(0.69).add(0.65);
            s.putArray("accuracy").add(0.5).add(0.52).add(0.55).add(0.6);
        }
        ObjectNode extra = d.putArray("extras").addObject();
        extra.put("table", "histograms");
        extra.putArray("columns").add("layer").add(evil);
        extra.putArray("rows").addArray().add(1).add(evil);
        extra.put("total", 1);
        return d;
    }

    @Test
    void aSweepWithoutEngineJsonIsMarkedUnfinishedWithItsShareOfTheGrid() {
        ObjectNode finished = sample("done", "");
        assertEquals(null, Jsoup.parse(ReportPage.render(finished)).getElementById("incomplete"));
        ObjectNode partial = sample("partial", "");
        partial.putNull("engine"); // engine.json is written only once the last chunk is committed
        partial.put("grid_runs", 12);
        String banner = Jsoup.parse(ReportPage.render(partial)).getElementById("incomplete").text();
        assertTrue(banner.startsWith("This sweep has not finished"), banner);
        assertTrue(banner.contains("covers the 4 runs committed so far of the grid's 12."), banner);
    }

    @Test
    void sweepNameAndValuesWithMarkupAreShownAsText() {
        String name = "sweep<script>alert('x')</script>";
        ObjectNode data = sample(name, PAYLOAD);
        String html = ReportPage.render(data);
        Document doc = Jsoup.parse(html);

        assertEquals("initsweep report: " + name, doc.title());
        assertEquals(name, doc.getElementById("sweep-name").text());
        assertTrue(doc.selectFirst("p.desc").text().contains(PAYLOAD), doc.selectFirst("p.desc").text());
        assertTrue(doc.getElementById("spec").wholeText().contains("\"sweep<script>alert('x')</script>\""));
        // The payload never reaches the markup raw: only the page's own four scripts exist, no <img>, no handlers.
        assertFalse(html.contains("<script>alert"), "raw <script> from the name");
        assertFalse(html.contains("<script>window.__pwned"), "raw <script> from a value");
        assertFalse(html.contains("<img src=x"), "raw <img> from a value");
        Elements scripts = doc.select("script");
        assertEquals(4, scripts.size(), "selfcheck, data island, ECharts, report");
        for (Element s : scripts) {
            assertFalse(s.hasAttr("src"), "no external script");
        }
        assertTrue(doc.select("img").isEmpty());
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase().startsWith("on"), "event handler attribute " + a + " on " + e.tagName());
            }
        }
        // The header shows the values as text.
        String header = doc.getElementById("top").text();
        assertTrue(header.contains("initsweep 0.1.0" + PAYLOAD), header);
        assertTrue(header.contains("master " + PAYLOAD), header);
    }

    @Test
    void dataIslandIsValidJsonHoldingTheDataUnchanged() throws Exception {
        ObjectNode data = sample("tiny", PAYLOAD);
        data.put("slots", "{{app_js}} {{data}} $1 \\ \u2028 \u2029 </script> <!-- -->");
        String html = ReportPage.render(data);
        Element island = Jsoup.parse(html).getElementById("report-data");
        assertNotNull(island);
        assertEquals("application/json", island.attr("type"));
        String raw = island.data();
        for (String bad : new String[] {"<", ">", "&", "\u2028", "\u2029"}) {
            assertFalse(raw.contains(bad), "island holds a raw " + bad);
        }
        JsonNode parsed = STRICT.readTree(raw);
        assertEquals(data, parsed);
        // The slot names in the data were not substituted: the template is filled in one pass.
        assertEquals(1, count(html, Pattern.quote(ReportPage.Assets.APP_JS.substring(0, 200))));
    }

    @Test
    void nonFiniteNumbersStayValidJson() throws Exception {
        assertEquals("NaN", ReportData.number(Double.NaN).asText());
        assertEquals("-Infinity", ReportData.number(Double.NEGATIVE_INFINITY).asText());
        assertEquals(1.5, ReportData.number(1.5).asDouble());
        ArrayNode a = ReportData.numbers(new double[] {1, Double.NaN, Double.POSITIVE_INFINITY, 2});
        assertEquals("[1.0,null,null,2.0]", a.toString());
        ObjectNode d = sample("tiny", "x");
        d.set("threshold", ReportData.number(Double.NaN));
        STRICT.readTree(Jsoup.parse(ReportPage.render(d)).getElementById("report-data").data());
    }

    @Test
    void nothingIsLoadedFromOutside() {
        Document doc = Jsoup.parse(ReportPage.render(sample("tiny", PAYLOAD)));
        // No attribute points anywhere but into the page or the sweep's own folder.
        for (Element e : doc.getAllElements()) {
            for (String attr : new String[] {"src", "href", "srcset", "action", "data", "poster", "background"}) {
                String v = e.attr(attr).trim().toLowerCase();
                assertFalse(v.startsWith("http:") || v.startsWith("https:") || v.startsWith("//")
                        || v.startsWith("ftp:"), e.tagName() + " " + attr + "=" + v);
            }
            assertTrue(e.tagName().matches("(?!iframe|object|embed|link|base|img|video|audio|source).*"),
                    "unexpected element " + e.tagName());
        }
        String css = doc.select("style").html();
        assertFalse(css.contains("url("), "CSS fetches nothing");
        assertFalse(css.contains("@import"), "CSS imports nothing");

        // Our own code names no URL at all; the library only its licence and the XML namespaces it writes.
        for (String own : new String[] {ReportPage.Assets.APP_JS, ReportPage.Assets.SELFCHECK_JS, ReportPage.Assets.CSS,
            ReportPage.Assets.TEMPLATE}) {
            assertFalse(own.matches("(?s).*https?://.*"), "a URL in the report's own code");
        }
        Set<String> allowed = Set.of("http://www.apache.org/licenses/LICENSE-2.0", "http://www.w3.org/1999/xlink",
                "http://www.w3.org/2000/svg", "http://www.w3.org/2000/xmlns/", "http://www.w3.org/XML/1998/namespace",
                "https://github.com/ecomfe/zrender/blob/master/LICENSE.txt");
        Matcher m = Pattern.compile("https?://[^\"'\\s)<>]*").matcher(ReportPage.Assets.ECHARTS_JS);
        List<String> urls = new ArrayList<>();
        while (m.find()) {
            urls.add(m.group());
        }
        for (String u : urls) {
            assertTrue(allowed.contains(u), "ECharts names " + u);
        }
    }

    @Test
    void contentSecurityPolicyAdmitsExactlyThePagesOwnScripts() throws Exception {
        String html = ReportPage.render(sample("tiny", PAYLOAD));
        Document doc = Jsoup.parse(html);
        String csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(csp.startsWith("default-src 'none'; "), csp);
        String scriptSrc = csp.replaceAll(".*script-src ([^;]*);.*", "$1");
        assertFalse(scriptSrc.contains("unsafe"), "scripts only by hash: " + scriptSrc);
        List<String> hashes = new ArrayList<>(List.of(scriptSrc.split(" ")));
        int executable = 0;
        for (Element s : doc.select("script")) {
            if (s.attr("type").equals("application/json")) {
                continue;
            }
            executable++;
            String sha = "'sha256-" + java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(s.data().getBytes(java.nio.charset.StandardCharsets.UTF_8))) + "'";
            assertTrue(hashes.remove(sha), "script without its hash in the CSP");
        }
        assertEquals(3, executable);
        assertTrue(hashes.isEmpty(), "extra sources " + hashes);
    }

    @Test
    void headerCountsRunsAndCells() {
        Document doc = Jsoup.parse(ReportPage.render(sample("tiny", "evil")));
        String header = doc.getElementById("top").text();
        assertEquals("4", doc.getElementById("runs-total").text());
        assertTrue(header.contains("ok 3"), header);
        assertTrue(header.contains("vanishing 2 · stable 1 · exploding 1"), header);
        assertTrue(header.contains("1 decade(s)"), header);
        assertTrue(header.contains("2026-11-29 09:09:51 UTC"), header);
        assertTrue(header.contains("(12.9 s)"), header);
        assertTrue(doc.select("footer").text().contains("Apache ECharts " + ReportPage.echartsVersion()));
        assertTrue(ReportPage.echartsVersion().matches("\\d+\\.\\d+\\.\\d+"), ReportPage.echartsVersion());
    }

    @Test
    void missingSpecAndEngineStillRender() {
        ObjectNode d = F.objectNode();
        Document doc = Jsoup.parse(ReportPage.render(d));
        assertEquals("(unnamed sweep)", doc.getElementById("sweep-name").text());
        assertEquals("(no spec.json)", doc.getElementById("spec").text());
    }

    private static int count(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
