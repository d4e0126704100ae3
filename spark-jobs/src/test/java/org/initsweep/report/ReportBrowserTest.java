package org.initsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.analysis.report.HtmlReport;
import org.initsweep.core.regime.Regime;
import org.initsweep.core.regime.SignalGrowth;
import org.initsweep.spark.SweepJob;
import org.initsweep.spark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the tiny sweep, its analysis, and its report opened in headless Chromium. The page
 * must load without a single error, draw every chart (a canvas of non-zero size with pixels in
 * the chart's data colours, and an SVG export with shapes), link the analysis' PNG of every chart,
 * and look right in a screenshot ({@code spark-jobs/target/report-screenshots/tiny-report.png}).
 */
class ReportBrowserTest {

    /** Where the screenshot is kept for people to look at. */
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    @Test
    void tinySweepReportDrawsEveryChartInChromium(@TempDir Path tmp) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        String out = tmp.resolve("tiny").toString();
        Analysis.Summary summary;
        SparkSession spark = TestSpark.session("local[2]");
        try {
            SweepJob.run(spark, TestSpark.spec(Files.readString(TestSpark.conf("tiny.json"))), out,
                    SweepJob.Options.defaults());
            summary = Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, true);
            // A chart that no section of the report draws (as the comparisons across inits are): it is
            // shown as its PNG, under "More charts".
            Path charts = Path.of(out, "charts");
            Path extra = charts.resolve("compare_cost_extra.png");
            try (var s = Files.list(charts)) {
                Files.copy(s.filter(p -> p.getFileName().toString().startsWith("cost_")).findFirst().orElseThrow(), extra);
            }
            List<String> files = new ArrayList<>(summary.charts());
            files.add(extra.toString());
            HtmlReport.write(spark, out, files);
        } finally {
            spark.stop();
        }
        Path page = Path.of(out, HtmlReport.DIR, HtmlReport.FILE);
        assertTrue(Files.isRegularFile(page), "no report at " + page);
        assertTrue(summary.charts().stream().anyMatch(c -> c.endsWith("/" + HtmlReport.DIR + "/" + HtmlReport.FILE)),
                "the summary lists the report: " + summary.charts());

        HeadlessChromium.Output dom = chromium.dumpDom(page, 1400, 1000);
        assertEquals(List.of(), dom.consoleLines(), "the page wrote to the console");
        JsonNode check = HeadlessChromium.selfcheck(dom.stdout());
        Files.createDirectories(SCREENSHOTS);
        Files.writeString(SCREENSHOTS.resolve("tiny-report-selfcheck.json"), check.toPrettyString());

        assertEquals(0, check.path("errors").size(), "errors in the page: " + check.path("errors"));
        assertEquals(0, check.path("problems").size(), "self-check problems: " + check.path("problems"));
        // tiny.json: 2 activations × 1 init × 1 width → 2 groups of (heatmap, 2 epochs × forward/backward, cost).
        assertEquals(12, check.path("expected_charts").asInt(), check.toPrettyString());
        assertEquals(12, check.path("charts").size(), check.toPrettyString());
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (JsonNode c : check.path("charts")) {
            String id = c.path("id").asText() + " (" + c.path("title").asText() + ")";
            kinds.merge(c.path("kind").asText(), 1, Integer::sum);
            assertTrue(c.path("width").asInt() > 100 && c.path("height").asInt() > 100, id + " has no size: " + c);
            assertTrue(c.path("canvas").path(0).asInt() > 100 && c.path("canvas").path(1).asInt() > 100,
                    id + " has no canvas: " + c);
            assertTrue(c.path("data_pixels").asInt() > 0, id + " drew no data: " + c);
            c.path("colours").fields().forEachRemaining(e -> {
                if (c.path("kind").asText().equals("heatmap")) {
                    assertTrue(e.getValue().asInt() >= 200, id + ": regime colour " + e.getKey() + " missing: " + c);
                }
            });
            assertTrue(c.path("svg_shapes").asInt() >= 10, id + ": empty SVG export: " + c);
        }
        assertEquals(Map.of("cost", 2, "heatmap", 2, "layers", 8), kinds);
        assertTrue(check.path("ok").asBoolean(), check.toPrettyString());
        assertEquals("tiny", check.path("sweep_name").asText());
        assertEquals(1, check.path("images").asInt(), "the undrawn chart is shown as an image that loaded");
        assertTrue(dom.stdout().contains("<img src=\"../charts/compare_cost_extra.png\""), "More charts holds it");

        // Every chart links its PNG from charts/, and every link resolves.
        Matcher links = Pattern.compile("<a href=\"([^\"]*)\" class=\"png-file\"").matcher(dom.stdout());
        List<String> hrefs = new ArrayList<>();
        while (links.find()) {
            hrefs.add(links.group(1));
        }
        assertEquals(12, hrefs.size(), "PNG links: " + hrefs);
        for (String href : hrefs) {
            assertTrue(href.matches("\\.\\./charts/[A-Za-z0-9._-]+\\.png"), href);
            assertTrue(Files.isRegularFile(page.getParent().resolve(href).normalize()), "dead link " + href);
        }

        // The screenshot: the whole page, with the regime colours of the heatmaps visible.
        int height = Math.min(Math.max(check.path("page").path("height").asInt(), 1000), 12000);
        Path png = SCREENSHOTS.resolve("tiny-report.png");
        HeadlessChromium.Output shot = chromium.screenshot(page, png, 1400, height);
        assertEquals(List.of(), shot.consoleLines(), "the page wrote to the console");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1400, image.getWidth());
        assertEquals(height, image.getHeight());
        int[] regimeColours = {0x0072B2, 0x009E73, 0xD55E00};
        int[] seen = new int[3];
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                for (int i = 0; i < 3; i++) {
                    if (close(rgb, regimeColours[i])) {
                        seen[i]++;
                    }
                }
            }
        }
        Regime[] regimes = {Regime.VANISHING, Regime.STABLE, Regime.EXPLODING};
        for (int i = 0; i < 3; i++) {
            if (summary.cellsByRegime().getOrDefault(regimes[i], 0L) == 0) {
                continue; // no cell of this regime to show
            }
            assertTrue(seen[i] > 1000, String.format("regime colour #%06X shows on %d sampled pixels of %s",
                    regimeColours[i], seen[i], png.toAbsolutePath()));
        }
    }

    private static boolean close(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > 12) {
                return false;
            }
        }
        return true;
    }
}
