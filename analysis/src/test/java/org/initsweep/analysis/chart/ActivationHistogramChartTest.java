package org.initsweep.analysis.chart;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivationHistogramChartTest {

    private static final double[] TANH_EDGES = {-1, -0.5, 0, 0.5, 1};

    @TempDir
    Path dir;

    private static List<XYPlot> panels(JFreeChart chart) {
        @SuppressWarnings("unchecked")
        List<XYPlot> plots = ((CombinedRangeXYPlot) chart.getPlot()).getSubplots();
        return plots;
    }

    private static List<LayerHistogram> layers(int n) {
        List<LayerHistogram> out = new ArrayList<>();
        for (int l = 1; l <= n; l++) {
            out.add(new LayerHistogram(l, TANH_EDGES, new long[] {l, 2, 3, 4}));
        }
        return out;
    }

    @Test
    void onePanelPerLayerInLayerOrderTitledLayerL() {
        List<LayerHistogram> given = layers(5);
        Collections.reverse(given);
        JFreeChart chart = ActivationHistogramChart.createChart("t", given);
        List<XYPlot> panels = panels(chart);
        assertEquals(5, panels.size());
        for (int i = 0; i < 5; i++) {
            assertEquals("layer " + (i + 1), panels.get(i).getDomainAxis(1).getLabel());
            assertEquals(-1, panels.get(i).getDomainAxis().getLowerBound(), 1e-12, "shared x range");
            assertEquals(1, panels.get(i).getDomainAxis().getUpperBound(), 1e-12);
        }
        assertEquals(ActivationHistogramChart.Y_LABEL,
                ((CombinedRangeXYPlot) chart.getPlot()).getRangeAxis().getLabel());
    }

    @Test
    void barHeightsAreFractionsOfTheLayerTotalOverTheBinEdges() {
        long[] counts = {10, 30, 40, 20};
        JFreeChart chart = ActivationHistogramChart.createChart("t",
                List.of(new LayerHistogram(3, TANH_EDGES, counts)));
        IntervalXYDataset d = (IntervalXYDataset) panels(chart).get(0).getDataset();
        assertEquals(4, d.getItemCount(0));
        for (int i = 0; i < 4; i++) {
            assertEquals(counts[i] / 100.0, d.getYValue(0, i), 1e-12, "bin " + i);
            assertEquals(TANH_EDGES[i], d.getStartXValue(0, i), 1e-12);
            assertEquals(TANH_EDGES[i + 1], d.getEndXValue(0, i), 1e-12);
        }
        double top = ((CombinedRangeXYPlot) chart.getPlot()).getRangeAxis().getUpperBound();
        assertTrue(top > 0.4 && top < 0.5, "head room above the tallest bar: " + top);
    }

    @Test
    void sharedXRangeSpansAllEdges() {
        List<LayerHistogram> h = List.of(new LayerHistogram(1, TANH_EDGES, new long[] {1, 1, 1, 1}),
                new LayerHistogram(2, new double[] {0, 0.5, 1}, new long[] {1, 1}));
        List<XYPlot> panels = panels(ActivationHistogramChart.createChart("t", h));
        for (XYPlot p : panels) {
            assertEquals(-1, p.getDomainAxis().getLowerBound(), 1e-12);
            assertEquals(1, p.getDomainAxis().getUpperBound(), 1e-12);
        }
    }

    @Test
    void manyLayersShowEveryKthPlusTheLastAndSaySo() {
        JFreeChart chart = ActivationHistogramChart.createChart("t", layers(31));
        List<XYPlot> panels = panels(chart);
        assertTrue(panels.size() <= ActivationHistogramChart.MAX_PANELS, "panels: " + panels.size());
        List<String> titles = panels.stream().map(p -> p.getDomainAxis(1).getLabel()).toList();
        assertEquals(List.of("layer 1", "layer 5", "layer 9", "layer 13", "layer 17", "layer 21", "layer 25",
                "layer 29", "layer 31"), titles);
        assertTrue(ChartTestSupport.subtitles(chart).stream()
                .anyMatch(t -> t.startsWith("31 layers: showing every 4th and the last")),
                ChartTestSupport.subtitles(chart).toString());

        assertEquals(10, panels(ActivationHistogramChart.createChart("t", layers(10))).size());
        assertEquals(1, ActivationHistogramChart.step(10));
        // 11 layers: every 2nd = 1, 3, …, 11 (6 panels, the last included).
        assertEquals(6, panels(ActivationHistogramChart.createChart("t", layers(11))).size());
        assertEquals(10, panels(ActivationHistogramChart.createChart("t", layers(19))).size());
    }

    @Test
    void emptyAndAllZeroHistogramsRenderAsEmptyPanels() throws Exception {
        List<LayerHistogram> h = List.of(new LayerHistogram(1, new double[0], new long[0]),
                new LayerHistogram(2, new double[] {0.5}, new long[0]),
                new LayerHistogram(3, TANH_EDGES, new long[4]));
        JFreeChart chart = assertDoesNotThrow(() -> ActivationHistogramChart.createChart("empty", h));
        List<XYPlot> panels = panels(chart);
        assertEquals(3, panels.size());
        for (XYPlot p : panels) {
            assertTrue(p.getAnnotations().stream()
                    .anyMatch(a -> ((XYTextAnnotation) a).getText().equals(ActivationHistogramChart.EMPTY_TEXT)));
        }
        IntervalXYDataset zero = (IntervalXYDataset) panels.get(2).getDataset();
        assertEquals(0.0, zero.getYValue(0, 1));
        Path png = dir.resolve("empty.png");
        ActivationHistogramChart.write("empty", h, png);
        BufferedImage img = ChartTestSupport.read(png);
        assertEquals(ActivationHistogramChart.imageWidth(3), img.getWidth());
        assertEquals(ActivationHistogramChart.HEIGHT, img.getHeight());
    }

    @Test
    void barsArePaintedInPanelPixels() throws Exception {
        // One full bin: the middle of the panel's data area is bar-coloured.
        List<LayerHistogram> h = List.of(new LayerHistogram(1, new double[] {-1, 1}, new long[] {7}));
        JFreeChart chart = ActivationHistogramChart.createChart("t", h);
        Path png = dir.resolve("one.png");
        var info = ChartStyle.render(chart, png,
                ActivationHistogramChart.imageWidth(1), ActivationHistogramChart.HEIGHT);
        BufferedImage img = ChartTestSupport.read(png);
        var area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        assertEquals("#0072B2", ChartTestSupport.hex(img.getRGB((int) area.getCenterX(), (int) area.getCenterY())));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ActivationHistogramChart.createChart("t", List.of()));
        assertThrows(NullPointerException.class, () -> ActivationHistogramChart.createChart("t", null));
        List<LayerHistogram> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> ActivationHistogramChart.createChart("t", withNull));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationHistogramChart.createChart("t", List.of(new LayerHistogram(2, TANH_EDGES,
                        new long[4]), new LayerHistogram(2, TANH_EDGES, new long[4]))));
        assertTrue(e.getMessage().contains("layer 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LayerHistogram(1, TANH_EDGES, new long[3]));
        assertTrue(e.getMessage().contains("3 bins need 4 edges, got 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LayerHistogram(1, null, new long[0]));
        assertThrows(IllegalArgumentException.class, () -> new LayerHistogram(1, new double[] {0, 1}, null));
        assertThrows(IllegalArgumentException.class,
                () -> new LayerHistogram(1, new double[] {0, 0, 1}, new long[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new LayerHistogram(1, new double[] {0, Double.NaN}, new long[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new LayerHistogram(1, new double[] {0, 1}, new long[] {-1}));
        assertThrows(NullPointerException.class, () -> ActivationHistogramChart.write("t", layers(1), null));
    }
}
