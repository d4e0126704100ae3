package org.initsweep.analysis.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accuracy heatmap puts each cell's viridis colour where its (m, depth) is, and the bound over it. */
class TrainabilityHeatmapChartTest {

    @Test
    void viridisEndsAndCellEdges() {
        assertEquals("#440154", ChartTestSupport.hex(TrainabilityHeatmapChart.colour(0).getRGB()));
        assertEquals("#FDE725", ChartTestSupport.hex(TrainabilityHeatmapChart.colour(1).getRGB()));
        // Halfway between neighbours, the outer edges mirrored: m = 1, 2, 4 → [0.5, 1.5], [1.5, 3], [3, 5].
        double[][] e = TrainabilityHeatmapChart.edges(new double[] {1, 2, 4});
        assertArrayEquals(new double[] {0.5, 1.5, 3}, e[0], 0);
        assertArrayEquals(new double[] {1.5, 3, 5}, e[1], 0);
    }

    @Test
    void cellsTakeTheirAccuracyColourAndTheBoundIsDrawn(@TempDir Path tmp) throws Exception {
        List<TrainabilityHeatmapChart.Cell> cells = List.of(new TrainabilityHeatmapChart.Cell(10, 1, 0.0),
                new TrainabilityHeatmapChart.Cell(10, 4, 1.0), new TrainabilityHeatmapChart.Cell(50, 1, 1.0),
                new TrainabilityHeatmapChart.Cell(50, 4, 0.0));
        // A bound of 20 layers everywhere: a horizontal black line at depth 20.
        JFreeChart chart = TrainabilityHeatmapChart.createChart(null, cells, 2.0, m -> 20);
        Path png = tmp.resolve("t.png");
        ChartRenderingInfo info = ChartStyle.render(chart, png, TrainabilityHeatmapChart.WIDTH,
                TrainabilityHeatmapChart.HEIGHT);
        BufferedImage img = ChartTestSupport.read(png);
        XYPlot plot = (XYPlot) chart.getPlot();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        assertEquals("#440154", ChartTestSupport.colourAt(img, plot, area, 1.0, 10));
        assertEquals("#FDE725", ChartTestSupport.colourAt(img, plot, area, 4.0, 10));
        assertEquals("#FDE725", ChartTestSupport.colourAt(img, plot, area, 1.0, 50));
        assertEquals("#000000", ChartTestSupport.colourAt(img, plot, area, 1.0, 20));
    }

    @Test
    void aCellWhoseRunsAllDivergedIsGreyAndTheNoteSaysSo(@TempDir Path tmp) throws Exception {
        List<TrainabilityHeatmapChart.Cell> cells = List.of(new TrainabilityHeatmapChart.Cell(10, 1, 0.0),
                new TrainabilityHeatmapChart.Cell(10, 4, Double.NaN), new TrainabilityHeatmapChart.Cell(50, 1, 1.0),
                new TrainabilityHeatmapChart.Cell(50, 4, 1.0));
        JFreeChart chart = TrainabilityHeatmapChart.createChart(null, cells, 2.0, m -> Double.NaN);
        Path png = tmp.resolve("d.png");
        ChartRenderingInfo info = ChartStyle.render(chart, png, TrainabilityHeatmapChart.WIDTH,
                TrainabilityHeatmapChart.HEIGHT);
        BufferedImage img = ChartTestSupport.read(png);
        XYPlot plot = chart.getXYPlot();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        // not the white of the background, which an empty corner of the grid also shows
        assertEquals("#C0C0C0", ChartTestSupport.colourAt(img, plot, area, 4.0, 10));
        assertEquals("#440154", ChartTestSupport.colourAt(img, plot, area, 1.0, 10));
        assertTrue(ChartTestSupport.subtitles(chart).contains("grey: 1 cell without an accuracy (every run diverged, or none has a finite one)"),
                ChartTestSupport.subtitles(chart).toString());
        assertTrue(ChartTestSupport.subtitles(TrainabilityHeatmapChart.createChart(null, cells.subList(2, 4), 2.0,
                m -> Double.NaN)).stream().noneMatch(n -> n.startsWith("grey")), "no diverged cell, no note");
    }

    @Test
    void multiplierAxisSaysWhatMIsForTheScheme() {
        List<TrainabilityHeatmapChart.Cell> cells = List.of(new TrainabilityHeatmapChart.Cell(10, 1, 0.5));
        assertEquals("variance multiplier m (fan_in·Var(W) = 2·m)", TrainabilityHeatmapChart
                .createChart(null, cells, 1.0, m -> 20, 2, "test accuracy").getXYPlot().getDomainAxis().getLabel());
        assertEquals("variance multiplier m = fan_in·Var(W)", TrainabilityHeatmapChart
                .createChart(null, cells, 1.0, m -> 20).getXYPlot().getDomainAxis().getLabel());
    }

