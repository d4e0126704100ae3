package org.initsweep.analysis.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initsweep.core.regime.Regime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every chart survives what diverging or degenerate sweeps feed it: all values equal (at any
 * magnitude, e.g. 4.8159e54 from {@code "learning_rate": 1e30}, where JFreeChart's minimum range
 * widening of 1e-8 is lost to rounding), and NaN or ±∞ everywhere. Each is drawn, not thrown.
 */
class DegenerateRangeChartTest {

    @TempDir
    Path dir;

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private void drawn(Path png) throws Exception {
        assertTrue(Files.size(png) > 1_000, png + " written");
    }

    @ParameterizedTest
    @ValueSource(doubles = {4.8159e54, 1.0, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
        Double.POSITIVE_INFINITY, 0.0})
    void layerVariance(double v) throws Exception {
        Path png = dir.resolve("layers.png");
        LayerVarianceChart.write("t", List.of(new LayerCurve(1, 0, filled(4, v), filled(4, v), filled(4, v),
                filled(4, v)), new LayerCurve(2, 0, filled(4, v), filled(4, v), null, null)), png);
        drawn(png);
    }

    @ParameterizedTest
    @ValueSource(doubles = {4.8159e54, 1.0, 1e-300, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, 0.0,
        -3.0})
    void lossAndLearningCurves(double v) throws Exception {
        Map<String, double[]> lines = new LinkedHashMap<>();
        lines.put("m = 1", filled(6, v));
        lines.put("m = 2", filled(6, v));
        Path loss = dir.resolve("loss.png");
        LossCurveChart.write("t", lines, loss);
        drawn(loss);
        Path learning = dir.resolve("learning.png");
        LearningCurveChart.write("t", lines, v, learning);
        drawn(learning);
    }

    @ParameterizedTest
    @ValueSource(doubles = {4.8159e54, 1.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MAX_VALUE})
    void isometry(double v) throws Exception {
        Path png = dir.resolve("isometry.png");
        IsometryChart.write("t", Map.of("orthogonal", new IsometryChart.Line(new int[] {10, 20}, filled(2, v),
                filled(2, v)), "scaled_normal", new IsometryChart.Line(new int[] {10}, filled(1, v), filled(1, 0))), png);
        drawn(png);
    }

    @ParameterizedTest
    @ValueSource(doubles = {4.8159e54, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void regimeHeatmapWithDegenerateRates(double v) throws Exception {
        Path png = dir.resolve("regime.png");
        RegimeHeatmapChart.write("t", List.of(new RegionCell(3, 1.0, Regime.EXPLODING, v, v, 1)), v, png);
        drawn(png);
    }
}
