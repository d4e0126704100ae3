package org.initsweep.analysis.chart;

import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Dynamical isometry over depth: the relative variance of the eigenvalues of JJᵀ (J the
 * input–output Jacobian at initialization; variance / mean², dimensionless) against the depth L,
 * one colour per init scheme — measured, seeds averaged (solid, dots) beside the free-probability
 * prediction of Pennington, Schoenholz &amp; Ganguli 2017, Σ_l (μ₂/μ₁² − 1 − s₁) over the layers' lengths q^l
 * (dashed; s₁ = −1 for i.i.d. Gaussian weights, 0 for orthogonal). On a log y axis: a value of 0 (orthogonal
 * weights on a linear network, measured or predicted) has no place there and is left out, with a note.
 */
public final class IsometryChart {

    /** PNG width, pixels. */
    public static final int WIDTH = 900;
    /** PNG height, pixels. */
    public static final int HEIGHT = 560;

    /**
     * One init's line.
     *
     * @param depths    depths L, ascending
     * @param measured  measured relative variance per depth (NaN: none)
     * @param predicted predicted relative variance per depth (NaN: none)
     */
    public record Line(int[] depths, double[] measured, double[] predicted) {
    }

    private IsometryChart() {
    }

    /**
     * Draws the chart and writes it as PNG.
     *
     * @param title  chart title
     * @param byInit one line per init label, at least one
     * @param png    output file
     * @throws IllegalArgumentException if {@code byInit} is empty
     * @throws IOException              if the PNG cannot be written
     */
    public static void write(String title, Map<String, Line> byInit, Path png) throws IOException {
        Objects.requireNonNull(png, "png");
        ChartStyle.save(createChart(title, byInit), png, WIDTH, HEIGHT);
    }

    /** The chart {@link #write} renders (package-private for tests). */
    static JFreeChart createChart(String title, Map<String, Line> byInit) {
        if (byInit == null || byInit.isEmpty()) {
            throw new IllegalArgumentException("no isometry lines to draw");
        }
        XYSeriesCollection measured = new XYSeriesCollection();
        XYSeriesCollection theory = new XYSeriesCollection();
        int maxDepth = 1;
        int skipped = 0;
        int skippedTheory = 0;
        for (Map.Entry<String, Line> e : byInit.entrySet()) {
            XYSeries m = new XYSeries(e.getKey(), false, true);
            XYSeries p = new XYSeries(e.getKey() + " (theory)", false, true);
            Line line = e.getValue();
            for (int i = 0; i < line.depths().length; i++) {
                maxDepth = Math.max(maxDepth, line.depths()[i]);
                if (ChartStyle.plottableOnLog(line.measured()[i])) {
                    m.add(line.depths()[i], line.measured()[i]);
                } else if (!Double.isNaN(line.measured()[i])) {
                    skipped++;
                }
                if (ChartStyle.plottableOnLog(line.predicted()[i])) {
                    p.add(line.depths()[i], line.predicted()[i]);
                } else if (!Double.isNaN(line.predicted()[i])) {
                    skippedTheory++;
                }
            }
            measured.addSeries(m);
            theory.addSeries(p);
        }
        NumberAxis x = ChartStyle.integerAxis("depth L");
        x.setRange(0, maxDepth * 1.05);
        LogAxis y = ChartStyle.logAxis("relative variance of the eigenvalues of JJᵀ");
        XYLineAndShapeRenderer solid = new XYLineAndShapeRenderer(true, true);
        XYLineAndShapeRenderer dashed = new XYLineAndShapeRenderer(true, false);
        dashed.setDrawSeriesLineAsPath(true); // else the dashes restart at every segment (see LossCurveChart)
        int n = byInit.size();
        for (int i = 0; i < n; i++) {
            Paint colour = ChartStyle.lineColour(i, n);
            solid.setSeriesPaint(i, colour);
            solid.setSeriesStroke(i, ChartStyle.LINE_STROKE);
            solid.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            dashed.setSeriesPaint(i, colour);
            dashed.setSeriesStroke(i, ChartStyle.DASHED_STROKE);
            dashed.setSeriesVisibleInLegend(i, false);
        }
        XYPlot plot = new XYPlot(measured, x, y, solid);
        plot.setDataset(1, theory);
        plot.setRenderer(1, dashed);
        ChartStyle.stylePlot(plot);
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        ChartStyle.addNote(chart, "solid: measured (seeds averaged); dashed: free probability, Σ_l (μ₂/μ₁² − 1 − s₁)"
                + " at each layer's q^l");
        if (skipped + skippedTheory > 0) {
            ChartStyle.addNote(chart, leftOut(skipped, "measured") + (skipped > 0 && skippedTheory > 0 ? ", " : "")
                    + leftOut(skippedTheory, "predicted") + " left out: 0 (an exact isometry) or beyond 1e300 cannot go"
                    + " on a log axis");
        }
        return chart;
    }

    private static String leftOut(int n, String what) {
        return n == 0 ? "" : org.initsweep.core.Quantities.plural(n, what + " value");
    }
}
