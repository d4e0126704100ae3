package org.initsweep.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * "Does init a beat init b?": the mean paired difference of final costs d = J_a − J_b (nats) against
 * depth, one colour per line label (a multiplier), with its 95% interval as an error bar and a dashed
 * line at 0. Below 0 with its bar, a trained lower than b. Points of the lines at one depth are spread
 * a little sideways so that their bars do not hide each other. The data are the {@code compare/}
 * table's ({@link org.initsweep.analysis.compare.InitComparison}).
 *
 * <p>The PNG is {@value #WIDTH}×{@value #HEIGHT} pixels, white background.
 */
public final class PairedDifferenceChart {

    /** PNG width, pixels. */
    public static final int WIDTH = 900;
    /** PNG height, pixels. */
    public static final int HEIGHT = 600;

    static final String X_LABEL = "depth L";

    private PairedDifferenceChart() {
    }

    /**
     * @param title    chart title
     * @param initA    the scheme a of d = J_a − J_b
     * @param initB    the scheme b
     * @param cells    the cells to draw; at least one
     * @param png      output file
     * @throws IllegalArgumentException if {@code cells} is empty
     * @throws IOException              if the PNG cannot be written
     */
    public static void write(String title, String initA, String initB, List<PairedDifference> cells, Path png)
            throws IOException {
        Objects.requireNonNull(png, "png");
        ChartStyle.save(createChart(title, initA, initB, cells), png, WIDTH, HEIGHT);
    }

    /** The chart {@link #write} renders (package-private for tests); one series per label, in order of appearance. */
    static JFreeChart createChart(String title, String initA, String initB, List<PairedDifference> cells) {
        Objects.requireNonNull(cells, "cells");
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no paired differences to draw");
        }
        Map<String, List<PairedDifference>> byLabel = new LinkedHashMap<>();
        TreeSet<Integer> depths = new TreeSet<>();
        for (PairedDifference c : cells) {
            byLabel.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(c);
            depths.add(c.depth());
        }
        // sideways spread: a fraction of the smallest gap between depths
        double gap = Double.POSITIVE_INFINITY;
        Integer prev = null;
        for (int d : depths) {
            if (prev != null) {
                gap = Math.min(gap, d - prev);
            }
            prev = d;
        }
        if (!Double.isFinite(gap)) {
            gap = 1;
        }
        double step = 0.25 * gap / Math.max(1, byLabel.size());
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        int skipped = 0;
        int i = 0;
        for (Map.Entry<String, List<PairedDifference>> e : byLabel.entrySet()) {
            YIntervalSeries s = new YIntervalSeries(e.getKey(), false, true);
            double offset = (i - (byLabel.size() - 1) / 2.0) * step;
            for (PairedDifference c : e.getValue()) {
                if (!ChartStyle.plottableOnLinear(c.mean())) {
                    skipped++;
                    continue;
                }
                boolean bar = ChartStyle.plottableOnLinear(c.low()) && ChartStyle.plottableOnLinear(c.high());
                s.add(c.depth() + offset, c.mean(), bar ? c.low() : c.mean(), bar ? c.high() : c.mean());
            }
            data.addSeries(s);
            i++;
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setErrorStroke(new BasicStroke(1.5f));
        for (int k = 0; k < data.getSeriesCount(); k++) {
            Color c = (Color) ChartStyle.lineColour(k, data.getSeriesCount());
            renderer.setSeriesPaint(k, c);
            renderer.setSeriesStroke(k, ChartStyle.LINE_STROKE);
            renderer.setSeriesShape(k, new Ellipse2D.Double(-4, -4, 8, 8));
            renderer.setSeriesShapesVisible(k, true);
        }
        renderer.setErrorPaint(null); // each bar in its series' colour
        NumberAxis x = ChartStyle.integerAxis(X_LABEL);
        x.setRange(depths.first() - Math.max(0.5, 0.4 * gap), depths.last() + Math.max(0.5, 0.4 * gap));
        NumberAxis y = new NumberAxis("J(" + initA + ") \u2212 J(" + initB + "), nats (paired by seed)");
        ChartStyle.styleAxis(y);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ChartStyle.stylePlot(plot);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f)), Layer.BACKGROUND);
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        boolean onePair = cells.stream().allMatch(c -> c.pairs() <= 1);
        ChartStyle.addNote(chart, "mean of the paired differences, " + (onePair
                ? "one pair per point (one seed): no interval; more seeds give one" : "bars: 95% interval (Student t)")
                + "; below 0: " + initA + " trained lower than " + initB);
        if (skipped > 0) {
            ChartStyle.addNote(chart, skipped + (skipped == 1 ? " cell" : " cells") + " left out: no pair finished");
        }
        long aDiverged = cells.stream().mapToLong(PairedDifference::aDiverged).sum();
        long bDiverged = cells.stream().mapToLong(PairedDifference::bDiverged).sum();
        if (aDiverged + bDiverged > 0) {
            ChartStyle.addNote(chart, "diverged, their pairs left out of the means: " + aDiverged + " run"
                    + (aDiverged == 1 ? "" : "s") + " of " + initA + ", " + bDiverged + " of " + initB
                    + " (compare/: a_diverged, b_diverged)");
        }
        return chart;
    }
}
