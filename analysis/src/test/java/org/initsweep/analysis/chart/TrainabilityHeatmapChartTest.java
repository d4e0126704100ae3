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
        ChartRenderingInfo info = ChartStyle.save(chart, png, TrainabilityHeatmapChart.WIDTH,
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
    void multiplierAxisSaysWhatMIsForTheScheme() {
        List<TrainabilityHeatmapChart.Cell> cells = List.of(new TrainabilityHeatmapChart.Cell(10, 1, 0.5));
        assertEquals("variance multiplier m (fan_in·Var(W) = 2·m)", TrainabilityHeatmapChart
                .createChart(null, cells, 1.0, m -> 20, 2, "test accuracy").getXYPlot().getDomainAxis().getLabel());
        assertEquals("variance multiplier m = fan_in·Var(W)", TrainabilityHeatmapChart
                .createChart(null, cells, 1.0, m -> 20).getXYPlot().getDomainAxis().getLabel());
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
}
