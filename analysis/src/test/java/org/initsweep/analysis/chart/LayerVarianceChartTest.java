package org.initsweep.analysis.chart;

import static org.initsweep.analysis.chart.ChartTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerVarianceChartTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @TempDir
    Path dir;

    private static List<XYPlot> subplots(JFreeChart chart) {
        @SuppressWarnings("unchecked")
        List<XYPlot> plots = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        return plots;
    }

    private static List<Double> xs(XYDataset d, int series) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < d.getItemCount(series); i++) {
            out.add(d.getXValue(series, i));
        }
        return out;
    }

    @Test
    void forwardPanelShadesTheFiniteWidthBandOfHiddenLayers() {
        // depth 3 + output; ReLU at width 16: s_l = √(5l/16)
        double[] pred = {1, 1, 1, 0.2};
        double[] sd = {Math.sqrt(5.0 / 16), Math.sqrt(10.0 / 16), Math.sqrt(15.0 / 16)};
        LayerCurve c = new LayerCurve(2, 0, new double[] {0.9, 0.8, 0.5, 0.2}, new double[] {1, 1, 1, NAN}, pred,
                new double[] {1, 1, 1, NAN}, null, sd);
        JFreeChart chart = LayerVarianceChart.createChart("t", List.of(c, geometric(1, 4, true)));
        XYPlot forward = subplots(chart).get(0);
        var bands = (org.jfree.data.xy.YIntervalSeriesCollection) forward.getDataset(2);
        assertEquals(List.of(1.0, 2.0, 3.0), xs(bands, 1), "hidden layers only; curves sorted by m, so m = 2 is second");
        for (int l = 1; l <= 3; l++) {
            double s = sd[l - 1];
            assertEquals(Math.exp(-s * s / 2), bands.getYValue(1, l - 1), 1e-12, "centre: the typical network");
            assertEquals(Math.exp(-s * s / 2 - 2 * s), bands.getStartYValue(1, l - 1), 1e-12);
            assertEquals(Math.exp(-s * s / 2 + 2 * s), bands.getEndYValue(1, l - 1), 1e-12);
        }
        assertEquals(0, bands.getItemCount(0), "no spread given: no band");
        assertEquals(null, subplots(chart).get(1).getDataset(2), "the backward panel has none");
        boolean legend = false;
        for (int i = 0; i < chart.getXYPlot().getFixedLegendItems().getItemCount(); i++) {
            legend |= chart.getXYPlot().getFixedLegendItems().get(i).getLabel().contains("±2s band");
        }
        assertTrue(legend, "the legend says what the shading is");
    }

    @Test
    void styledCurvesTakeColourByOneVariableAndMarkerByTheOther() {
        List<LayerCurve> curves = new java.util.ArrayList<>();
        java.util.Map<String, LineStyle> styles = new java.util.HashMap<>();
        String[] inits = {"he_normal", "orthogonal"};
        for (int i = 0; i < 2; i++) {
            for (int m = 0; m < 2; m++) {
                String label = inits[i] + ", m = " + (m + 1);
                LayerCurve g = geometric(m + 1, 30, true);
                curves.add(new LayerCurve(Double.NaN, 0, g.varA(), g.varGradA(), g.predictedVarA(), g.predictedVarGradA(), label));
                styles.put(label, new LineStyle(m, 2, i));
            }
        }
        JFreeChart chart = LayerVarianceChart.createChart("t", curves, styles);
        XYPlot forward = subplots(chart).get(0);
        var r = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) forward.getRenderer(0);
        // series follow the curves' order (equal NaN multipliers): he m=1, he m=2, orthogonal m=1, orthogonal m=2
        assertEquals(r.getSeriesPaint(0), r.getSeriesPaint(2), "one colour per m");
        assertEquals(ChartStyle.LINE_COLOURS.get(1), r.getSeriesPaint(1));
        assertEquals(r.getSeriesShape(0).getBounds(), r.getSeriesShape(1).getBounds(), "one marker per init");
        assertTrue(r.getSeriesShape(0) instanceof java.awt.geom.Ellipse2D);
        assertTrue(r.getSeriesShape(2) instanceof java.awt.geom.Rectangle2D, "the second init: squares");
        assertTrue(r.getDefaultShapesVisible(), "markers on every layer even at depth 30, so the inits stay apart");
        assertTrue(chart.getXYPlot().getFixedLegendItems().get(2).isShapeVisible(), "the legend shows the marker");
    }

    private static LayerCurve geometric(double m, int layers, boolean theory) {
        double[] f = new double[layers];
        double[] b = new double[layers];
        for (int l = 1; l <= layers; l++) {
            f[l - 1] = Math.pow(m, l);
            b[l - 1] = Math.pow(m, layers - l);
        }
        return new LayerCurve(m, 0, f, b, theory ? f.clone() : null, theory ? b.clone() : null);
    }

    @Test
    void leavesOutZeroNegativeNanAndInfinitePoints() throws Exception {
        double[] varA = {1, 0, NAN, INF, -1, 0.5, Double.NEGATIVE_INFINITY, 1e-300};
        double[] varG = {INF, 2, NAN, 3};
        double[] predA = {1, 0.5, 0, 0.1};
        LayerCurve c = new LayerCurve(0.5, 3, varA, varG, predA, null);
        JFreeChart chart = assertDoesNotThrow(() -> LayerVarianceChart.createChart("t", List.of(c)));
        List<XYPlot> plots = subplots(chart);
        assertEquals(List.of(1.0, 6.0, 8.0), xs(plots.get(0).getDataset(0), 0), "forward: layer = index + 1");
        assertEquals(List.of(2.0, 4.0), xs(plots.get(1).getDataset(0), 0), "backward");
        assertEquals(List.of(1.0, 2.0, 4.0), xs(plots.get(0).getDataset(1), 0), "theory skips 0 too");
        assertEquals(0, plots.get(1).getDataset(1).getItemCount(0), "null theory: empty line");
        assertTrue(ChartTestSupport.subtitles(chart).stream().anyMatch(t -> t.startsWith("7 values left out")),
                ChartTestSupport.subtitles(chart).toString());

        Path png = dir.resolve("gaps.png");
        LayerVarianceChart.write("gaps", List.of(c), png);
        assertEquals(LayerVarianceChart.HEIGHT, ChartTestSupport.read(png).getHeight());
    }

    @Test
    void drawsAChartEvenWhenNothingIsPlottable() throws Exception {
        double[] junk = {0, NAN, INF, -2};
        LayerCurve c = new LayerCurve(8, 0, junk, junk, junk, junk);
        Path png = dir.resolve("nothing.png");
        assertDoesNotThrow(() -> LayerVarianceChart.write("nothing", List.of(c), png));
        BufferedImage img = ChartTestSupport.read(png);
        assertEquals(LayerVarianceChart.WIDTH, img.getWidth());
        JFreeChart chart = LayerVarianceChart.createChart("nothing", List.of(c));
        for (XYPlot p : subplots(chart)) {
            assertEquals(0, p.getDataset(0).getItemCount(0));
        }
        assertTrue(ChartTestSupport.subtitles(chart).stream().anyMatch(t -> t.contains("nothing to plot")
                && t.contains("m = 8")), ChartTestSupport.subtitles(chart).toString());
    }

    @Test
    void logYAxesForwardOnTopBackwardBelow() {
        JFreeChart chart = LayerVarianceChart.createChart("t", List.of(geometric(2, 5, false)));
        List<XYPlot> plots = subplots(chart);
        assertEquals(2, plots.size());
        assertInstanceOf(LogAxis.class, plots.get(0).getRangeAxis());
        assertInstanceOf(LogAxis.class, plots.get(1).getRangeAxis());
        assertTrue(plots.get(0).getRangeAxis().getLabel().contains("Var(a^[l])"));
        assertTrue(plots.get(1).getRangeAxis().getLabel().contains("Var(∂J/∂a^[l])"));
        assertTrue(((CombinedDomainXYPlot) chart.getPlot()).getDomainAxis().getLabel().startsWith("layer l"));
        // Forward of m = 2 grows: the last layer's value is 2^5.
        assertEquals(32.0, plots.get(0).getDataset(0).getYValue(0, 4), 0);
    }

    @Test
    void theoryIsDashedInTheColourOfItsCurve() {
        List<LayerCurve> curves = List.of(geometric(2, 4, true), geometric(0.5, 4, true), geometric(1, 4, false));
        JFreeChart chart = LayerVarianceChart.createChart("t", curves);
        for (XYPlot p : subplots(chart)) {
            XYItemRenderer measured = p.getRenderer(0);
            XYItemRenderer theory = p.getRenderer(1);
            for (int i = 0; i < curves.size(); i++) {
                assertEquals(measured.getSeriesPaint(i), theory.getSeriesPaint(i));
                assertNull(((BasicStroke) measured.getSeriesStroke(i)).getDashArray());
                assertNotNull(((BasicStroke) theory.getSeriesStroke(i)).getDashArray());
            }
            assertEquals(4, p.getDataset(1).getItemCount(0), "m = 0.5 (sorted first) has theory");
            assertEquals(0, p.getDataset(1).getItemCount(1), "m = 1 has none");
        }
    }

    @Test
    void legendNamesMultipliersInOrderWithOkabeItoColours() {
        List<LayerCurve> curves = List.of(geometric(2, 3, true), geometric(0.5, 3, false), geometric(1, 3, false));
        LegendItemCollection items = chartLegend(curves);
        assertEquals("m = 0.5", items.get(0).getLabel());
        assertEquals("m = 1", items.get(1).getLabel());
        assertEquals("m = 2", items.get(2).getLabel());
        assertEquals("theory (dashed)", items.get(3).getLabel());
        assertEquals(4, items.getItemCount());
        for (int i = 0; i < 3; i++) {
            assertEquals(ChartStyle.LINE_COLOURS.get(i), items.get(i).getLinePaint());
        }
    }

    @Test
    void sameMultiplierAtTwoEpochsGetsTheEpochInItsLabel() {
        LayerCurve a = new LayerCurve(1, 0, new double[] {1, 1}, new double[] {1, 1}, null, null);
        LayerCurve b = new LayerCurve(1, 10, new double[] {1, 2}, new double[] {2, 1}, null, null);
        LegendItemCollection items = chartLegend(List.of(b, a));
        assertEquals("m = 1, epoch 0", items.get(0).getLabel());
        assertEquals("m = 1, epoch 10", items.get(1).getLabel());
    }

    @Test
    void manyLinesStayDistinguishable() {
        List<LayerCurve> curves = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            curves.add(geometric(Math.pow(2, (i - 6) / 2.0), 4, false));
        }
        XYPlot p = subplots(LayerVarianceChart.createChart("t", curves)).get(0);
        Set<Object> paints = new HashSet<>();
        for (int i = 0; i < curves.size(); i++) {
            paints.add(p.getRenderer(0).getSeriesPaint(i));
        }
        assertEquals(12, paints.size());
    }

    @Test
    void measuredPointIsDrawnInItsColourWhereItBelongs() throws Exception {
        LayerCurve c = geometric(10, 4, false); // forward 10, 100, 1000, 10000
        JFreeChart chart = LayerVarianceChart.createChart("t", List.of(c));
        Path png = dir.resolve("point.png");
        ChartRenderingInfo info = ChartStyle.render(chart, png, LayerVarianceChart.WIDTH, LayerVarianceChart.HEIGHT);
        BufferedImage img = ChartTestSupport.read(png);
        XYPlot forward = subplots(chart).get(0);
        Rectangle2D area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        String blue = hex(ChartStyle.LINE_COLOURS.get(0).getRGB());
        String atPoint = colourAtSubplot(img, forward, chart, area, 3, 1000);
        assertEquals(blue, atPoint, "dot of layer 3");
        assertNotEquals(blue, colourAtSubplot(img, forward, chart, area, 3, 10), "nothing far below it");
    }

    @Test
    void rejectsEmptyAndMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> LayerVarianceChart.createChart("t", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> LayerVarianceChart.write("t", List.of(), dir.resolve("x.png")));
        LayerCurve noA = new LayerCurve(1, 0, null, new double[] {1}, null, null);
        assertThrows(IllegalArgumentException.class, () -> LayerVarianceChart.createChart("t", List.of(noA)));
    }

    private static LegendItemCollection chartLegend(List<LayerCurve> curves) {
        return LayerVarianceChart.createChart("t", curves).getPlot().getLegendItems();
    }

    /** Subplots share the combined plot's x axis; their y axis is their own. */
    private static String colourAtSubplot(BufferedImage img, XYPlot sub, JFreeChart chart, Rectangle2D area,
            double x, double y) {
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
        double px = combined.getDomainAxis().valueToJava2D(x, area, combined.getDomainAxisEdge());
        double py = sub.getRangeAxis().valueToJava2D(y, area, sub.getRangeAxisEdge());
        return hex(img.getRGB((int) Math.floor(px), (int) Math.floor(py)));
    }

    @Test
    void aCurveWithNothingLeftToPlotSaysWhy() {
        // zero init: every variance is 0, which a log axis cannot show
        LayerCurve zero = new LayerCurve(NAN, 0, new double[] {0, 0, 0}, new double[] {0, 0, NAN}, null, null,
                "fixed scheme (no m)");
        JFreeChart chart = LayerVarianceChart.createChart("t", List.of(zero, geometric(1, 3, false)));
        assertTrue(ChartTestSupport.subtitles(chart).contains("nothing to plot for: forward fixed scheme (no m), every"
                + " value 0, negative or not finite; backward fixed scheme (no m), every value 0, negative or not finite"),
                ChartTestSupport.subtitles(chart).toString());
    }
}
