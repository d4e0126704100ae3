package org.initsweep.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Accuracy (test or train, as the sweep judges) over weight variance × depth, with mean-field theory's
 * trainability bound drawn
 * over it: the style of Schoenholz et al. 2017, "Deep Information Propagation" (ICLR), Fig. 5.
 *
 * <p>What is drawn:
 * <ul>
 *   <li>x: the variance multiplier m on a linear axis, each cell spanning halfway to its neighbouring
 *       multipliers (the outermost mirror their inner half-width); on a base-2 log axis, cells to the
 *       geometric means, where the multipliers span a factor {@value #LOG_M_RATIO} or more (powers of two
 *       from 0.5 to 64 would leave the small ones a sliver on a linear axis) ({@link #logMultipliers});</li>
 *   <li>y: depth L (hidden layers) on a linear axis, ticked at the swept depths; each cell spans halfway
 *       to the neighbouring depths;</li>
 *   <li>colour: the cell's mean accuracy on the viridis scale from 0 (dark purple) to 1
 *       (yellow), a colour bar on the right; cells without an accuracy (every run diverged, or none has a
 *       finite one) light grey, with a note saying so;</li>
 *   <li>a dashed vertical line at the critical multiplier (χ₁ = 1), and the curve L = 6·ξ_c(m) as a
 *       black line with a white edge, sampled at {@value #CURVE_POINTS} multipliers across the plot
 *       (left out where the length map has no fixed point; clipped at the top where ξ_c diverges).</li>
 * </ul>
 * The PNG is {@value #WIDTH}×{@value #HEIGHT} pixels, white background.
 */
public final class TrainabilityHeatmapChart {

    /** PNG width, pixels. */
    public static final int WIDTH = 900;
    /** PNG height, pixels. */
    public static final int HEIGHT = 640;
    /** Points of the 6·ξ_c curve. */
    static final int CURVE_POINTS = 200;
    /** Multipliers spanning this factor or more get a log axis. */
    public static final double LOG_M_RATIO = 10;
    /** Most swept multipliers labelled one by one on a log axis (else ticks at powers of two). */
    static final int MAX_LABELLED_MULTIPLIERS = 12;
    /** Most depths ticked one by one (the report labels as many). */
    public static final int MAX_LABELLED_DEPTHS = 12;

    static final String X_LABEL = ChartStyle.multiplierLabel(1);
    static final String Y_LABEL = "depth L (hidden layers)";
    static final String BOUND_LABEL = "theory: trainable depth bound";
    /** The accuracy drawn when the caller does not say. */
    static final String TEST_ACCURACY = org.initsweep.core.spec.TargetSplit.TEST.accuracyLabel();

    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779,
        0x6DCD59, 0xB4DE2C, 0xFDE725};

    private TrainabilityHeatmapChart() {
    }

    /**
     * One cell: a (depth, multiplier) with its mean accuracy.
     *
     * @param depth      hidden layers L ≥ 1
     * @param multiplier m, finite and &gt; 0
     * @param accuracy   a fraction in [0, 1], or NaN: no run of the cell has one (drawn light grey)
     */
    public record Cell(int depth, double multiplier, double accuracy) {
    }

    /**
     * Draws the chart and writes it as PNG.
     *
     * @param title      chart title, or null
     * @param cells      at least one; (depth, multiplier) pairs distinct
     * @param criticalM  the multiplier where χ₁ = 1 (NaN: no line)
     * @param boundAtM   6·ξ_c in layers at a multiplier m (NaN where theory has none, +∞ on the critical line)
     * @param png        output file; missing parent directories are created
     * @throws IllegalArgumentException if {@code cells} is empty, or a multiplier is not finite and &gt; 0
     * @throws IOException              if the PNG cannot be written
     */
    public static void write(String title, List<Cell> cells, double criticalM, DoubleUnaryOperator boundAtM, Path png)
            throws IOException {
        write(title, cells, criticalM, boundAtM, 1, TEST_ACCURACY, png);
    }

    /**
     * As {@link #write(String, List, double, DoubleUnaryOperator, Path)}, the x axis saying what m is for
     * the init scheme drawn ({@link ChartStyle#multiplierLabel}) and the colour bar which accuracy it is.
     *
     * @param unit          fan_in·Var(W) at m = 1 for the scheme (2 for He); NaN where it has no single value
     * @param accuracyLabel what the colour is, e.g. "train accuracy"
     * @throws IOException if the PNG cannot be written
     */
    public static void write(String title, List<Cell> cells, double criticalM, DoubleUnaryOperator boundAtM,
            double unit, String accuracyLabel, Path png) throws IOException {
        Objects.requireNonNull(png, "png");
        ChartStyle.save(createChart(title, cells, criticalM, boundAtM, unit, accuracyLabel), png, WIDTH, HEIGHT);
    }

    /** The chart {@link #write(String, List, double, DoubleUnaryOperator, double, String, Path)} renders (for tests). */
    static JFreeChart createChart(String title, List<Cell> cells, double criticalM, DoubleUnaryOperator boundAtM,
            double unit, String accuracyLabel) {
        return ChartStyle.withMultiplierAxis(createChart(title, cells, criticalM, boundAtM, accuracyLabel), unit);
    }

    /**
     * Whether the m axis is logarithmic: the swept multipliers span a factor of at least {@value #LOG_M_RATIO}.
     *
     * @param ms the multipliers, each finite and &gt; 0
     */
    public static boolean logMultipliers(double[] ms) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double m : ms) {
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        return hi >= LOG_M_RATIO * lo;
    }

    /**
     * The plot's m extent, where the bound curve is sampled: from the outer edge of the smallest multiplier's
     * cell (not below 0 on a linear axis) to the outer edge of the largest's. The report samples its curve over
     * the same extent, so that both draw the bound over the outer half-cells too.
     *
     * @param ms the swept multipliers, sorted, distinct, each finite and &gt; 0
     * @return {lowest m, highest m}
     */
    public static double[] multiplierExtent(double[] ms) {
        boolean logM = logMultipliers(ms);
        double[][] mx = logM ? RegimeHeatmapChart.cellEdges(ms) : edges(ms);
        return new double[] {logM ? mx[0][0] : Math.max(0, mx[0][0]), mx[1][ms.length - 1]};
    }

    /** The m axis's tick step: at most 10 intervals over {@code range}. */
    static double tickUnit(double range) {
        return ChartStyle.niceTickStepAtMost(range, 10);
    }

    /** The viridis colour of an accuracy in [0, 1] (clamped). */
    static Color colour(double accuracy) {
        double t = Math.max(0, Math.min(1, accuracy)) * (VIRIDIS.length - 1);
        int i = Math.min((int) Math.floor(t), VIRIDIS.length - 2);
        double f = t - i;
        Color a = new Color(VIRIDIS[i]);
        Color b = new Color(VIRIDIS[i + 1]);
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** Edges halfway between sorted distinct values, the outer ones mirrored (±0.5 for a lone value). */
    static double[][] edges(double[] v) {
        int n = v.length;
        double[] lo = new double[n];
        double[] hi = new double[n];
        if (n == 1) {
            double half = Math.max(0.5, Math.abs(v[0]) * 0.1);
            return new double[][] {{v[0] - half}, {v[0] + half}};
        }
        for (int i = 0; i < n - 1; i++) {
            hi[i] = (v[i] + v[i + 1]) / 2;
            lo[i + 1] = hi[i];
        }
        lo[0] = v[0] - (hi[0] - v[0]);
        hi[n - 1] = v[n - 1] + (v[n - 1] - lo[n - 1]);
        return new double[][] {lo, hi};
    }

    /** The chart {@link #write} renders with test accuracy and m = fan_in·Var(W) (package-private for tests). */
    static JFreeChart createChart(String title, List<Cell> cells, double criticalM, DoubleUnaryOperator boundAtM) {
        return createChart(title, cells, criticalM, boundAtM, TEST_ACCURACY);
    }

    private static JFreeChart createChart(String title, List<Cell> cells, double criticalM, DoubleUnaryOperator boundAtM,
            String accuracyLabel) {
        if (cells == null || cells.isEmpty()) {
            throw new IllegalArgumentException("no cells to draw");
        }
        TreeSet<Double> mSet = new TreeSet<>();
        TreeSet<Integer> dSet = new TreeSet<>();
        for (Cell c : cells) {
            if (!(c.multiplier() > 0) || Double.isInfinite(c.multiplier())) {
                throw new IllegalArgumentException("multiplier must be finite and > 0: " + c);
            }
            mSet.add(c.multiplier());
            dSet.add(c.depth());
        }
        double[] ms = mSet.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ds = dSet.stream().mapToDouble(Integer::doubleValue).toArray();
        boolean logM = logMultipliers(ms);
        double[][] mx = logM ? RegimeHeatmapChart.cellEdges(ms) : edges(ms);
        double[][] dy = edges(ds);
        double[] extent = multiplierExtent(ms);
        double xLo = extent[0];
        double xHi = extent[1];
        double yLo = Math.max(0, dy[0][0]);
        double yHi = dy[1][ds.length - 1];

        XYIntervalSeries series = new XYIntervalSeries(accuracyLabel);
        // Keyed by (m, depth): the series sorts its items by x, so their indices are not the cells' order.
        Map<String, Color> paints = new HashMap<>();
        for (Cell c : cells) {
            int i = java.util.Arrays.binarySearch(ms, c.multiplier());
            int j = java.util.Arrays.binarySearch(ds, c.depth());
            paints.put(c.multiplier() + "/" + c.depth(),
                    Double.isNaN(c.accuracy()) ? ChartStyle.NAN_GREY : colour(c.accuracy()));
            series.add(c.multiplier(), Math.max(xLo, mx[0][i]), mx[1][i], c.depth(), Math.max(yLo, dy[0][j]), dy[1][j]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        XYBarRenderer cellsRenderer = new XYBarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return paints.getOrDefault(data.getXValue(row, column) + "/" + (int) data.getYValue(row, column),
                        Color.WHITE);
            }
        };
        cellsRenderer.setUseYInterval(true);
        cellsRenderer.setBarPainter(new ChartStyle.CrispBarPainter(false));
        cellsRenderer.setShadowVisible(false);
        cellsRenderer.setMargin(0);
        cellsRenderer.setDefaultSeriesVisibleInLegend(false);

        org.jfree.chart.axis.ValueAxis x;
        if (logM) {
            x = new RegimeHeatmapChart.Log2Axis(X_LABEL + ChartStyle.LOG_SCALE,
                    ms.length <= MAX_LABELLED_MULTIPLIERS ? ms : null);
            x.setRange(xLo, xHi);
        } else {
            NumberAxis linear = new NumberAxis(X_LABEL);
            linear.setRange(xLo, xHi);
            // JFreeChart sizes automatic ticks by the range ends' labels ("1", "5"), too short for "0.05": its
            // choice ran 80 labels into each other; a fixed unit gives 4 to 10 ticks
            linear.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(tickUnit(xHi - xLo), ChartStyle.plainNumberFormat()));
            ChartStyle.styleAxis(linear);
            x = linear;
        }
        NumberAxis y = new DepthAxis(ds.length <= MAX_LABELLED_DEPTHS ? ds : null);
        y.setRange(yLo, yHi);

        XYPlot plot = new XYPlot(data, x, y, cellsRenderer);
        ChartStyle.stylePlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        // The bound: a white edge under a black line reads on dark and light cells alike.
        XYSeries curve = new XYSeries(BOUND_LABEL, false, true);
        XYSeries edge = new XYSeries("edge", false, true);
        for (int k = 0; k <= CURVE_POINTS; k++) {
            double m = logM ? xLo * Math.pow(xHi / xLo, (double) k / CURVE_POINTS) : xLo + (xHi - xLo) * k / CURVE_POINTS;
            double b = m > 0 ? boundAtM.applyAsDouble(m) : Double.NaN;
            Double v = Double.isNaN(b) ? null : Math.min(b, 2 * yHi);
            curve.add(m, v);
            edge.add(m, v);
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(edge);
        lines.addSeries(curve);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, Color.WHITE);
        lineRenderer.setSeriesStroke(0, new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        lineRenderer.setSeriesVisibleInLegend(0, false);
        lineRenderer.setSeriesPaint(1, Color.BLACK);
        lineRenderer.setSeriesStroke(1, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);

        if (criticalM > 0 && Double.isFinite(criticalM)) {
            ValueMarker crit = new ValueMarker(criticalM, Color.WHITE, new BasicStroke(2.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f));
            crit.setLabel("χ₁ = 1: m_c = " + ChartStyle.formatNumber(criticalM));
            crit.setLabelFont(ChartStyle.MARKER_FONT);
            crit.setLabelPaint(Color.BLACK);
            crit.setLabelBackgroundColor(new Color(255, 255, 255, 225));
            crit.setLabelOffset(new RectangleInsets(6, 6, 6, 6));
            crit.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            crit.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(crit, Layer.FOREGROUND);
        }

        JFreeChart chart = ChartStyle.chart(title, plot, true);
        ChartStyle.addNote(chart, "colour: mean " + accuracyLabel + " over seeds; line: trainable depth 6·ξ_c (Schoenholz et al."
                + " 2017, Fig. 5; 6·ξ_∇ where σ_b² = 0 leaves q* = 0); dashed: χ₁ = 1");
        long missing = cells.stream().filter(c -> Double.isNaN(c.accuracy())).count();
        if (missing > 0) {
            ChartStyle.addNote(chart, "grey: " + missing + (missing == 1 ? " cell" : " cells")
                    + " without an accuracy (every run diverged, or none has a finite one)");
        }
        NumberAxis scaleAxis = new NumberAxis(accuracyLabel);
        scaleAxis.setRange(0, 1);
        ChartStyle.styleAxis(scaleAxis);
        PaintScaleLegend legend = new PaintScaleLegend(new Viridis(), scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 40, 4));
        legend.setStripWidth(14);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    /** The viridis scale over [0, 1]. */
    private static final class Viridis implements PaintScale, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            return colour(value);
        }
    }

    /**
     * The depth axis: ticks at the swept depths where there are at most {@value #MAX_LABELLED_DEPTHS}
     * (depths 4, 8, …, 64 are cells of unequal height, which round ticks at 5, 10, … fall between), else
     * integer ticks.
     */
    static final class DepthAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;

        private final double[] depths;

        DepthAxis(double[] depths) {
            super(Y_LABEL);
            this.depths = depths == null ? null : depths.clone();
            setStandardTickUnits(NumberAxis.createIntegerTickUnits(java.util.Locale.ROOT));
            ChartStyle.styleAxis(this);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected List refreshTicksVertical(java.awt.Graphics2D g2, java.awt.geom.Rectangle2D dataArea,
                RectangleEdge edge) {
            if (depths == null) {
                return super.refreshTicksVertical(g2, dataArea, edge);
            }
            List ticks = new java.util.ArrayList();
            TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
            for (double d : depths) {
                if (getRange().contains(d)) {
                    ticks.add(new org.jfree.chart.axis.NumberTick(d, String.valueOf((long) d), anchor, TextAnchor.CENTER, 0));
                }
            }
            return ticks;
        }
    }
}
