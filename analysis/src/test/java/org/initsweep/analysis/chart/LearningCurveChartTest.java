package org.initsweep.analysis.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** The learning-curve chart's y axis names the accuracy it draws; epochs a run did not reach are left out. */
class LearningCurveChartTest {

    @Test
    void theYAxisNamesTheAccuracyAndNaNEpochsAreLeftOut() {
        Map<String, double[]> curves = Map.of("m = 1", new double[] {0.1, 0.5, Double.NaN});
        JFreeChart train = LearningCurveChart.createChart(null, curves, 0.5, "train accuracy");
        assertEquals("train accuracy (mean over seeds)", train.getXYPlot().getRangeAxis().getLabel());
        assertEquals(2, train.getXYPlot().getDataset().getItemCount(0), "epoch 2 was not reached");
        assertEquals("test accuracy (mean over seeds)",
                LearningCurveChart.createChart(null, curves, 0.5).getXYPlot().getRangeAxis().getLabel());
    }
}
