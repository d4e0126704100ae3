package org.initsweep.analysis.chart;

import static org.initsweep.analysis.chart.ChartTestSupport.colourAt;
import static org.initsweep.analysis.chart.ChartTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossCurveChartTest {

    @TempDir
    Path dir;

    private static List<Double> xs(XYDataset d, int series) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < d.getItemCount(series); i++) {
            out.add(d.getXValue(series, i));
        }
        return out;
    }

    @Test
    void leavesOutNonFiniteCostsAndKeepsEpochIndices() {
        Map<String, double[]> loss = new LinkedHashMap<>();
        loss.put("He", new double[] {0.69, Double.NaN, 0.5, Double.POSITIVE_INFINITY, 0.4});
        JFreeChart chart = LossCurveChart.createChart("t", loss);
        XYDataset d = chart.getXYPlot().getDataset();
        assertEquals(List.of(0.0, 2.0, 4.0), xs(d, 0));
        assertEquals(0.5, d.getYValue(0, 1), 0);
        assertTrue(ChartTestSupport.subtitles(chart).stream().anyMatch(t -> t.startsWith("2 costs left out")));
    }

    /** Runs of one label sharing a seed (two learning rates, two optimizers): each is still a line. */
    @Test
    void runsOfOneLabelAndSeedAreSeparateLines() {
        Map<String, List<SeedCost>> seeds = new LinkedHashMap<>();
        seeds.put("m = 0.5", List.of(new SeedCost(2, new double[] {0.7, 0.6}, false),
                new SeedCost(2, new double[] {0.7, 0.5}, false), new SeedCost(2, new double[] {0.7, 0.4}, false)));
        XYDataset d = LossCurveChart.createSeedsChart("t", seeds).getXYPlot().getDataset();
        assertEquals(3, d.getSeriesCount());
        assertEquals(List.of(0.6, 0.5, 0.4), List.of(d.getYValue(0, 1), d.getYValue(1, 1), d.getYValue(2, 1)));
    }

    @Test
    void everySeedIsALineInItsLabelsColourAndADivergedRunEndsAtACross() {
        Map<String, List<SeedCost>> seeds = new LinkedHashMap<>();
        seeds.put("m = 1", List.of(new SeedCost(1, new double[] {0.7, 0.6, 0.5, 0.4}, false),
                new SeedCost(2, new double[] {0.7, 40, 3e5}, true), // stopped after epoch 2
                new SeedCost(3, new double[] {0.7, 0.6, 0.55, 0.5}, false)));
        seeds.put("m = 2", List.of(new SeedCost(1, new double[] {0.7, 0.69, 0.68, 0.67}, false)));
        JFreeChart chart = LossCurveChart.createSeedsChart("t", seeds);
        XYPlot plot = chart.getXYPlot();
        XYDataset d = plot.getDataset();
        assertEquals(5, d.getSeriesCount(), "four runs and the diverged marks");
        var r = plot.getRenderer();
        assertEquals(r.getSeriesPaint(0), r.getSeriesPaint(1));
        assertEquals(r.getSeriesPaint(0), r.getSeriesPaint(2));
        assertFalse(r.getSeriesPaint(0).equals(r.getSeriesPaint(3)), "another label, another colour");
        assertEquals(List.of(0.0, 1.0, 2.0), xs(d, 1), "the diverged run's line ends where it stopped");
        assertEquals(LossCurveChart.DIVERGED_LABEL, d.getSeriesKey(4));
        assertEquals(List.of(2.0), xs(d, 4));
        // 3e5 would stretch the axis over the runs that trained: clipped at 100 × their largest cost, 0.7
        assertEquals(70, d.getYValue(1, 2), 1e-12);
        assertEquals(70, d.getYValue(4, 0), 1e-12);
        assertEquals(40, d.getYValue(1, 1), 0, "below the clip: drawn as it is");
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            legend.add(plot.getLegendItems().get(i).getLabel());
        }
        assertEquals(List.of("m = 1", "m = 2", LossCurveChart.DIVERGED_LABEL), legend);
        assertTrue(ChartTestSupport.subtitles(chart).contains(
                "one line per seed (4 runs); 1 diverged: each line ends at × where its run stopped"),
                ChartTestSupport.subtitles(chart).toString());
        assertTrue(ChartTestSupport.subtitles(chart).contains(
                "1 diverging run ends at the top edge: its cost passed 70, 100× the largest of the runs that trained"),
                ChartTestSupport.subtitles(chart).toString());
    }

    @Test
    void linesFollowMapOrderInOkabeItoColours() {
        Map<String, double[]> loss = new LinkedHashMap<>();
        loss.put("zero", new double[] {0.69, 0.69});
        loss.put("Xavier", new double[] {0.69, 0.6});
        loss.put("He", new double[] {0.69, 0.5});
        XYPlot plot = LossCurveChart.createChart("t", loss).getXYPlot();
        XYDataset d = plot.getDataset();
        assertEquals("zero", d.getSeriesKey(0));
        assertEquals("Xavier", d.getSeriesKey(1));
        assertEquals("He", d.getSeriesKey(2));
        for (int i = 0; i < 3; i++) {
            assertEquals(ChartStyle.LINE_COLOURS.get(i), plot.getRenderer().getSeriesPaint(i));
        }
        assertEquals("epoch (0 = at initialization)", plot.getDomainAxis().getLabel());
        assertTrue(plot.getRangeAxis().getLabel().contains("binary cross-entropy"));
        assertTrue(plot.getRangeAxis().getLabel().contains("nats"));
    }

    @Test
    void styledLinesTakeTheirColourFromOneVariableAndTheirDashesFromTheOther() {
        Map<String, double[]> loss = new LinkedHashMap<>();
        Map<String, LineStyle> styles = new LinkedHashMap<>();
        String[] inits = {"he", "orthogonal"};
        for (int i = 0; i < 2; i++) {
            for (int m = 0; m < 3; m++) {
                String label = inits[i] + ", m = " + (m + 1);
                loss.put(label, new double[] {0.69, 0.6 - 0.1 * m});
                styles.put(label, new LineStyle(m, 3, i));
            }
        }
        loss.put("zero", new double[] {0.69, 0.69});
        styles.put("zero", new LineStyle(-1, 3, 2));
        var r = LossCurveChart.createChart("t", loss, styles, 2).getXYPlot().getRenderer();
        for (int m = 0; m < 3; m++) {
            assertEquals(ChartStyle.LINE_COLOURS.get(m), r.getSeriesPaint(m), "colour by m");
            assertEquals(r.getSeriesPaint(m), r.getSeriesPaint(3 + m), "the same m in both inits");
            assertEquals(r.getSeriesStroke(0), r.getSeriesStroke(m), "one dash pattern per init");
            assertFalse(r.getSeriesStroke(m).equals(r.getSeriesStroke(3 + m)), "another init, another pattern");
        }
        assertEquals(java.awt.Color.BLACK, r.getSeriesPaint(6), "a fixed scheme has no m: black");
        float[] solid = ((java.awt.BasicStroke) r.getSeriesStroke(0)).getDashArray();
        float[] dashed = ((java.awt.BasicStroke) r.getSeriesStroke(3)).getDashArray();
        float[] dotted = ((java.awt.BasicStroke) r.getSeriesStroke(6)).getDashArray();
        assertEquals(null, solid);
        assertEquals(8f, dashed[0]);
        assertEquals(2f, dotted[0]);
        assertThrows(IllegalArgumentException.class, () -> LossCurveChart.createChart("t", loss, Map.of(), 2),
                "a line without a style");
    }

    @Test
    void tenClassesNameTheirCostAndMarkLnTenAsChance() {
        Map<String, double[]> loss = Map.of("m = 1", new double[] {2.4, 1.5, 0.9});
        XYPlot ten = LossCurveChart.createChart("t", loss, null, 10).getXYPlot();
        assertEquals("cost J: mean cross-entropy over 10 classes, nats", ten.getRangeAxis().getLabel());
        var marker = (org.jfree.chart.plot.ValueMarker) ten.getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND).iterator().next();
        assertEquals(Math.log(10), marker.getValue(), 1e-15, "guessing 1/10 costs ln 10 = 2.303 nats");
        assertEquals("ln 10: every class 1/10", marker.getLabel());
        XYPlot two = LossCurveChart.createChart("t", loss, null, 2).getXYPlot();
        assertTrue(two.getRangeAxis().getLabel().contains("binary cross-entropy"));
        var half = (org.jfree.chart.plot.ValueMarker) two.getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND).iterator().next();
        assertEquals(Math.log(2), half.getValue(), 1e-15);
    }

    @Test
    void logScaleOnlyForWideSpansOfPositiveCosts() {
        Map<String, double[]> narrow = Map.of("a", new double[] {0.69, 0.5, 0.3});
        assertFalse(LossCurveChart.createChart("t", narrow).getXYPlot().getRangeAxis() instanceof LogAxis);

        Map<String, double[]> wide = Map.of("a", new double[] {0.69, 0.1, 0.01, Double.NaN});
        assertInstanceOf(LogAxis.class, LossCurveChart.createChart("t", wide).getXYPlot().getRangeAxis());

        // A zero cost cannot go on a log axis, so it keeps the linear one and stays visible.
        Map<String, double[]> withZero = Map.of("a", new double[] {0.69, 0.01, 0});
        JFreeChart chart = LossCurveChart.createChart("t", withZero);
        assertFalse(chart.getXYPlot().getRangeAxis() instanceof LogAxis);
        assertEquals(3, chart.getXYPlot().getDataset().getItemCount(0));

        // A huge span (diverged run) uses the general log axis; all positive points stay.
        Map<String, double[]> huge = Map.of("a", new double[] {1e6, 1, 1e-6});
        JFreeChart h = LossCurveChart.createChart("t", huge);
        assertInstanceOf(LogAxis.class, h.getXYPlot().getRangeAxis());
        assertEquals(3, h.getXYPlot().getDataset().getItemCount(0));
    }

    @Test
    void pointIsDrawnInItsColourWhereItBelongs() throws Exception {
        Map<String, double[]> loss = new LinkedHashMap<>();
        loss.put("He", new double[] {0.7, 0.6, 0.5, 0.4});
        loss.put("Xavier", new double[] {0.7, 0.68, 0.66, 0.64});
        JFreeChart chart = LossCurveChart.createChart("t", loss);
        Path png = dir.resolve("loss.png");
        ChartRenderingInfo info = ChartStyle.render(chart, png, LossCurveChart.WIDTH, LossCurveChart.HEIGHT);
        BufferedImage img = ChartTestSupport.read(png);
        XYPlot plot = chart.getXYPlot();
        var area = info.getPlotInfo().getDataArea();
        assertEquals(hex(ChartStyle.LINE_COLOURS.get(0).getRGB()), colourAt(img, plot, area, 3, 0.4));
        assertEquals(hex(ChartStyle.LINE_COLOURS.get(1).getRGB()), colourAt(img, plot, area, 3, 0.64));
        String empty = colourAt(img, plot, area, 2.5, 0.2);
        assertTrue(empty.equals("#FFFFFF") || empty.equals(hex(ChartStyle.GRID.getRGB())),
                "no line far below the curves, white background or grid line: " + empty);
    }

    /**
     * A dashed line over 400 epochs (under 2 pixels an epoch): drawn segment by segment, its dash pattern would
     * restart at every segment and the line look solid, background nowhere along its row.
     */
    @Test
    void aDashedLineOfManyEpochsShowsItsGaps() throws Exception {
        double[] flat = new double[400];
        java.util.Arrays.fill(flat, 0.5);
        Map<String, double[]> loss = new LinkedHashMap<>();
        loss.put("dashed", flat);
        loss.put("other", new double[] {0.7, 0.3});
        JFreeChart chart = LossCurveChart.createChart("t", loss, Map.of("dashed", new LineStyle(0, 2, 1), "other",
                new LineStyle(1, 2, 0)), 2);
        Path png = dir.resolve("dashed.png");
        ChartRenderingInfo info = ChartStyle.render(chart, png, LossCurveChart.WIDTH, LossCurveChart.HEIGHT);
        BufferedImage img = ChartTestSupport.read(png);
        XYPlot plot = chart.getXYPlot();
        var area = info.getPlotInfo().getDataArea();
        String grid = hex(ChartStyle.GRID.getRGB());
        int drawn = 0;
        int gaps = 0;
        for (int epoch = 20; epoch < 380; epoch++) {
            String c = colourAt(img, plot, area, epoch, 0.5);
            boolean on = !c.equals("#FFFFFF") && !c.equals(grid);
            drawn += on ? 1 : 0;
            gaps += on ? 0 : 1;
        }
        assertTrue(drawn > 100 && gaps > 60, "dashes along the line: " + drawn + " epochs drawn, " + gaps + " in gaps");
    }

    @Test
    void writeProducesThePng() throws Exception {
        Path png = dir.resolve("l.png");
        LossCurveChart.write(null, Map.of("only NaN", new double[] {Double.NaN}), png);
        BufferedImage img = ChartTestSupport.read(png);
        assertEquals(LossCurveChart.WIDTH, img.getWidth());
        assertEquals(LossCurveChart.HEIGHT, img.getHeight());
    }

    @Test
    void rejectsEmptyAndMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> LossCurveChart.createChart("t", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LossCurveChart.write("t", Map.of(), dir.resolve("x.png")));
        Map<String, double[]> nullArray = new HashMap<>();
        nullArray.put("a", null);
        assertThrows(IllegalArgumentException.class, () -> LossCurveChart.createChart("t", nullArray));
    }
}
