package org.initsweep.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training cost against epoch: one line per label (an init scheme, a multiplier, …).
 *
 * <p>What is drawn: x = epoch, where array index e is the cost after e epochs (0 = at
 * initialization); y = cost J, the mean binary cross-entropy over the training set in nats per
 * example. Lines follow the map's iteration order (use a {@code LinkedHashMap} to choose it) and
 * take Okabe–Ito colours (viridis beyond eight). A thin dashed grey line marks ln 2 ≈ 0.693 nats,
 * the cost of always predicting p = ½, when it falls in the plotted range.
 *
 * <p>Scale: the y axis is log₁₀ when every finite cost is &gt; 0 and they span a factor of
 * {@value #LOG_SCALE_RATIO} or more (then 0 could not be drawn and small costs would be crushed),
 * linear from 0 otherwise. NaN and ±∞ costs (a diverged run) are left out, and a note under the
 * title says how many.
 *
 * <p>The PNG is {@value #WIDTH}×{@value #HEIGHT} pixels, white background.
 */
public final class LossCurveChart {

    /** PNG width, pixels. */
    public static final int WIDTH = 900;
    /** PNG height, pixels. */
    public static final int HEIGHT = 600;
    /** max/min of the finite costs from which the y axis turns logarithmic. */
    public static final double LOG_SCALE_RATIO = 30;

    static final String X_LABEL = "epoch (0 = at initialization)";
    static final String Y_LABEL = "cost J: mean binary cross-entropy, nats";
    static final String LN2_LABEL = "ln 2: constant p = ½";

    private static final int MAX_EPOCHS_WITH_DOTS = 30;

    private LossCurveChart() {
    }

    /**
     * Draws the cost curves and writes them as PNG.
     *
     * @param title       chart title, or null for none
     * @param lossByLabel cost per epoch (index = epoch) for each line label; at least one entry
     * @param png         output file; missing parent directories are created
     * @throws IllegalArgumentException if {@code lossByLabel} is empty or holds a null label or array
     * @throws NullPointerException     if {@code lossByLabel} or {@code png} is null
     * @throws IOException              if the PNG cannot be written
     */
    public static void write(String title, Map<String, double[]> lossByLabel, Path png) throws IOException {
        Objects.requireNonNull(png, "png");
        ChartStyle.save(createChart(title, lossByLabel), png, WIDTH, HEIGHT);
    }

    /** The chart {@link #write} renders (package-private for tests); series i = i-th map entry. */
    static JFreeChart createChart(String title, Map<String, double[]> lossByLabel) {
        Objects.requireNonNull(lossByLabel, "lossByLabel");
        if (lossByLabel.isEmpty()) {
            throw new IllegalArgumentException("no loss curves to draw");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int epochs = 0;
        for (Map.Entry<String, double[]> e : lossByLabel.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("null label or loss array");
            }
            epochs = Math.max(epochs, e.getValue().length);
            for (double v : e.getValue()) {
                if (ChartStyle.plottableOnLinear(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        boolean log = min > 0 && max / min >= LOG_SCALE_RATIO;

        XYSeriesCollection dataset = new XYSeriesCollection();
        int skipped = 0;
        for (Map.Entry<String, double[]> e : lossByLabel.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            double[] v = e.getValue();
            for (int i = 0; i < v.length; i++) {
                if (log ? ChartStyle.plottableOnLog(v[i]) : ChartStyle.plottableOnLinear(v[i])) {
                    s.add(i, v[i]);
                } else {
                    skipped++;
                }
            }
            dataset.addSeries(s);
        }

        ValueAxis yAxis;
        boolean fineLogGrid = false;
        if (log) {
            LogAxis logAxis;
            if (Math.log10(max / min) <= 4) {
                // Costs read best as plain numbers: ticks at 1, 2, 5 × 10ⁿ, grid lines at the rest.
                logAxis = new DecadeLogAxis(Y_LABEL);
                fineLogGrid = true;
            } else {
                logAxis = ChartStyle.logAxis(Y_LABEL);
                logAxis.setNumberFormatOverride(ChartStyle.plainNumberFormat());
            }
            yAxis = logAxis;
        } else {
            NumberAxis lin = new NumberAxis(Y_LABEL);
            lin.setAutoRangeIncludesZero(true);
            ChartStyle.styleAxis(lin);
            yAxis = lin;
        }
        NumberAxis xAxis = ChartStyle.integerAxis(X_LABEL);
        xAxis.setRange(-0.5, Math.max(1, epochs - 1) + 0.5);

        int n = dataset.getSeriesCount();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, epochs <= MAX_EPOCHS_WITH_DOTS);
        for (int i = 0; i < n; i++) {
            Paint colour = ChartStyle.lineColour(i, n);
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesStroke(i, ChartStyle.LINE_STROKE);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            if (dataset.getSeries(i).getItemCount() == 1) {
                renderer.setSeriesShapesVisible(i, true);
            }
        }
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        ChartStyle.stylePlot(plot);
        if (fineLogGrid) {
            plot.setRangeMinorGridlinesVisible(true);
            plot.setRangeMinorGridlinePaint(new Color(0xEEEEEE));
            plot.setRangeMinorGridlineStroke(new BasicStroke(1f));
        }

        ValueMarker ln2 = new ValueMarker(Math.log(2), Color.GRAY,
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        ln2.setLabel(LN2_LABEL);
        ln2.setLabelFont(ChartStyle.SUBTITLE_FONT);
        ln2.setLabelPaint(ChartStyle.NOTE);
        ln2.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        ln2.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        ln2.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        ln2.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        plot.addRangeMarker(ln2, Layer.BACKGROUND);

        JFreeChart chart = ChartStyle.chart(title, plot, true);
        if (skipped > 0) {
            ChartStyle.addNote(chart, skipped + (skipped == 1 ? " cost" : " costs") + " left out: "
                    + (log ? "0, NaN, ±∞ or beyond 1e300 cannot go on a log axis" : "NaN, ±∞ or beyond ±1e300 (diverged)"));
        }
        return chart;
    }

    /**
     * Base-10 log axis for ranges of a few decades: labelled ticks at 1, 2 and 5 × 10ⁿ as plain
     * numbers, unlabelled minor ticks (for grid lines) at 3, 4, 6, 7, 8, 9 × 10ⁿ.
     */
    private static final class DecadeLogAxis extends ChartStyle.SafeLogAxis {
        private static final long serialVersionUID = 1L;

        DecadeLogAxis(String label) {
            super(label);
            LogAxis template = ChartStyle.logAxis(label);
            setSmallestValue(template.getSmallestValue());
            setDefaultAutoRange(template.getDefaultAutoRange());
            setMinorTickMarksVisible(false);
            ChartStyle.styleAxis(this);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            TextAnchor anchor = edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
            Range r = getRange();
            List ticks = new ArrayList();
            int from = (int) Math.floor(Math.log10(r.getLowerBound()));
            int to = (int) Math.ceil(Math.log10(r.getUpperBound()));
            for (int e = from; e <= to; e++) {
                for (int d = 1; d <= 9; d++) {
                    double v = d * Math.pow(10, e);
                    if (!r.contains(v)) {
                        continue;
                    }
                    boolean major = d == 1 || d == 2 || d == 5;
                    AttributedString label = null;
                    if (major) {
                        String text = ChartStyle.formatNumber(v);
                        label = new AttributedString(text);
                        label.addAttributes(getTickLabelFont().getAttributes(), 0, text.length());
                    }
                    ticks.add(new LogTick(major ? TickType.MAJOR : TickType.MINOR, v, label, anchor));
                }
            }
            return ticks;
        }
    }
}
