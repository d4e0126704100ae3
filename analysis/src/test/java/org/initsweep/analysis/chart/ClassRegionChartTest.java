package org.initsweep.analysis.chart;

import static org.initsweep.analysis.chart.ChartTestSupport.colourAt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassRegionChartTest {

    private static final List<String> NAMES = List.of("class 0 (label 5)", "class 1 (label 7)", "class 2 (label 9)");

    @TempDir
    Path dir;

    /**
     * 4 × 4 grid over [−2, 2]² (cells of side 1): class 0 in the left half, 1 in the top right quarter, 2 in the
     * bottom right; confidence 1 except the top right cell, where it is 1/3 (all classes equally likely).
     */
    private static ClassRegions quarters(int divergedCell) {
        int[] predicted = new int[16];
        double[] confidence = new double[16];
        for (int i2 = 0; i2 < 4; i2++) {
            for (int i1 = 0; i1 < 4; i1++) {
                predicted[i2 * 4 + i1] = i1 < 2 ? 0 : i2 >= 2 ? 1 : 2;
                confidence[i2 * 4 + i1] = 1;
            }
        }
        confidence[15] = 1.0 / 3;
        if (divergedCell >= 0) {
            predicted[divergedCell] = -1;
            confidence[divergedCell] = Double.NaN;
        }
        return new ClassRegions(-2, 2, 4, 3, predicted, confidence);
    }

    @Test
    void cellShadesBlendTheClassColourWithWhiteByConfidence() {
        // blue #0072B2 at weight FULL = 0.62: 255 + 0.62·(c − 255) per channel
        assertEquals(new Color(97, 168, 207), ClassRegionChart.cellColour(0, 1, 3));
        // at confidence 1/K the weight is PALE = 0.12: vermillion #D55E00
        assertEquals(new Color(250, 236, 224), ClassRegionChart.cellColour(1, 1.0 / 3, 3));
        // halfway between 1/K and 1 for K = 2 (confidence 0.75): weight 0.37 of bluish green #009E73
        assertEquals(new Color(161, 219, 203), ClassRegionChart.cellColour(2, 0.75, 2));
        assertEquals(ChartStyle.NAN_GREY, ClassRegionChart.cellColour(-1, Double.NaN, 3));
        assertEquals(ChartStyle.NAN_GREY, ClassRegionChart.cellColour(1, Double.NaN, 3));
    }

    @Test
    void cellsArePaintedInTheirClassesShadeAndDivergedCellsGrey() throws Exception {
        JFreeChart chart = ClassRegionChart.createChart("t", quarters(0), new float[0], new int[0], NAMES);
        Path png = dir.resolve("regions.png");
        ChartRenderingInfo info = ChartStyle.render(chart, png,
                DecisionBoundaryChart.WIDTH, DecisionBoundaryChart.HEIGHT);
        BufferedImage img = ChartTestSupport.read(png);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        assertEquals("#61A8CF", colourAt(img, chart.getXYPlot(), area, -1.5, 1.5), "class 0, sure");
        assertEquals("#FAECE0", colourAt(img, chart.getXYPlot(), area, 1.5, 1.5), "class 1 at confidence 1/3: pale");
        assertEquals(ChartTestSupport.hex(ClassRegionChart.cellColour(2, 1, 3).getRGB()),
                colourAt(img, chart.getXYPlot(), area, 1.5, -1.5), "class 2, sure");
        assertEquals("#C0C0C0", colourAt(img, chart.getXYPlot(), area, -1.6, -1.6), "diverged cell");
        assertTrue(ChartTestSupport.subtitles(chart).contains("1 of 16 grid points are not finite (the network"
                + " diverged there): drawn grey"), ChartTestSupport.subtitles(chart).toString());
        LegendItemCollection legend = chart.getXYPlot().getFixedLegendItems();
        assertEquals(List.of("class 0 (label 5)", "class 1 (label 7)", "class 2 (label 9)", "class boundary",
                "not finite (diverged)"), java.util.stream.IntStream.range(0, legend.getItemCount())
                .mapToObj(i -> legend.get(i).getLabel()).toList());
    }

    @Test
    void boundariesRunAlongTheCellEdgesBetweenClasses() {
        double[][] b = ClassRegionChart.boundaries(quarters(-1));
        // vertical: x = 0 between columns 1 and 2 in all 4 rows; horizontal: y = 0 between rows 1 and 2 in the
        // right half (columns 2 and 3): 6 segments of length 1
        assertEquals(6 * 3, b[0].length);
        int vertical = 0;
        int horizontal = 0;
        for (int s = 0; s < b[0].length; s += 3) {
            double x0 = b[0][s];
            double x1 = b[0][s + 1];
            double y0 = b[1][s];
            double y1 = b[1][s + 1];
            assertTrue(Double.isNaN(b[0][s + 2]) && Double.isNaN(b[1][s + 2]), "gap after each segment");
            if (x0 == x1) {
                assertEquals(0, x0, 1e-12);
                assertEquals(1, Math.abs(y1 - y0), 1e-12);
                vertical++;
            } else {
                assertEquals(0, y0, 1e-12);
                assertEquals(y0, y1, 1e-12);
                assertTrue(x0 >= 0 && x1 <= 2, x0 + " " + x1);
                horizontal++;
            }
        }
        assertEquals(4, vertical);
        assertEquals(2, horizontal);
        // a diverged cell has no edge: cell (3, 2) of class 1 loses its edge to class 2 below
        assertEquals(5 * 3, ClassRegionChart.boundaries(quarters(11))[0].length);
    }

    @Test
    void pointsAreOneSeriesPerClass() {
        float[] x = {-1.5f, 1f, 1.5f, 1.5f, 1.5f, -1.5f, -9f, 0f};
        int[] y = {0, 1, 2, 2};
        JFreeChart chart = ClassRegionChart.createChart("t", quarters(-1), x, y, NAMES);
        XYDataset points = chart.getXYPlot().getDataset(ClassRegionChart.POINTS_DATASET);
        assertEquals(3, points.getSeriesCount());
        assertArrayEquals(new int[] {1, 1, 2}, new int[] {points.getItemCount(0), points.getItemCount(1),
            points.getItemCount(2)});
        assertTrue(ChartTestSupport.subtitles(chart).contains("1 training point lies outside [-2, 2]² and is not shown"),
                ChartTestSupport.subtitles(chart).toString());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassRegionChart.createChart("t", quarters(-1),
                new float[] {0, 0}, new int[] {3}, NAMES));
        assertThrows(IllegalArgumentException.class, () -> ClassRegionChart.createChart("t", quarters(-1),
                new float[0], new int[0], NAMES.subList(0, 2)));
        assertThrows(IllegalArgumentException.class, () -> new ClassRegions(-2, 2, 2, 3, new int[] {0, 1, 2, 3},
                new double[] {1, 1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new ClassRegions(-2, 2, 2, 3, new int[] {0, 1, 2},
                new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new ClassRegions(2, 2, 2, 3, new int[4], new double[4]));
    }
}
