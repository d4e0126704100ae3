package org.initsweep.analysis.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/** The paired-difference chart: means with their intervals, one line per multiplier, spread apart at a depth. */
class PairedDifferenceChartTest {

    @Test
    void drawsEachMeanWithItsIntervalAndSpreadsLinesAtADepth() {
        List<PairedDifference> cells = List.of(
                new PairedDifference(10, "m = 1", -0.04, -0.19, 0.11, 3),
                new PairedDifference(20, "m = 1", 0.1, Double.NaN, Double.NaN, 1),
                new PairedDifference(10, "m = 2", 0.3, 0.2, 0.4, 3),
                new PairedDifference(20, "m = 2", Double.NaN, Double.NaN, Double.NaN, 0, 1, 2));
        JFreeChart chart = PairedDifferenceChart.createChart("t", "he", "lecun", cells);
        YIntervalSeriesCollection d = (YIntervalSeriesCollection) chart.getXYPlot().getDataset();
        assertEquals(2, d.getSeriesCount());
        assertEquals(2, d.getItemCount(0));
        assertEquals(1, d.getItemCount(1), "a cell without a finished pair is left out");
        assertEquals(-0.04, d.getYValue(0, 0), 0);
        assertEquals(-0.19, d.getStartYValue(0, 0), 0);
        assertEquals(0.11, d.getEndYValue(0, 0), 0);
        assertEquals(0.1, d.getStartYValue(0, 1), 0, "no interval from one pair: a point without a bar");
        // depths 10 apart, 2 lines: 0.25 · 10 / 2 = 1.25 between them, centred on the depth
        assertEquals(10 - 0.625, d.getXValue(0, 0), 1e-12);
        assertEquals(10 + 0.625, d.getXValue(1, 0), 1e-12);
        assertEquals("J(he) \u2212 J(lecun), nats (paired by seed)", chart.getXYPlot().getRangeAxis().getLabel());
        assertTrue(ChartTestSupport.subtitles(chart).contains("1 cell left out: no pair finished"),
                ChartTestSupport.subtitles(chart).toString());
        assertTrue(ChartTestSupport.subtitles(chart).contains("diverged, their pairs left out of the means: 1 run of he, "
                + "2 of lecun (compare/: a_diverged, b_diverged)"), ChartTestSupport.subtitles(chart).toString());
        assertTrue(ChartTestSupport.subtitles(chart).contains("mean of the paired differences, bars: 95% interval"
                + " (Student t); below 0: he trained lower than lecun"), ChartTestSupport.subtitles(chart).toString());
        assertThrows(IllegalArgumentException.class, () -> PairedDifferenceChart.createChart("t", "a", "b", List.of()));
    }

    @Test
    void withOneSeedTheNoteSaysThereIsNoIntervalInsteadOfPromisingBars() {
        JFreeChart chart = PairedDifferenceChart.createChart("t", "he", "zero", List.of(
                new PairedDifference(2, "m = 1", -0.5, Double.NaN, Double.NaN, 1),
                new PairedDifference(2, "m = 100", -0.4, Double.NaN, Double.NaN, 1)));
        assertTrue(ChartTestSupport.subtitles(chart).contains("mean of the paired differences, one pair per point (one"
                + " seed): no interval; more seeds give one; below 0: he trained lower than zero"),
                ChartTestSupport.subtitles(chart).toString());
    }
}