    @Test
    void depthTicksAreTheSweptDepths() {
        // depths 4 … 64 doubling: round ticks (10, 20, …) would fall between the cells' unequal rows
        List<TrainabilityHeatmapChart.Cell> cells = new java.util.ArrayList<>();
        for (int d : new int[] {4, 8, 16, 32, 64}) {
            cells.add(new TrainabilityHeatmapChart.Cell(d, 1, 0.5));
            cells.add(new TrainabilityHeatmapChart.Cell(d, 2, 0.5));
        }
        org.jfree.chart.axis.NumberAxis y = (org.jfree.chart.axis.NumberAxis) TrainabilityHeatmapChart
                .createChart(null, cells, 2.0, m -> 20).getXYPlot().getRangeAxis();
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g2 = image.createGraphics();
        List<?> ticks = y.refreshTicks(g2, new org.jfree.chart.axis.AxisState(), new Rectangle2D.Double(50, 10, 500, 350),
                org.jfree.chart.ui.RectangleEdge.LEFT);
        g2.dispose();
        assertEquals(List.of("4", "8", "16", "32", "64"),
                ticks.stream().map(t -> ((org.jfree.chart.axis.ValueTick) t).getText()).toList());
        // one depth (a width profile's group): that depth alone, no fractional ticks
        List<TrainabilityHeatmapChart.Cell> one = List.of(new TrainabilityHeatmapChart.Cell(3, 1, 0.5),
                new TrainabilityHeatmapChart.Cell(3, 2, 0.5));
        org.jfree.chart.axis.NumberAxis y1 = (org.jfree.chart.axis.NumberAxis) TrainabilityHeatmapChart
                .createChart(null, one, 2.0, m -> 20).getXYPlot().getRangeAxis();
        java.awt.Graphics2D g = image.createGraphics();
        List<?> ticks1 = y1.refreshTicks(g, new org.jfree.chart.axis.AxisState(), new Rectangle2D.Double(50, 10, 500, 350),
                org.jfree.chart.ui.RectangleEdge.LEFT);
        g.dispose();
        assertEquals(List.of("3"), ticks1.stream().map(t -> ((org.jfree.chart.axis.ValueTick) t).getText()).toList());
    }

    @Test
    void multiplierTicksAreFewAndReadable() {
        // σ_w² 1 to 4 (Schoenholz's Fig. 5): cells span 0.75 to 4.25
        assertEquals(0.5, TrainabilityHeatmapChart.tickUnit(3.5), 0);
        assertEquals(0.25, TrainabilityHeatmapChart.tickUnit(2.5), 0);
        assertEquals(20, TrainabilityHeatmapChart.tickUnit(150), 0);
        List<TrainabilityHeatmapChart.Cell> cells = List.of(new TrainabilityHeatmapChart.Cell(10, 1, 0.5),
                new TrainabilityHeatmapChart.Cell(10, 4, 0.5));
        org.jfree.chart.axis.NumberAxis x = (org.jfree.chart.axis.NumberAxis) TrainabilityHeatmapChart
                .createChart(null, cells, 2.0, m -> 20).getXYPlot().getDomainAxis();
        double ticks = (x.getUpperBound() - x.getLowerBound()) / x.getTickUnit().getSize();
        assertEquals(true, ticks >= 4 && ticks <= 10, ticks + " ticks");
    }

    @Test
    void theColourBarTheSeriesAndTheNoteNameTheJudgedAccuracy() {
        List<TrainabilityHeatmapChart.Cell> cells = List.of(new TrainabilityHeatmapChart.Cell(10, 1, 0.5));
        JFreeChart chart = TrainabilityHeatmapChart.createChart(null, cells, 1.0, m -> 20, 1, "train accuracy");
        String legendAxis = null;
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.PaintScaleLegend l) {
                legendAxis = l.getAxis().getLabel();
            }
        }
        assertEquals("train accuracy", legendAxis);
        assertEquals("train accuracy", chart.getXYPlot().getDataset(0).getSeriesKey(0));
        assertTrue(ChartTestSupport.subtitles(chart).stream().anyMatch(n -> n.startsWith("colour: mean train accuracy")),
                ChartTestSupport.subtitles(chart).toString());
    }

    @Test
    void multipliersSpanningAFactorOfTenOrMoreGetALogAxisWhereNoCellIsASliver(@TempDir Path tmp) throws Exception {
        assertTrue(TrainabilityHeatmapChart.logMultipliers(new double[] {0.5, 1, 4, 64}));
        assertTrue(!TrainabilityHeatmapChart.logMultipliers(new double[] {1, 1.5, 2, 4}), "Schoenholz's σ_w² 1 to 4");
        double[] ms = {0.5, 1, 4, 64};
        List<TrainabilityHeatmapChart.Cell> cells = new java.util.ArrayList<>();
        for (double m : ms) {
            cells.add(new TrainabilityHeatmapChart.Cell(10, m, m == 0.5 ? 0.0 : 1.0));
        }
        JFreeChart chart = TrainabilityHeatmapChart.createChart(null, cells, 1.0, m -> 20, 1, "train accuracy");
        XYPlot plot = chart.getXYPlot();
        assertTrue(plot.getDomainAxis() instanceof org.jfree.chart.axis.LogAxis, plot.getDomainAxis().getClass().getName());
        assertEquals("variance multiplier m = fan_in·Var(W)  (log scale)", plot.getDomainAxis().getLabel());
        Path png = tmp.resolve("log.png");
        ChartRenderingInfo info = ChartStyle.render(chart, png,
                TrainabilityHeatmapChart.WIDTH, TrainabilityHeatmapChart.HEIGHT);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        // geometric edges: m = 0.5 spans 0.354 … 0.707, one of 9.5 octaves (on a linear axis 0.5 of 94 units)
        double[][] e = RegimeHeatmapChart.cellEdges(ms);
        double width = plot.getDomainAxis().valueToJava2D(e[1][0], area, plot.getDomainAxisEdge())
                - plot.getDomainAxis().valueToJava2D(e[0][0], area, plot.getDomainAxisEdge());
        assertEquals(area.getWidth() / 9.5, width, 1.0);
        assertEquals("#440154", ChartTestSupport.colourAt(ChartTestSupport.read(png), plot, area, 0.5, 10));
        assertEquals("#FDE725", ChartTestSupport.colourAt(ChartTestSupport.read(png), plot, area, 64, 10));
    }
}
