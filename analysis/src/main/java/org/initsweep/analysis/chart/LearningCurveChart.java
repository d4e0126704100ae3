package org.initsweep.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Accuracy (test or train) against epoch, one line per label (e.g. one multiplier of each regime), with
 * the target accuracy as a dashed line. x = epoch (0 = at initialization), y = the accuracy, a
 * fraction on a linear axis from 0 to 1. NaN values (epochs a run did not reach) are left out.
 * Lines take Okabe–Ito colours in the map's order. The PNG is {@value #WIDTH}×{@value #HEIGHT}
 * pixels, white background.
 */
public final class LearningCurveChart {

    /** PNG width, pixels. */
    public static final int WIDTH = 900;
    /** PNG height, pixels. */
    public static final int HEIGHT = 600;

    static final String X_LABEL = "epoch (0 = at initialization)";

    private LearningCurveChart() {
    }

    /**
     * Draws the curves and writes them as PNG.
     *
     * @param title   chart title, or null
     * @param curves  accuracy per epoch (index = epoch) for each line label; at least one
     * @param target  the target accuracy (NaN: no line)
     * @param png     output file; missing parent directories are created
     * @throws IllegalArgumentException if {@code curves} is empty
     * @throws IOException              if the PNG cannot be written
     */
    public static void write(String title, Map<String, double[]> curves, double target, Path png) throws IOException {
        write(title, curves, target, TrainabilityHeatmapChart.TEST_ACCURACY, png);
    }

    /**
     * As {@link #write(String, Map, double, Path)}, the y axis naming {@code accuracyLabel}, e.g. "train accuracy".
     *
     * @throws IOException if the PNG cannot be written
     */
    public static void write(String title, Map<String, double[]> curves, double target, String accuracyLabel, Path png)
            throws IOException {
        Objects.requireNonNull(png, "png");
        ChartStyle.save(createChart(title, curves, target, accuracyLabel), png, WIDTH, HEIGHT);
    }

    /** The y axis's label for an accuracy. */
    static String yLabel(String accuracyLabel) {
        return accuracyLabel + " (mean over seeds)";
    }

    /** The chart {@link #write} renders with test accuracy (package-private for tests); series i = i-th map entry. */
    static JFreeChart createChart(String title, Map<String, double[]> curves, double target) {
        return createChart(title, curves, target, TrainabilityHeatmapChart.TEST_ACCURACY);
    }

    /** The chart {@link #write(String, Map, double, String, Path)} renders. */
    static JFreeChart createChart(String title, Map<String, double[]> curves, double target, String accuracyLabel) {
        if (curves == null || curves.isEmpty()) {
            throw new IllegalArgumentException("no learning curves to draw");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        int epochs = 1;
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            double[] v = e.getValue();
            epochs = Math.max(epochs, v.length);
            for (int i = 0; i < v.length; i++) {
                if (Double.isFinite(v[i])) {
                    s.add(i, v[i]);
                }
            }
            data.addSeries(s);
        }
        NumberAxis x = ChartStyle.integerAxis(X_LABEL);
        x.setRange(-0.5, Math.max(1, epochs - 1) + 0.5);
        NumberAxis y = new NumberAxis(yLabel(accuracyLabel));
        y.setRange(0, 1.02);
        ChartStyle.styleAxis(y);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, epochs <= 30);
        int n = data.getSeriesCount();
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, ChartStyle.lineColour(i, n));
            r.setSeriesStroke(i, ChartStyle.LINE_STROKE);
            r.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        ChartStyle.stylePlot(plot);
        if (target > 0 && target <= 1) {
            ValueMarker t = new ValueMarker(target, Color.GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            t.setLabel("target " + ChartStyle.formatNumber(target));
            t.setLabelFont(ChartStyle.SUBTITLE_FONT);
            t.setLabelPaint(ChartStyle.NOTE);
            t.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            t.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            t.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
            plot.addRangeMarker(t, Layer.BACKGROUND);
        }
        return ChartStyle.chart(title, plot, true);
    }
}
