package org.initsweep.analysis.chart;

import static org.initsweep.analysis.chart.ChartTestSupport.colourAt;
import static org.initsweep.analysis.chart.ChartTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionBoundaryChartTest {

    private static final float[] X = {-2f, -2f, -1.5f, 0.5f, 1f, 2f, 2.5f, -1f, 0.2f, 0.3f};
    private static final float[] Y = {0f, 0f, 1f, 1f, 1f};

    @TempDir
    Path dir;

    /** 4 × 4 grid over [−2, 2]²: cells of side 1 centred at −1.5, −0.5, 0.5, 1.5. */
    private static BoundaryGrid quadrants(double nanAt) {
        int steps = 4;
        double[] p = new double[steps * steps];
        for (int i2 = 0; i2 < steps; i2++) {
            for (int i1 = 0; i1 < steps; i1++) {
                // Left half p = 0, right half p = 1, except the bottom row: p = ½.
                p[i2 * steps + i1] = i2 == 0 ? 0.5 : (i1 < 2 ? 0 : 1);
            }
        }
        if (!Double.isNaN(nanAt)) {
            p[(int) nanAt] = Double.NaN;
        }
        return new BoundaryGrid(-2, 2, steps, p);
    }

    private static int distance(String hexA, Color b) {
        Color a = new Color(Integer.parseInt(hexA.substring(1), 16));
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    @Test
    void cellsTakeTheDivergingColourOfTheirProbabilityAndNanIsGrey() throws Exception {
        // NaN at i1 = 3, i2 = 3 (top right cell).
        BoundaryGrid grid = quadrants(15);
        // No training points: nothing covers the cells.
        JFreeChart chart = DecisionBoundaryChart.createChart("t", grid, new float[0], new float[0]);
        Path png = dir.resolve("grid.png");
        ChartRenderingInfo info = ChartStyle.render(chart, png,
                DecisionBoundaryChart.WIDTH, DecisionBoundaryChart.HEIGHT);
        BufferedImage img = ChartTestSupport.read(png);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        // Away from the p = ½ contour (which runs through x₁ = 0 and near the bottom row).
        assertEquals("#0072B2", colourAt(img, plot, area, -1.7, 1.7), "p = 0: Okabe–Ito blue");
        assertEquals("#D55E00", colourAt(img, plot, area, 0.7, 0.7), "p = 1: Okabe–Ito vermillion");
        assertEquals("#C0C0C0", colourAt(img, plot, area, 1.5, 1.5), "NaN: light grey");
        String half = colourAt(img, plot, area, -1.5, -1.9);
        assertTrue(distance(half, Color.WHITE) <= 6, "p = ½ near white, got " + half);
        assertTrue(Math.abs(area.getWidth() - area.getHeight()) <= 1.5, "equal aspect: " + area);
        assertTrue(ChartTestSupport.subtitles(chart).stream().anyMatch(t -> t.startsWith("1 of 16 grid points")),
                ChartTestSupport.subtitles(chart).toString());
    }

    @Test
    void gridDatasetFollowsTheRowMajorLayout() {
        BoundaryGrid grid = quadrants(Double.NaN);
        XYZDataset d = (XYZDataset) DecisionBoundaryChart.createChart("t", grid, new float[0], new float[0])
                .getXYPlot().getDataset(DecisionBoundaryChart.GRID_DATASET);
        assertEquals(16, d.getItemCount(0));
        int idx = 2 * 4 + 3; // i2 = 2, i1 = 3
        assertEquals(1.5, d.getXValue(0, idx), 1e-12);
        assertEquals(0.5, d.getYValue(0, idx), 1e-12);
        assertEquals(1.0, d.getZValue(0, idx), 1e-12);
        assertEquals(-1.5, grid.coordinate(0), 1e-12);
        assertEquals(1.0, grid.cellSize(), 1e-12);
    }

    @Test
    void colourScaleEndsAndMiddle() {
        assertEquals("#0072B2", hex(DecisionBoundaryChart.probabilityColour(0).getRGB()));
        assertEquals("#FFFFFF", hex(DecisionBoundaryChart.probabilityColour(0.5).getRGB()));
        assertEquals("#D55E00", hex(DecisionBoundaryChart.probabilityColour(1).getRGB()));
        assertEquals("#C0C0C0", hex(DecisionBoundaryChart.probabilityColour(Double.NaN).getRGB()));
        assertEquals("#D55E00", hex(DecisionBoundaryChart.probabilityColour(1 + 1e-7).getRGB()), "clamped");
    }

    @Test
    void trainingPointsSplitIntoTwoClassSeriesWithLegend() {
        JFreeChart chart = DecisionBoundaryChart.createChart("t", quadrants(Double.NaN), X, Y);
        XYDataset pts = chart.getXYPlot().getDataset(DecisionBoundaryChart.POINTS_DATASET);
        assertEquals(2, pts.getSeriesCount());
        assertEquals(DecisionBoundaryChart.CLASS0_LABEL, pts.getSeriesKey(0));
        assertEquals(2, pts.getItemCount(0));
        assertEquals(3, pts.getItemCount(1));
        assertEquals(-1.5, pts.getXValue(0, 1), 1e-6);
        assertEquals(0.5, pts.getYValue(0, 1), 1e-6);
        assertEquals(1.0, pts.getXValue(1, 0), 1e-6);
        assertEquals(2.0, pts.getYValue(1, 0), 1e-6);
        // The point (2.5, −1) lies outside [−2, 2]²: kept but noted.
        assertTrue(ChartTestSupport.subtitles(chart).stream().anyMatch(t -> t.contains("1 training point lies outside")),
                ChartTestSupport.subtitles(chart).toString());
        LegendItemCollection legend = chart.getXYPlot().getLegendItems();
        assertEquals(DecisionBoundaryChart.CLASS0_LABEL, legend.get(0).getLabel());
        assertEquals(DecisionBoundaryChart.CLASS1_LABEL, legend.get(1).getLabel());
        assertEquals(DecisionBoundaryChart.CONTOUR_LABEL, legend.get(2).getLabel());
        assertEquals(3, legend.getItemCount(), "no NaN entry without NaN cells");
        assertTrue(chart.getSubtitles().stream().anyMatch(s -> s instanceof PaintScaleLegend l
                && DecisionBoundaryChart.SCALE_LABEL.equals(l.getAxis().getLabel())), "colour bar P(class 1)");
    }

    @Test
    void markersAreDrawnOverTheMap() throws Exception {
        // A single class-0 point in the middle of a p = 1 region: the pixel there is not vermillion.
        double[] p = new double[100];
        Arrays.fill(p, 1.0);
        BoundaryGrid grid = new BoundaryGrid(-3, 3, 10, p);
        JFreeChart chart = DecisionBoundaryChart.createChart(null, grid, new float[] {0.3f, 0.3f}, new float[] {0f});
        Path png = dir.resolve("marker.png");
        ChartRenderingInfo info = ChartStyle.render(chart, png,
                DecisionBoundaryChart.WIDTH, DecisionBoundaryChart.HEIGHT);
        BufferedImage img = ChartTestSupport.read(png);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        assertEquals("#0072B2", colourAt(img, chart.getXYPlot(), area, 0.3, 0.3), "class-0 marker fill");
        assertEquals("#D55E00", colourAt(img, chart.getXYPlot(), area, 2, 2), "map elsewhere");
    }

    @Test
    void contourFollowsTheHalfLevel() {
        // p rises linearly in x₁ from 0 to 1 across [0, 1]: the ½ level is the vertical line x₁ = 0.5.
        int steps = 5;
        double[] p = new double[steps * steps];
        for (int i2 = 0; i2 < steps; i2++) {
            for (int i1 = 0; i1 < steps; i1++) {
                p[i2 * steps + i1] = (i1 + 0.5) / steps;
            }
        }
        double[][] seg = DecisionBoundaryChart.contour(new BoundaryGrid(0, 1, steps, p), 0.5);
        assertEquals(3 * (steps - 1), seg[0].length, "one segment per row of squares");
        for (int i = 0; i < seg[0].length; i++) {
            if (i % 3 == 2) {
                assertTrue(Double.isNaN(seg[0][i]), "gap between segments");
            } else {
                assertEquals(0.5, seg[0][i], 1e-9);
            }
        }
        // Saddle and NaN squares: no crash, NaN squares skipped.
        double[] saddle = {0, 1, 1, 0};
        assertEquals(6, DecisionBoundaryChart.contour(new BoundaryGrid(0, 1, 2, saddle), 0.5)[0].length);
        double[] withNan = {0, 1, Double.NaN, 0};
        assertEquals(0, DecisionBoundaryChart.contour(new BoundaryGrid(0, 1, 2, withNan), 0.5)[0].length);
    }

    @Test
    void divergedNetworkRendersAllGrey() throws Exception {
        double[] p = new double[9];
        Arrays.fill(p, Double.NaN);
        BoundaryGrid grid = new BoundaryGrid(-3, 3, 3, p);
        Path png = dir.resolve("nan/all.png");
        assertDoesNotThrow(() -> DecisionBoundaryChart.write("diverged", grid, X, Y, png));
        BufferedImage img = ChartTestSupport.read(png);
        assertEquals(DecisionBoundaryChart.WIDTH, img.getWidth());
        assertEquals(DecisionBoundaryChart.HEIGHT, img.getHeight());
        JFreeChart chart = DecisionBoundaryChart.createChart("diverged", grid, X, Y);
        assertTrue(ChartTestSupport.subtitles(chart).stream().anyMatch(t -> t.contains("NaN everywhere")));
        LegendItemCollection legend = chart.getXYPlot().getLegendItems();
        assertEquals(DecisionBoundaryChart.NAN_LABEL, legend.get(legend.getItemCount() - 1).getLabel());
    }

    @Test
    void singleStepGridAndNoPoints() {
        BoundaryGrid one = new BoundaryGrid(0, 1, 1, new double[] {0.3});
        JFreeChart chart = assertDoesNotThrow(() -> DecisionBoundaryChart.createChart(null, one, new float[0],
                new float[0]));
        assertEquals(0, chart.getXYPlot().getDataset(DecisionBoundaryChart.CONTOUR_DATASET).getItemCount(0));
        LegendItemCollection legend = chart.getXYPlot().getLegendItems();
        assertEquals(1, legend.getItemCount(), "no class entries without points");
        assertEquals(DecisionBoundaryChart.CONTOUR_LABEL, legend.get(0).getLabel());
    }

    @Test
    void nonFinitePointsAreLeftOutAndNoted() {
        float[] x = {Float.NaN, 0f, 0f, 0f};
        JFreeChart chart = DecisionBoundaryChart.createChart("t", quadrants(Double.NaN), x, new float[] {1f, 0f});
        XYDataset pts = chart.getXYPlot().getDataset(DecisionBoundaryChart.POINTS_DATASET);
        assertEquals(1, pts.getItemCount(0));
        assertEquals(0, pts.getItemCount(1));
        assertTrue(ChartTestSupport.subtitles(chart).stream().anyMatch(t -> t.startsWith("1 training point with")));
    }

    @Test
    void rejectsBadInput() {
        double[] four = {0, 0, 1, 1};
        assertThrows(IllegalArgumentException.class, () -> new BoundaryGrid(0, 1, 0, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new BoundaryGrid(1, 1, 2, four));
        assertThrows(IllegalArgumentException.class, () -> new BoundaryGrid(2, 1, 2, four));
        assertThrows(IllegalArgumentException.class, () -> new BoundaryGrid(Double.NaN, 1, 2, four));
        assertThrows(IllegalArgumentException.class, () -> new BoundaryGrid(0, 1, 3, four));
        assertThrows(IllegalArgumentException.class, () -> new BoundaryGrid(0, 1, 2, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BoundaryGrid(0, 1, 3, four));
        assertTrue(e.getMessage().contains("needs 9"), e.getMessage());

        BoundaryGrid ok = new BoundaryGrid(0, 1, 2, four);
        e = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryChart.createChart("t", ok, new float[3], new float[2]));
        assertTrue(e.getMessage().contains("x.length = 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryChart.createChart("t", ok, new float[2], new float[] {0.5f}));
        assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryChart.createChart("t", ok, new float[2], new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> DecisionBoundaryChart.createChart("t",
                new BoundaryGrid(0, 1, 2, new double[] {0, 0, 1.5, 1}), new float[0], new float[0]));
        assertThrows(IllegalArgumentException.class, () -> DecisionBoundaryChart.createChart("t",
                new BoundaryGrid(0, 1, 2, new double[] {0, Double.POSITIVE_INFINITY, 1, 1}), new float[0],
                new float[0]));
        assertThrows(NullPointerException.class,
                () -> DecisionBoundaryChart.createChart("t", null, new float[0], new float[0]));
        assertThrows(NullPointerException.class,
                () -> DecisionBoundaryChart.write("t", ok, new float[0], new float[0], null));
    }

    @Test
    void contourDatasetIsDrawnBetweenMapAndPoints() {
        JFreeChart chart = DecisionBoundaryChart.createChart("t", quadrants(Double.NaN), X, Y);
        XYPlot plot = chart.getXYPlot();
        assertInstanceOf(XYZDataset.class, plot.getDataset(DecisionBoundaryChart.GRID_DATASET));
        XYDataset contour = plot.getDataset(DecisionBoundaryChart.CONTOUR_DATASET);
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < contour.getItemCount(0); i++) {
            if (!Double.isNaN(contour.getXValue(0, i))) {
                xs.add(contour.getXValue(0, i));
            }
        }
        assertFalse(xs.isEmpty());
        assertTrue(xs.contains(0.0), "the 0 | 1 step between x₁ = −0.5 and 0.5 crosses ½ at 0: " + xs);
    }
}
