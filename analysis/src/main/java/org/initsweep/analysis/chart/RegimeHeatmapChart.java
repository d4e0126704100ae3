package org.initsweep.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.font.TextAttribute;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.initsweep.core.regime.Regime;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Regime heatmap of a sweep: where, over depth × variance multiplier, the layer-wise signal
 * vanishes, stays stable or explodes.
 *
 * <p>What is drawn:
 * <ul>
 *   <li>x: the variance multiplier m = fan_in·Var(W) on a log₂ axis. Each cell is centred on its m
 *       and spans halfway (in log space, i.e. to the geometric mean) to the neighbouring
 *       multipliers of the sweep; the outermost cells mirror their inner half-width (a lone
 *       multiplier spans half an octave either side). When the cells are wide enough, each swept
 *       m gets a tick label; otherwise the ticks sit at powers of two.</li>
 *   <li>y: depth L (hidden layers), one evenly spaced row per distinct depth, smallest at the
 *       bottom, labelled with the depth values.</li>
 *   <li>colour: the regime, Okabe–Ito palette (colour-blind safe): vanishing blue #0072B2, stable
 *       bluish green #009E73, exploding vermillion #D55E00; the legend always lists all three.
 *       (depth, m) pairs without a cell stay white.</li>
 *   <li>a solid vertical line at m = 1 (the init scheme as defined: fan_in·Var(W) = 1 for scaled_normal
 *       and LeCun, 2 for He) labelled "m = 1", and a dashed one at the
 *       predicted critical multiplier labelled "predicted m_c = …" (one line with both labels when
 *       m_c = 1). A line within three octaves of the swept range widens the axis to show it; one
 *       further out is named in a note under the title instead.</li>
 *   <li>when the cells are large enough to read, each shows its deciding rate (of the forward and
 *       backward rates the one larger in magnitude, which decides the regime) in nats per layer (variance multiplied by
 *       e^rate per layer; "+∞"/"−∞" for overflow/underflow).</li>
 * </ul>
 * The PNG is {@value #WIDTH}×{@value #HEIGHT} pixels, white background.
 */
public final class RegimeHeatmapChart {

    /** PNG width, pixels. */
    public static final int WIDTH = 900;
    /** PNG height, pixels. */
    public static final int HEIGHT = 600;

    static final String X_LABEL = ChartStyle.multiplierLabel(1) + ChartStyle.LOG_SCALE;
    static final String Y_LABEL = "depth L (hidden layers)";
    static final String UNIT_LINE_LABEL = "m = 1";
    static final String CRITICAL_LINE_LABEL = "predicted m_c";
    /** The rate that decided the cell's regime: forward or backward, whichever is larger in magnitude. */
    static double decidingRate(RegionCell c) {
        double f = Double.isNaN(c.forwardRate()) ? Double.POSITIVE_INFINITY : c.forwardRate();
        double b = c.backwardRate();
        return Double.isNaN(b) || Math.abs(f) >= Math.abs(b) ? f : b;
    }

    static final String RATE_NOTE = "number in a cell: the deciding rate (forward or backward, the larger), nats per layer";

    /** A marker further than this factor outside the swept range does not widen the axis. */
    private static final double MAX_EXTENSION = 8.0;
    private static final double MARKER_PAD = Math.pow(2, 0.25);
    /** Approximate data area of the default image, pixels (for "does it fit" decisions). */
    private static final double DATA_WIDTH_PX = 760;
    private static final double DATA_HEIGHT_PX = 420;
    /** Cells at least this wide get their m as tick label and their rate as text. */
    private static final double MIN_LABELLED_CELL_PX = 44;

    private RegimeHeatmapChart() {
    }

    /**
     * Draws the regime heatmap and writes it as PNG.
     *
     * @param title              chart title, or null for none
     * @param cells              one cell per (depth, multiplier); at least one
     * @param predictedCriticalM theory's critical multiplier m_c; drawn as a dashed line when finite
     *                           and &gt; 0 (NaN: no prediction, no line)
     * @param png                output file; missing parent directories are created
     * @throws IllegalArgumentException if {@code cells} is empty, holds null, a null regime, a
     *                                  multiplier that is not finite and &gt; 0, or two cells with
     *                                  the same (depth, multiplier)
     * @throws NullPointerException     if {@code cells} or {@code png} is null
     * @throws IOException              if the PNG cannot be written
     */
    public static void write(String title, List<RegionCell> cells, double predictedCriticalM, Path png)
            throws IOException {
        write(title, cells, predictedCriticalM, Double.NaN, png);
    }

    /**
     * As {@link #write(String, List, double, Path)}, stating under the title the rule the regimes were
     * decided by: stable while the signal's variance grows or shrinks by at most {@code decades}
     * decades over the network's L − 1 hidden steps, i.e. |rate| ≤ D·ln 10/(L − 1) nats per layer
     * (NaN: the rule is not stated).
     *
     * @throws IOException if the PNG cannot be written
     */
    public static void write(String title, List<RegionCell> cells, double predictedCriticalM, double decades, Path png)
            throws IOException {
        write(title, cells, predictedCriticalM, decades, 1, png);
    }

    /**
     * As {@link #write(String, List, double, double, Path)}, the x axis saying what m is for the init
     * scheme drawn ({@link ChartStyle#multiplierLabel}).
     *
     * @param unit fan_in·Var(W) at m = 1 for the scheme (2 for He); NaN where it has no single value
     * @throws IOException if the PNG cannot be written
     */
    public static void write(String title, List<RegionCell> cells, double predictedCriticalM, double decades,
            double unit, Path png) throws IOException {
        Objects.requireNonNull(png, "png");
        ChartStyle.save(createChart(title, cells, predictedCriticalM, decades, unit), png, WIDTH, HEIGHT);
    }

    /** The chart {@link #write(String, List, double, double, double, Path)} renders (package-private for tests). */
    static JFreeChart createChart(String title, List<RegionCell> cells, double predictedCriticalM, double decades,
            double unit) {
        return ChartStyle.withMultiplierAxis(createChart(title, cells, predictedCriticalM, decades), unit);
    }

    /** The chart {@link #write(String, List, double, double, Path)} renders (package-private for tests). */
    static JFreeChart createChart(String title, List<RegionCell> cells, double predictedCriticalM, double decades) {
        JFreeChart chart = createChart(title, cells, predictedCriticalM);
        if (Double.isFinite(decades)) {
            ChartStyle.addNote(chart, ruleNote(decades));
        }
        return chart;
    }

    /** The regime rule as a chart states it. */
    static String ruleNote(double decades) {
        String d = ChartStyle.formatNumber(decades);
        return "stable: Var changes by at most " + d + (decades == 1 ? " decade" : " decades")
                + " over the depth, |rate| \u2264 " + d + "\u00b7ln 10/(L \u2212 1) nats per layer";
    }

    /** The chart {@link #write} renders (package-private for tests). */
    static JFreeChart createChart(String title, List<RegionCell> cells, double predictedCriticalM) {
        Objects.requireNonNull(cells, "cells");
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no cells to draw");
        }
        TreeSet<Integer> depthSet = new TreeSet<>();
        TreeSet<Double> mSet = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        for (RegionCell c : cells) {
            if (c == null) {
                throw new IllegalArgumentException("null cell");
            }
            if (c.regime() == null) {
                throw new IllegalArgumentException("cell without regime: " + c);
            }
            if (!ChartStyle.plottableOnLog(c.multiplier())) {
                throw new IllegalArgumentException("multiplier must be finite and > 0 on a log axis: " + c);
            }
            if (!seen.add(c.depth() + "/" + c.multiplier())) {
                throw new IllegalArgumentException(
                        "two cells at depth " + c.depth() + ", m = " + ChartStyle.formatNumber(c.multiplier()));
            }
            depthSet.add(c.depth());
            mSet.add(c.multiplier());
        }
        List<Integer> depths = List.copyOf(depthSet);
        double[] ms = mSet.stream().mapToDouble(Double::doubleValue).toArray();
        double[][] edges = cellEdges(ms);

        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        Regime[] regimes = Regime.values();
        XYIntervalSeries[] series = new XYIntervalSeries[regimes.length];
        for (Regime r : regimes) {
            series[r.ordinal()] = new XYIntervalSeries(r.label());
            dataset.addSeries(series[r.ordinal()]);
        }
        for (RegionCell c : cells) {
            int col = Arrays.binarySearch(ms, c.multiplier());
            int row = depths.indexOf(c.depth());
            series[c.regime().ordinal()].add(c.multiplier(), edges[0][col], edges[1][col], row, row - 0.5,
                    row + 0.5);
        }

        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new ChartStyle.CrispBarPainter(false));
        renderer.setShadowVisible(false);
        renderer.setMargin(0);
        // Thin white separators between cells, unless the cells are so small that they would
        // be mostly separator.
        double narrowestPx = narrowestCellPx(edges, edges[0][0], edges[1][ms.length - 1]);
        renderer.setDrawBarOutline(narrowestPx >= 12 && DATA_HEIGHT_PX / depths.size() >= 12);
        renderer.setAutoPopulateSeriesOutlinePaint(false);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setAutoPopulateSeriesOutlineStroke(false);
        renderer.setDefaultOutlineStroke(new BasicStroke(1f));
        for (Regime r : regimes) {
            renderer.setSeriesPaint(r.ordinal(), ChartStyle.regimeColour(r));
        }

        // x range: the cells, widened to show m = 1 and m_c when they are near.
        double lo = edges[0][0];
        double hi = edges[1][ms.length - 1];
        boolean hasCritical = ChartStyle.plottableOnLog(predictedCriticalM);
        boolean criticalIsOne = hasCritical && Math.abs(predictedCriticalM - 1) <= 1e-9;
        StringBuilder outside = new StringBuilder();
        double[] wanted = hasCritical && !criticalIsOne ? new double[] {1, predictedCriticalM} : new double[] {1};
        for (double x : wanted) {
            if (x < lo && lo / x <= MAX_EXTENSION) {
                lo = x / MARKER_PAD;
            } else if (x > hi && x / hi <= MAX_EXTENSION) {
                hi = x * MARKER_PAD;
            } else if (x < lo || x > hi) {
                outside.append(outside.length() == 0 ? "" : "; ")
                        .append(x == 1 ? "m = 1" : "predicted m_c = " + ChartStyle.formatNumber(x))
                        .append(" lies outside the plotted range");
            }
        }
        boolean roomy = narrowestCellPx(edges, lo, hi) >= MIN_LABELLED_CELL_PX;
        LogAxis xAxis = new Log2Axis(X_LABEL, roomy ? ms : null);
        xAxis.setRange(lo, hi);

        String[] depthLabels = depths.stream().map(String::valueOf).toArray(String[]::new);
        SymbolAxis yAxis = new SymbolAxis(Y_LABEL, depthLabels);
        yAxis.setGridBandsVisible(false);
        yAxis.setRange(-0.5, depths.size() - 0.5);
        yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        ChartStyle.styleAxis(yAxis);

        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        ChartStyle.stylePlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        addMarkers(plot, hasCritical, criticalIsOne, predictedCriticalM, lo, hi);

        boolean showRates = roomy && DATA_HEIGHT_PX / depths.size() >= 18;
        if (showRates) {
            for (RegionCell c : cells) {
                String text = rateText(decidingRate(c));
                if (text.isEmpty()) {
                    continue;
                }
                // Padded with spaces: the background box below then leaves air around the digits.
                XYTextAnnotation a = new XYTextAnnotation(" " + text + " ", c.multiplier(),
                        depths.indexOf(c.depth()));
                a.setFont(ChartStyle.CELL_FONT);
                a.setPaint(c.regime() == Regime.VANISHING ? Color.WHITE : Color.BLACK);
                a.setTextAnchor(TextAnchor.CENTER);
                // A box in the cell's own colour: a marker line through the cell stops at the number.
                a.setBackgroundPaint(ChartStyle.regimeColour(c.regime()));
                a.setOutlineVisible(false);
                plot.addAnnotation(a, false);
            }
        }

        LegendItemCollection legend = new LegendItemCollection();
        for (Regime r : regimes) {
            legend.add(new LegendItem(r.label(), null, null, null, new Rectangle2D.Double(-7, -7, 14, 14),
                    ChartStyle.regimeColour(r)));
        }
        plot.setFixedLegendItems(legend);

        JFreeChart chart = ChartStyle.chart(title, plot, true);
        if (showRates) {
            ChartStyle.addNote(chart, RATE_NOTE);
        }
        if (outside.length() > 0) {
            ChartStyle.addNote(chart, outside.toString());
        }
        return chart;
    }

    /**
     * Lower ({@code [0]}) and upper ({@code [1]}) x edges of the cells of sorted distinct
     * multipliers: geometric means of neighbours, mirrored at the ends; in logarithms where the products
     * leave the doubles (m of 1e-300 or 1e300), the outer edges kept within the finite normal doubles.
     */
    static double[][] cellEdges(double[] ms) {
        int n = ms.length;
        double[] lower = new double[n];
        double[] upper = new double[n];
        if (n == 1) {
            lower[0] = ms[0] / Math.sqrt(2);
            upper[0] = ms[0] * Math.sqrt(2);
            return new double[][] {lower, upper};
        }
        for (int i = 0; i < n - 1; i++) {
            double mid = positive(Math.sqrt(ms[i] * ms[i + 1]), 0.5 * (Math.log(ms[i]) + Math.log(ms[i + 1])));
            upper[i] = mid;
            lower[i + 1] = mid;
        }
        lower[0] = positive(ms[0] * ms[0] / upper[0], 2 * Math.log(ms[0]) - Math.log(upper[0]));
        upper[n - 1] = positive(ms[n - 1] * ms[n - 1] / lower[n - 1], 2 * Math.log(ms[n - 1]) - Math.log(lower[n - 1]));
        return new double[][] {lower, upper};
    }

    /** {@code direct} if a finite normal double, else e^{@code ln} held within them. */
    private static double positive(double direct, double ln) {
        if (direct >= Double.MIN_NORMAL && direct <= Double.MAX_VALUE) {
            return direct;
        }
        return Math.min(Double.MAX_VALUE, Math.max(Double.MIN_NORMAL, Math.exp(ln)));
    }

    private static void addMarkers(XYPlot plot, boolean hasCritical, boolean criticalIsOne, double mc, double lo,
            double hi) {
        ValueMarker one = new ValueMarker(1.0, Color.BLACK, new BasicStroke(2f));
        one.setLabel(criticalIsOne ? UNIT_LINE_LABEL + " = " + CRITICAL_LINE_LABEL : UNIT_LINE_LABEL);
        styleMarkerLabel(one, fraction(1.0, lo, hi), true);
        plot.addDomainMarker(one, Layer.FOREGROUND);
        if (hasCritical && !criticalIsOne) {
            ValueMarker crit = new ValueMarker(mc, Color.BLACK, ChartStyle.DASHED_STROKE);
            crit.setLabel(CRITICAL_LINE_LABEL + " = " + ChartStyle.formatNumber(mc));
            // The two labels sit at opposite ends of the lines, so they never collide.
            styleMarkerLabel(crit, fraction(mc, lo, hi), false);
            plot.addDomainMarker(crit, Layer.FOREGROUND);
        }
    }

    /** Position of x across the log axis, 0 = left edge, 1 = right edge. */
    private static double fraction(double x, double lo, double hi) {
        return Math.log(x / lo) / Math.log(hi / lo);
    }

    /** Label at the top or bottom of the line, on its right unless the line is near the right edge. */
    private static void styleMarkerLabel(ValueMarker marker, double fraction, boolean top) {
        boolean right = fraction < 0.7;
        marker.setLabelFont(ChartStyle.MARKER_FONT);
        marker.setLabelPaint(Color.BLACK);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 225));
        marker.setLabelOffset(new RectangleInsets(6, 6, 6, 6));
        if (top) {
            marker.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        } else {
            marker.setLabelAnchor(right ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.BOTTOM_LEFT);
            marker.setLabelTextAnchor(right ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
        }
    }

    /** Width of the narrowest cell in the default image (data area about 760 px wide). */
    private static double narrowestCellPx(double[][] edges, double lo, double hi) {
        double total = Math.log(hi / lo);
        double narrowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < edges[0].length; i++) {
            narrowest = Math.min(narrowest, Math.log(edges[1][i] / edges[0][i]) / total);
        }
        return narrowest * DATA_WIDTH_PX;
    }

    /** "+0.35", "−1.20", "+∞", "−∞"; empty for NaN. */
    static String rateText(double rate) {
        if (Double.isNaN(rate)) {
            return "";
        }
        if (Double.isInfinite(rate)) {
            return rate > 0 ? "+∞" : "−∞";
        }
        String s = String.format(Locale.ROOT, "%+.2f", rate);
        if (s.equals("-0.00")) {
            s = "+0.00";
        }
        return s.replace('-', '−');
    }


    /**
     * Base-2 log axis. With column values it puts one tick at each swept multiplier, labelled with
     * its value; otherwise ticks at integer powers of two, read as plain numbers (0.25, 0.5, 1, 2)
     * from 2⁻⁴ to 2¹³ and as 2ⁿ beyond.
     */
    static final class Log2Axis extends LogAxis {
        private static final long serialVersionUID = 1L;

        private final double[] columns;

        Log2Axis(String label, double[] columns) {
            super(label);
            this.columns = columns == null ? null : columns.clone();
            setBase(2);
            setSmallestValue(Double.MIN_VALUE);
            setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
            setMinorTickMarksVisible(false);
            ChartStyle.styleAxis(this);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
            if (columns == null) {
                try {
                    return super.refreshTicksHorizontal(g2, dataArea, edge);
                } catch (IllegalArgumentException beyondItsUnits) {
                    // JFreeChart's automatic tick unit fails ("Must be finite") on a range of hundreds of
                    // octaves (m from 1e-300 to 1e300): ticks at whole powers of 2, about eight of them
                    return powerTicks(anchor);
                }
            }
            List ticks = new ArrayList();
            for (double m : columns) {
                if (getRange().contains(m)) {
                    ticks.add(new LogTick(TickType.MAJOR, m, createTickLabel(m), anchor));
                }
            }
            return ticks;
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        private List powerTicks(TextAnchor anchor) {
            // within the octaves of finite positive doubles, whatever the range holds (0, ∞)
            long lo = (long) Math.max(-1074, Math.ceil(calculateLog(getRange().getLowerBound())));
            long hi = (long) Math.min(1023, Math.floor(calculateLog(getRange().getUpperBound())));
            long step = (long) Math.max(1, Math.ceil(ChartStyle.niceTickStep(Math.max(1, hi - lo), 8)));
            List ticks = new ArrayList();
            for (long k = Math.floorDiv(lo + step - 1, step) * step; k <= hi; k += step) {
                double v = calculateValue(k);
                if (v > 0 && Double.isFinite(v)) {
                    ticks.add(new LogTick(TickType.MAJOR, v, createTickLabel(v), anchor));
                }
            }
            return ticks;
        }

        @Override
        protected AttributedString createTickLabel(double value) {
            double k = calculateLog(value);
            long rk = Math.round(k);
            String text;
            int superscriptFrom = -1;
            if (Math.abs(k - rk) > 1e-9 || (rk >= -4 && rk <= 13)) {
                text = ChartStyle.formatNumber(value);
            } else {
                text = "2" + Long.toString(rk).replace('-', '−');
                superscriptFrom = 1;
            }
            AttributedString as = new AttributedString(text);
            as.addAttributes(getTickLabelFont().getAttributes(), 0, text.length());
            if (superscriptFrom > 0) {
                as.addAttribute(TextAttribute.SUPERSCRIPT, TextAttribute.SUPERSCRIPT_SUPER, superscriptFrom,
                        text.length());
            }
            return as;
        }
    }
}
