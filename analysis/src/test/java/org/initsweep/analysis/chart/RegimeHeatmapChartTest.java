package org.initsweep.analysis.chart;

import static org.initsweep.analysis.chart.ChartTestSupport.colourAt;
import static org.initsweep.analysis.chart.ChartTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.initsweep.core.regime.Regime;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegimeHeatmapChartTest {

    private static final int[] DEPTHS = {2, 5, 10, 20};
    /** Unevenly spaced in log space on purpose (1 → 1.5 → 4). */
    private static final double[] MS = {0.25, 0.5, 1, 1.5, 4};
    /** Expected cell edges: geometric means of neighbours, mirrored at both ends. */
    private static final double[] LOWER = {0.25 * 0.25 / Math.sqrt(0.125), Math.sqrt(0.125), Math.sqrt(0.5),
        Math.sqrt(1.5), Math.sqrt(6)};
    private static final double[] UPPER = {Math.sqrt(0.125), Math.sqrt(0.5), Math.sqrt(1.5), Math.sqrt(6),
        16 / Math.sqrt(6)};

    @TempDir
    Path dir;

    /** Regimes in a pattern where every cell differs from its left, right, upper and lower neighbour. */
    private static Regime regimeAt(int row, int col) {
        return Regime.values()[(row + 2 * col) % 3];
    }

    private static List<RegionCell> grid() {
        List<RegionCell> cells = new ArrayList<>();
        for (int r = 0; r < DEPTHS.length; r++) {
            for (int c = 0; c < MS.length; c++) {
                cells.add(new RegionCell(DEPTHS[r], MS[c], regimeAt(r, c), Math.log(MS[c]), Double.NaN, 3));
            }
        }
        Collections.shuffle(cells, new Random(7)); // input order must not matter
        return cells;
    }

    @Test
    void everyCellHasTheOkabeItoColourOfItsRegime() throws Exception {
        JFreeChart chart = RegimeHeatmapChart.createChart("grid", grid(), 2.0);
        Path png = dir.resolve("heatmap.png");
        ChartRenderingInfo info = ChartStyle.render(chart, png, RegimeHeatmapChart.WIDTH, RegimeHeatmapChart.HEIGHT);
        BufferedImage img = ChartTestSupport.read(png);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        int top = DEPTHS.length - 1;
        for (int r = 0; r < DEPTHS.length; r++) {
            for (int c = 0; c < MS.length; c++) {
                // Left half of the cell, a quarter row off centre (towards the middle of the plot):
                // clear of the centred rate text, the marker lines at m = 1 and 2, their labels at
                // the top and bottom of the plot, and the white separators.
                double x = Math.sqrt(LOWER[c] * MS[c]);
                double y = r == top ? r - 0.25 : r + 0.25;
                assertEquals(hex(ChartStyle.regimeColour(regimeAt(r, c)).getRGB()), colourAt(img, plot, area, x, y),
                        "cell depth " + DEPTHS[r] + ", m = " + MS[c]);
            }
        }
    }

    @Test
    void theRegimeRuleAndItsDecadesAreStatedUnderTheTitle() {
        List<String> one = ChartTestSupport.subtitles(RegimeHeatmapChart.createChart("grid", grid(), 2.0, 1.0));
        assertTrue(one.contains("stable: Var changes by at most 1 decade over the depth, |rate| \u2264 "
                + "1\u00b7ln 10/(L \u2212 1) nats per layer"), one.toString());
        List<String> two = ChartTestSupport.subtitles(RegimeHeatmapChart.createChart("grid", grid(), 2.0, 2.5));
        assertTrue(two.stream().anyMatch(s -> s.startsWith("stable: Var changes by at most 2.5 decades")),
                two.toString());
        assertFalse(ChartTestSupport.subtitles(RegimeHeatmapChart.createChart("grid", grid(), 2.0, Double.NaN))
                .stream().anyMatch(s -> s.startsWith("stable:")), "no rule stated without one");
    }

    @Test
    void cellsSpanHalfwayToTheirNeighboursInLogSpace() throws Exception {
        JFreeChart chart = RegimeHeatmapChart.createChart(null, grid(), Double.NaN);
        IntervalXYDataset data = (IntervalXYDataset) chart.getXYPlot().getDataset();
        int seen = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                int c = indexOf(MS, data.getXValue(s, i));
                assertEquals(LOWER[c], data.getStartXValue(s, i), 1e-12);
                assertEquals(UPPER[c], data.getEndXValue(s, i), 1e-12);
                assertEquals(1.0, data.getEndYValue(s, i) - data.getStartYValue(s, i), 1e-12, "one row per depth");
                seen++;
            }
        }
        assertEquals(DEPTHS.length * MS.length, seen);

        // And in pixels: a few pixels either side of the 1 | 1.5 boundary (√1.5) the colour changes.
        Path png = dir.resolve("edges.png");
        ChartRenderingInfo info = ChartStyle.render(chart, png, RegimeHeatmapChart.WIDTH, RegimeHeatmapChart.HEIGHT);
        BufferedImage img = ChartTestSupport.read(png);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        double boundary = Math.sqrt(1.5);
        assertEquals(hex(ChartStyle.regimeColour(regimeAt(1, 2)).getRGB()),
                colourAt(img, chart.getXYPlot(), area, boundary * Math.pow(2, -0.06), 1.25));
        assertEquals(hex(ChartStyle.regimeColour(regimeAt(1, 3)).getRGB()),
                colourAt(img, chart.getXYPlot(), area, boundary * Math.pow(2, 0.06), 1.25));
    }

    @Test
    void axesUseLog2MultipliersAndOneLabelledRowPerDepth() {
        JFreeChart chart = RegimeHeatmapChart.createChart("t", grid(), 2.0);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = (LogAxis) plot.getDomainAxis();
        assertEquals(2.0, x.getBase());
        assertEquals("variance multiplier m = fan_in·Var(W)  (log scale)", x.getLabel());
        assertEquals(LOWER[0], x.getLowerBound(), 1e-12);
        assertEquals(UPPER[MS.length - 1], x.getUpperBound(), 1e-12);
        SymbolAxis y = (SymbolAxis) plot.getRangeAxis();
        assertEquals("depth L (hidden layers)", y.getLabel());
        assertEquals(List.of("2", "5", "10", "20"), List.of(y.getSymbols()));
        assertEquals(-0.5, y.getLowerBound(), 1e-12);
        assertEquals(DEPTHS.length - 0.5, y.getUpperBound(), 1e-12);
    }

    @Test
    void multiplierAxisSaysWhatMIsForTheScheme() {
        // He's Var(W) = 2m/fan_in: at m = 1 fan_in·Var(W) is 2, not m
        assertEquals("variance multiplier m (fan_in·Var(W) = 2·m)  (log scale)",
                RegimeHeatmapChart.createChart("t", grid(), 1.0, 1.0, 2).getXYPlot().getDomainAxis().getLabel());
        assertEquals("variance multiplier m = fan_in·Var(W)  (log scale)",
                RegimeHeatmapChart.createChart("t", grid(), 1.0, 1.0, 1).getXYPlot().getDomainAxis().getLabel());
        assertEquals("variance multiplier m (× the init scheme's Var(W))  (log scale)",
                RegimeHeatmapChart.createChart("t", grid(), 1.0, 1.0, Double.NaN).getXYPlot().getDomainAxis().getLabel());
    }

    @Test
    void marksUnitMultiplierSolidAndPredictedCriticalDashed() {
        XYPlot plot = RegimeHeatmapChart.createChart("t", grid(), 2.0).getXYPlot();
        List<ValueMarker> markers = domainMarkers(plot);
        assertEquals(2, markers.size());
        ValueMarker one = markerAt(markers, 1.0);
        assertEquals("m = 1", one.getLabel());
        assertNull(((BasicStroke) one.getStroke()).getDashArray(), "m = 1 line is solid");
        ValueMarker crit = markerAt(markers, 2.0);
        assertTrue(crit.getLabel().startsWith("predicted m_c"), crit.getLabel());
        assertNotNull(((BasicStroke) crit.getStroke()).getDashArray(), "m_c line is dashed");
    }

    @Test
    void criticalAtOneSharesTheUnitLine() {
        List<ValueMarker> markers = domainMarkers(RegimeHeatmapChart.createChart("t", grid(), 1.0).getXYPlot());
        assertEquals(1, markers.size());
        assertEquals(1.0, markers.get(0).getValue());
        assertTrue(markers.get(0).getLabel().contains("m = 1"));
        assertTrue(markers.get(0).getLabel().contains("predicted m_c"));
    }

    @Test
    void noCriticalLineWithoutAFinitePositivePrediction() {
        for (double mc : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0, -2}) {
            List<ValueMarker> markers = domainMarkers(RegimeHeatmapChart.createChart("t", grid(), mc).getXYPlot());
            assertEquals(1, markers.size(), "m_c = " + mc);
            assertEquals("m = 1", markers.get(0).getLabel());
        }
    }

    @Test
    void markersNearTheSweepWidenTheAxisFarOnesGetANote() {
        List<RegionCell> cells = List.of(new RegionCell(3, 4, Regime.EXPLODING, 0.7, 0.7, 1),
                new RegionCell(3, 8, Regime.EXPLODING, 1.4, 1.4, 1));
        JFreeChart near = RegimeHeatmapChart.createChart("t", cells, 2.0);
        assertTrue(near.getXYPlot().getDomainAxis().getRange().contains(1.0), "m = 1 within 3 octaves is shown");
        assertTrue(near.getXYPlot().getDomainAxis().getRange().contains(2.0));

        JFreeChart far = RegimeHeatmapChart.createChart("t", cells, 1000.0);
        assertFalse(far.getXYPlot().getDomainAxis().getRange().contains(1000.0));
        assertTrue(ChartTestSupport.subtitles(far).stream().anyMatch(t -> t.contains("m_c = 1000") && t.contains("outside")),
                ChartTestSupport.subtitles(far).toString());
    }

    @Test
    void multipliersHundredsOfOctavesApartAreDrawnNotAnError() throws Exception {
        // two runs at m = 1e-300 and 1e300 (one vanishing, one diverged): a result, charted like any other
        List<RegionCell> cells = List.of(new RegionCell(2, 1e-300, Regime.VANISHING, -300, Double.NaN, 1),
                new RegionCell(2, 1e300, Regime.EXPLODING, 300, Double.NaN, 1),
                new RegionCell(3, 1e-300, Regime.VANISHING, -300, Double.NaN, 1),
                new RegionCell(3, 1e300, Regime.EXPLODING, 300, Double.NaN, 1));
        Path png = dir.resolve("wide.png");
        RegimeHeatmapChart.write("wide", cells, 1.0, 1.0, png);
        assertTrue(Files.size(png) > 0);
        double[][] edges = RegimeHeatmapChart.cellEdges(new double[] {1e-300, 1e300});
        assertEquals(1.0, edges[1][0], 1e-15, "the cells meet at the geometric mean");
        assertEquals(Double.MIN_NORMAL, edges[0][0], 0, "1e-600 is no double: the edge stays finite and positive");
        assertEquals(Double.MAX_VALUE, edges[1][1], 0);
        var axis = RegimeHeatmapChart.createChart("wide", cells, 1.0).getXYPlot().getDomainAxis().getRange();
        assertTrue(axis.contains(1e-300) && axis.contains(1e300) && Double.isFinite(axis.getUpperBound()), axis.toString());
    }

    @Test
    void legendListsAllThreeRegimesEvenWhenOnlyOneOccurs() {
        List<RegionCell> cells = List.of(new RegionCell(4, 1, Regime.STABLE, 0, 0, 1));
        LegendItemCollection items = RegimeHeatmapChart.createChart("t", cells, 1).getXYPlot().getLegendItems();
        assertEquals(3, items.getItemCount());
        for (Regime r : Regime.values()) {
            assertEquals(r.label(), items.get(r.ordinal()).getLabel());
            assertEquals(ChartStyle.regimeColour(r), items.get(r.ordinal()).getFillPaint());
        }
    }

    @Test
    void okabeItoColours() {
        assertEquals("#0072B2", hex(ChartStyle.regimeColour(Regime.VANISHING).getRGB()));
        assertEquals("#009E73", hex(ChartStyle.regimeColour(Regime.STABLE).getRGB()));
        assertEquals("#D55E00", hex(ChartStyle.regimeColour(Regime.EXPLODING).getRGB()));
    }

    @Test
    void showsForwardRatesInRoomyCellsOnly() {
        JFreeChart small = RegimeHeatmapChart.createChart("t", grid(), 2.0);
        List<String> texts = small.getXYPlot().getAnnotations().stream()
                .map(a -> ((XYTextAnnotation) a).getText().strip()).collect(Collectors.toList());
        assertEquals(DEPTHS.length * MS.length, texts.size());
        assertTrue(texts.contains("−1.39"), texts.toString()); // ln 0.25
        assertTrue(texts.contains("+0.41"), texts.toString()); // ln 1.5

        List<RegionCell> dense = new ArrayList<>();
        for (int d = 1; d <= 40; d++) {
            for (int k = -16; k <= 16; k++) {
                dense.add(new RegionCell(d, Math.pow(2, k / 4.0), Regime.STABLE, 0, 0, 1));
            }
        }
        assertTrue(RegimeHeatmapChart.createChart("t", dense, 1).getXYPlot().getAnnotations().isEmpty());
    }

    @Test
    void rateText() {
        assertEquals("+0.35", RegimeHeatmapChart.rateText(0.3456));
        assertEquals("−1.20", RegimeHeatmapChart.rateText(-1.2));
        assertEquals("+0.00", RegimeHeatmapChart.rateText(-0.001));
        assertEquals("+∞", RegimeHeatmapChart.rateText(Double.POSITIVE_INFINITY));
        assertEquals("−∞", RegimeHeatmapChart.rateText(Double.NEGATIVE_INFINITY));
        assertEquals("", RegimeHeatmapChart.rateText(Double.NaN));
    }

    @Test
    void writeProducesTheDocumentedPng() throws Exception {
        List<RegionCell> cells = List.of(new RegionCell(10, 2, Regime.EXPLODING, Double.POSITIVE_INFINITY, 1, 2));
        Path png = dir.resolve("sub/dir/one.png");
        RegimeHeatmapChart.write("one cell", cells, 2.0, png);
        BufferedImage img = ChartTestSupport.read(png);
        assertEquals(RegimeHeatmapChart.WIDTH, img.getWidth());
        assertEquals(RegimeHeatmapChart.HEIGHT, img.getHeight());
        assertEquals("#FFFFFF", hex(img.getRGB(2, 2)), "white background");
        // A lone multiplier spans half an octave either side.
        IntervalXYDataset data = (IntervalXYDataset) RegimeHeatmapChart.createChart("t", cells, 2.0).getXYPlot()
                .getDataset();
        int s = Regime.EXPLODING.ordinal();
        assertEquals(2 / Math.sqrt(2), data.getStartXValue(s, 0), 1e-12);
        assertEquals(2 * Math.sqrt(2), data.getEndXValue(s, 0), 1e-12);
    }

    @Test
    void rejectsEmptyAndMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> RegimeHeatmapChart.createChart("t", List.of(), 1));
        assertThrows(IllegalArgumentException.class,
                () -> RegimeHeatmapChart.write("t", List.of(), 1, dir.resolve("x.png")));
        for (double m : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            List<RegionCell> bad = List.of(new RegionCell(2, m, Regime.STABLE, 0, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> RegimeHeatmapChart.createChart("t", bad, 1), "m = " + m);
        }
        List<RegionCell> noRegime = List.of(new RegionCell(2, 1, null, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> RegimeHeatmapChart.createChart("t", noRegime, 1));
        List<RegionCell> twice = List.of(new RegionCell(2, 1, Regime.STABLE, 0, 0, 1),
                new RegionCell(2, 1, Regime.EXPLODING, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> RegimeHeatmapChart.createChart("t", twice, 1));
        assertFalse(dir.resolve("x.png").toFile().exists());
    }

    private static List<ValueMarker> domainMarkers(XYPlot plot) {
        Collection<?> fg = plot.getDomainMarkers(Layer.FOREGROUND);
        Collection<?> bg = plot.getDomainMarkers(Layer.BACKGROUND);
        List<ValueMarker> all = new ArrayList<>();
        for (Collection<?> c : List.of(fg == null ? List.of() : fg, bg == null ? List.of() : bg)) {
            for (Object o : c) {
                all.add((ValueMarker) o);
            }
        }
        return all;
    }

    private static ValueMarker markerAt(List<ValueMarker> markers, double value) {
        return markers.stream().filter(m -> m.getValue() == value).findFirst()
                .orElseThrow(() -> new AssertionError("no marker at " + value + ": "
                        + markers.stream().map(Marker::getLabel).collect(Collectors.toList())));
    }

    private static int indexOf(double[] a, double v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError("unexpected x " + v);
    }
}
