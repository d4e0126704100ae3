package org.initsweep.analysis.chart;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Per-layer signal variances of a few network configurations: how Var(a^[l]) (forward) and
 * Var(∂J/∂a^[l]) (backward) evolve through the layers.
 *
 * <p>What is drawn: two stacked plots sharing the x axis, layer l = 1..L+1 (l = L+1 is the output
 * layer; array index l − 1). Top: forward Var(a^[l]); bottom: backward Var(∂J/∂a^[l]); both on a
 * log₁₀ y axis, dimensionless (variances of activations and of cost gradients). One solid line
 * with dots per {@link LayerCurve} (legend "m = 0.5"; the epoch is added only if two curves share a
 * multiplier), sorted by multiplier; the theory's prediction, when the curve carries one, as a
 * dashed line of the same colour. Colours: Okabe–Ito for up to eight lines, viridis beyond.
 *
 * <p>Values that a log axis cannot show (0, negative, NaN, ±∞ or beyond 1e300 — e.g. underflow
 * in a vanishing run, overflow in an exploding one) are left out; a note under the title says how
 * many, and names curves that had nothing left to draw. The chart is drawn even then. The output
 * layer's backward entry, NaN by convention (its ∂J/∂a is the loss's, not a signal passed back), is
 * not drawn and not counted.
 *
 * <p>The PNG is {@value #WIDTH}×{@value #HEIGHT} pixels, white background.
 */
public final class LayerVarianceChart {

    /** PNG width, pixels. */
    public static final int WIDTH = 900;
    /** PNG height, pixels. */
    public static final int HEIGHT = 760;

    static final String X_LABEL = "layer l (l = L+1: output layer)";
    static final String FORWARD_LABEL = "forward Var(a^[l])";
    static final String BACKWARD_LABEL = "backward Var(∂J/∂a^[l])";

    /** Dots on the measured lines only while they stay distinguishable. */
    private static final int MAX_LAYERS_WITH_DOTS = 40;

    private LayerVarianceChart() {
    }

    /**
     * Draws the per-layer variance chart and writes it as PNG.
     *
     * @param title  chart title, or null for none
     * @param curves the lines to draw, at least one; measured arrays must be non-null, predicted ones
     *               may be null (no theory line)
     * @param png    output file; missing parent directories are created
     * @throws IllegalArgumentException if {@code curves} is empty, holds null or a curve whose
     *                                  {@code varA} or {@code varGradA} is null
     * @throws NullPointerException     if {@code curves} or {@code png} is null
     * @throws IOException              if the PNG cannot be written
     */
    public static void write(String title, List<LayerCurve> curves, Path png) throws IOException {
        write(title, curves, null, png);
    }

    /**
     * As {@link #write(String, List, Path)}, each curve in the {@link LineStyle} of its label: the colour
     * by one variable (m), a marker on every layer by the other (the init: circle, square, triangle,
     * diamond, …), since dashes already mean theory here.
     *
     * @param styles the style of every curve's label, or null for a colour per curve
     * @throws IllegalArgumentException also if a curve's label has no style
     */
    public static void write(String title, List<LayerCurve> curves, java.util.Map<String, LineStyle> styles, Path png)
            throws IOException {
        Objects.requireNonNull(png, "png");
        JFreeChart chart = createChart(title, curves, styles);
        if (styles != null) {
            ChartStyle.legendRowPerColour(chart);
        }
        ChartStyle.save(chart, png, WIDTH, styles == null ? HEIGHT : ChartStyle.heightForLegend(chart, WIDTH, HEIGHT));
    }

    /**
     * The chart {@link #write} renders (package-private for tests). Subplot 0 is forward, 1 is
     * backward; in each, dataset 0 holds the measured series and dataset 1 the theory series, with
     * series i of both belonging to the i-th curve in multiplier order.
     */
    static JFreeChart createChart(String title, List<LayerCurve> curves) {
        return createChart(title, curves, null);
    }

    static JFreeChart createChart(String title, List<LayerCurve> curves, java.util.Map<String, LineStyle> styles) {
        Objects.requireNonNull(curves, "curves");
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curves to draw");
        }
        for (LayerCurve c : curves) {
            if (c == null) {
                throw new IllegalArgumentException("null curve");
            }
            if (c.varA() == null || c.varGradA() == null) {
                throw new IllegalArgumentException("curve m = " + ChartStyle.formatNumber(c.multiplier())
                        + " lacks measured varA or varGradA");
            }
        }
        List<LayerCurve> sorted = new ArrayList<>(curves);
        sorted.sort(Comparator.comparingDouble(LayerCurve::multiplier).thenComparingInt(LayerCurve::epoch));
        List<String> keys = seriesKeys(sorted);

        int maxLayers = 0;
        for (LayerCurve c : sorted) {
            maxLayers = Math.max(maxLayers, Math.max(c.varA().length, c.varGradA().length));
        }

        Counter skipped = new Counter();
        List<String> empty = new ArrayList<>();
        List<Paint> colours = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        List<Stroke> strokes = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            LayerCurve c = sorted.get(i);
            LineStyle style = styles == null ? null : styles.get(c.label());
            if (styles != null && style == null) {
                throw new IllegalArgumentException("no line style for " + c.label());
            }
            colours.add(style != null ? ChartStyle.colourOf(style) : ChartStyle.lineColour(i, sorted.size()));
            shapes.add(style != null ? ChartStyle.marker(style.dash()) : new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            strokes.add(style != null ? ChartStyle.lineStroke(style.dash()) : ChartStyle.LINE_STROKE);
        }
        boolean markers = styles != null || maxLayers <= MAX_LAYERS_WITH_DOTS;
        XYPlot forward = subplot(FORWARD_LABEL, sorted, keys, true, colours, shapes, strokes, markers, skipped, empty);
        XYPlot backward = subplot(BACKWARD_LABEL, sorted, keys, false, colours, shapes, strokes, markers, skipped, empty);

        NumberAxis xAxis = ChartStyle.integerAxis(X_LABEL);
        xAxis.setRange(0.5, Math.max(1, maxLayers) + 0.5);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(xAxis);
        plot.setGap(14);
        plot.add(forward, 1);
        plot.add(backward, 1);
        ChartStyle.stylePlot(plot);

        boolean anyTheory = false;
        boolean anyBand = false;
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < sorted.size(); i++) {
            LayerCurve c = sorted.get(i);
            anyTheory |= c.predictedVarA() != null || c.predictedVarGradA() != null;
            anyBand |= band("", c).getItemCount() > 0;
            legend.add(styles == null ? lineItem(keys.get(i), colours.get(i), ChartStyle.LINE_STROKE)
                    : new LegendItem(keys.get(i), null, null, null, true, shapes.get(i), true, colours.get(i), false,
                            colours.get(i), strokes.get(i), true, new Line2D.Double(-12, 0, 12, 0),
                            strokes.get(i), colours.get(i)));
        }
        if (anyTheory) {
            legend.add(lineItem("theory (dashed)", Color.GRAY, ChartStyle.DASHED_STROKE));
        }
        if (anyBand) {
            LegendItem shaded = new LegendItem("one network at this width: theory's ±2s band", null, null, null,
                    new Rectangle2D.Double(-8, -5, 16, 10), new Color(0, 0, 0, (int) (255 * BAND_ALPHA * 2)));
            legend.add(shaded);
        }
        plot.setFixedLegendItems(legend);

        JFreeChart chart = ChartStyle.chart(title, plot, true);
        if (skipped.n > 0) {
            ChartStyle.addNote(chart, skipped.n + (skipped.n == 1 ? " value" : " values")
                    + " left out: 0, negative, NaN, ±∞ or beyond 1e300 cannot go on a log axis (underflow / overflow)");
        }
        if (!empty.isEmpty()) {
            ChartStyle.addNote(chart, "nothing to plot for: " + String.join("; ", empty));
        }
        return chart;
    }

    private static XYPlot subplot(String yLabel, List<LayerCurve> sorted, List<String> keys, boolean fwd,
            List<Paint> colours, List<Shape> shapes, List<Stroke> strokes, boolean markers, Counter skipped,
            List<String> empty) {
        XYSeriesCollection measured = new XYSeriesCollection();
        XYSeriesCollection theory = new XYSeriesCollection();
        for (int i = 0; i < sorted.size(); i++) {
            LayerCurve c = sorted.get(i);
            double[] m = fwd ? c.varA() : c.varGradA();
            double[] p = fwd ? c.predictedVarA() : c.predictedVarGradA();
            // the output layer's backward entry is NaN by convention, not a lost value
            double[] drawn = !fwd && m != null && m.length == c.varA().length && m.length > 1
                    && Double.isNaN(m[m.length - 1]) ? java.util.Arrays.copyOf(m, m.length - 1) : m;
            int leftOutBefore = skipped.n;
            XYSeries ms = series(keys.get(i), drawn, skipped);
            if (ms.getItemCount() == 0) {
                // say why, lest a label such as "fixed scheme (no m)" read as the reason
                empty.add((fwd ? "forward " : "backward ") + keys.get(i)
                        + (skipped.n > leftOutBefore ? ", every value 0, negative or not finite" : ""));
            }
            measured.addSeries(ms);
            // Theory values are not counted as skipped: an infinite prediction is not a data loss.
            theory.addSeries(series(keys.get(i) + " (theory)", p, new Counter()));
        }

        LogAxis yAxis = ChartStyle.logAxis(yLabel);
        XYLineAndShapeRenderer solid = new XYLineAndShapeRenderer(true, markers);
        XYLineAndShapeRenderer dashed = new XYLineAndShapeRenderer(true, false);
        solid.setDrawSeriesLineAsPath(true); // else the dash patterns restart at every segment (see LossCurveChart)
        dashed.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < sorted.size(); i++) {
            Paint colour = colours.get(i);
            solid.setSeriesPaint(i, colour);
            solid.setSeriesStroke(i, strokes.get(i));
            solid.setSeriesShape(i, shapes.get(i));
            if (measured.getSeries(i).getItemCount() == 1) {
                solid.setSeriesShapesVisible(i, true); // a lone point has no line to show it
            }
            dashed.setSeriesPaint(i, colour);
            dashed.setSeriesStroke(i, ChartStyle.DASHED_STROKE);
            if (theory.getSeries(i).getItemCount() == 1) {
                dashed.setSeriesShapesVisible(i, true);
            }
        }
        XYPlot plot = new XYPlot(measured, null, yAxis, solid);
        plot.setDataset(1, theory);
        plot.setRenderer(1, dashed);
        if (fwd) {
            // drawn first (datasets render in reverse order), under the lines
            YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
            DeviationRenderer shade = new DeviationRenderer(true, false);
            shade.setAlpha(BAND_ALPHA);
            for (int i = 0; i < sorted.size(); i++) {
                bands.addSeries(band(keys.get(i) + " (band)", sorted.get(i)));
                Paint colour = colours.get(i);
                shade.setSeriesFillPaint(i, colour);
                shade.setSeriesPaint(i, colour);
                shade.setSeriesLinesVisible(i, false);
                shade.setSeriesVisibleInLegend(i, false);
            }
            plot.setDataset(2, bands);
            plot.setRenderer(2, shade);
        }
        ChartStyle.stylePlot(plot);
        return plot;
    }

    /** Opacity of the finite-width bands. */
    static final float BAND_ALPHA = 0.14f;

    /**
     * The hidden layers' band predicted·exp(−s²/2 ± 2s) of a curve with theory and spread; empty
     * otherwise.
     */
    static YIntervalSeries band(String key, LayerCurve c) {
        YIntervalSeries s = new YIntervalSeries(key, false, true);
        double[] p = c.predictedVarA();
        double[] sd = c.lnVarASd();
        if (p == null || sd == null) {
            return s;
        }
        for (int i = 0; i < Math.min(p.length, sd.length); i++) {
            if (ChartStyle.plottableOnLog(p[i]) && Double.isFinite(sd[i])) {
                double centre = p[i] * Math.exp(-sd[i] * sd[i] / 2);
                double lo = centre * Math.exp(-2 * sd[i]);
                double hi = centre * Math.exp(2 * sd[i]);
                if (ChartStyle.plottableOnLog(lo) && ChartStyle.plottableOnLog(hi)) {
                    s.add(i + 1, centre, lo, hi);
                }
            }
        }
        return s;
    }

    /** Points (l, v[l−1]) with v plottable on a log axis; null array: empty series. */
    private static XYSeries series(String key, double[] v, Counter skipped) {
        XYSeries s = new XYSeries(key, false, true);
        if (v == null) {
            return s;
        }
        for (int i = 0; i < v.length; i++) {
            if (ChartStyle.plottableOnLog(v[i])) {
                s.add(i + 1, v[i]);
            } else {
                skipped.n++;
            }
        }
        return s;
    }

    /** "m = 0.5", with ", epoch e" when two curves share a multiplier, "#k" as a last resort. */
    private static List<String> seriesKeys(List<LayerCurve> sorted) {
        Set<Double> ms = new HashSet<>();
        Set<Double> shared = new HashSet<>();
        for (LayerCurve c : sorted) {
            if (!ms.add(c.multiplier())) {
                shared.add(c.multiplier());
            }
        }
        List<String> keys = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (LayerCurve c : sorted) {
            String k = c.label() != null ? c.label() : "m = " + ChartStyle.formatNumber(c.multiplier());
            if (c.label() == null && shared.contains(c.multiplier())) {
                k += ", epoch " + c.epoch();
            }
            String unique = k;
            for (int n = 2; !used.add(unique); n++) {
                unique = k + " #" + n;
            }
            keys.add(unique);
        }
        return keys;
    }

    private static LegendItem lineItem(String label, Paint paint, Stroke stroke) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-12, 0, 12, 0), stroke, paint);
    }

    private static final class Counter {
        int n;
    }
}
