package org.initsweep.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.imageio.ImageIO;

import org.initsweep.core.regime.Regime;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;

/**
 * Shared look of the initsweep charts: the Okabe–Ito colour-blind-safe palette, fonts, axes and
 * PNG output (white background, anti-aliased, no AWT display needed).
 *
 * <p>Package-private: the public entry points are {@link RegimeHeatmapChart},
 * {@link LayerVarianceChart} and {@link LossCurveChart}.
 */
final class ChartStyle {

    /** Okabe–Ito blue, the colour of {@link Regime#VANISHING}. */
    static final Color BLUE = new Color(0x0072B2);
    /** Okabe–Ito bluish green, the colour of {@link Regime#STABLE}. */
    static final Color BLUISH_GREEN = new Color(0x009E73);
    /** Okabe–Ito vermillion, the colour of {@link Regime#EXPLODING}. */
    static final Color VERMILLION = new Color(0xD55E00);
    static final Color ORANGE = new Color(0xE69F00);
    static final Color SKY_BLUE = new Color(0x56B4E9);
    static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    static final Color YELLOW = new Color(0xF0E442);
    static final Color BLACK = Color.BLACK;
    /** Where a value is missing because the network diverged (a decision boundary's NaN, a cell whose runs all did). */
    static final Color NAN_GREY = new Color(0xC0C0C0);

    /**
     * The eight Okabe–Ito colours in the order lines get them: the dark, well separated ones
     * first, yellow (weak on white) last.
     */
    static final List<Color> LINE_COLOURS = List.of(BLUE, VERMILLION, BLUISH_GREEN, ORANGE, REDDISH_PURPLE,
            SKY_BLUE, BLACK, YELLOW);

    /** Viridis anchors (perceptually uniform, colour-blind safe), for more than eight lines. */
    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779,
        0x6DCD59, 0xB4DE2C, 0xFDE725};

    static final Color GRID = new Color(0xDDDDDD);
    static final Color NOTE = new Color(0x555555);

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font AXIS_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    static final Font CELL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static final Stroke LINE_STROKE = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED_STROKE = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f);

    private static final float[][] DASHES = {null, {8f, 5f}, {2f, 4f}, {10f, 4f, 2f, 4f}, {16f, 6f},
        {10f, 4f, 2f, 4f, 2f, 4f}, {2f, 8f}, {16f, 4f, 6f, 4f}};

    /** Patterns (and markers) before they repeat in thin lines. */
    static final int PATTERNS = DASHES.length;

    /**
     * Line {@code i}'s pattern: solid, dashed, dotted, dash-dot, long dashes, dash-dot-dot, sparse dots,
     * long-short, 2 px wide; lines 8–15 the same patterns 1 px wide, and so on (the report's
     * {@code SETTING_DASHES} and widths are the same).
     */
    static Stroke dashStroke(int i) {
        float[] dash = DASHES[i % PATTERNS];
        return dash == null ? lineStroke(i)
                : new BasicStroke(lineWidth(i), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** Solid line {@code i}: 2 px for the first eight (the patterns), 1 px after (the marker repeating). */
    static Stroke lineStroke(int i) {
        return i < PATTERNS ? LINE_STROKE : new BasicStroke(lineWidth(i), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private static float lineWidth(int i) {
        return i < PATTERNS ? 2.0f : 1.0f;
    }

    /**
     * Marker {@code i}: circle, square, triangle, diamond, downward triangle, left and right triangles, plus,
     * then again; 7–9 px.
     */
    static java.awt.Shape marker(int i) {
        return switch (i % PATTERNS) {
            case 0 -> new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7);
            case 1 -> new java.awt.geom.Rectangle2D.Double(-3.5, -3.5, 7, 7);
            case 2 -> org.jfree.chart.util.ShapeUtils.createUpTriangle(4.5f);
            case 3 -> org.jfree.chart.util.ShapeUtils.createDiamond(4.5f);
            case 4 -> org.jfree.chart.util.ShapeUtils.createDownTriangle(4.5f);
            case 5 -> org.jfree.chart.util.ShapeUtils.rotateShape(org.jfree.chart.util.ShapeUtils.createUpTriangle(4.5f),
                    -Math.PI / 2, 0f, 0f);
            case 6 -> org.jfree.chart.util.ShapeUtils.rotateShape(org.jfree.chart.util.ShapeUtils.createUpTriangle(4.5f),
                    Math.PI / 2, 0f, 0f);
            default -> org.jfree.chart.util.ShapeUtils.createRegularCross(4.5f, 1.5f);
        };
    }

    /** The paint of a {@link LineStyle}'s colour. */
    static Color colourOf(LineStyle style) {
        return style.colour() < 0 ? BLACK : lineColour(style.colour(), style.colours());
    }

    /** Default PNG size, pixels. */
    static final int WIDTH = 900;
    static final int HEIGHT = 600;

    private ChartStyle() {
    }

    /** The Okabe–Ito colour of a regime. */
    static Color regimeColour(Regime regime) {
        return switch (regime) {
            case VANISHING -> BLUE;
            case STABLE -> BLUISH_GREEN;
            case EXPLODING -> VERMILLION;
        };
    }

    /**
     * The colour of line {@code index} of {@code count}: Okabe–Ito for up to eight lines, otherwise
     * evenly sampled from viridis (dark purple → green, the pale yellow end left out).
     */
    static Color lineColour(int index, int count) {
        if (count <= LINE_COLOURS.size()) {
            return LINE_COLOURS.get(index);
        }
        double t = count == 1 ? 0 : 0.9 * index / (count - 1);
        double pos = t * (VIRIDIS.length - 1);
        int i = Math.min((int) Math.floor(pos), VIRIDIS.length - 2);
        double f = pos - i;
        Color a = new Color(VIRIDIS[i]);
        Color b = new Color(VIRIDIS[i + 1]);
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /**
     * Magnitudes beyond this are not drawn (counted as overflow): an axis range and its tick steps must
     * stay finite, which a range up to the largest double does not.
     */
    static final double PLOT_LIMIT = 1e300;

    /**
     * Whether {@code v} can go on a log axis: &gt; 0 (down to the smallest double: vanishing signals
     * reach far below 10⁻³⁰⁰) and ≤ {@link #PLOT_LIMIT}.
     */
    static boolean plottableOnLog(double v) {
        return v > 0 && v <= PLOT_LIMIT;
    }

    /** Whether {@code v} can go on a linear axis: |v| ≤ {@link #PLOT_LIMIT} (so not NaN or ±∞). */
    static boolean plottableOnLinear(double v) {
        return Math.abs(v) <= PLOT_LIMIT;
    }

    /**
     * The axis label of the sweep's variance multiplier m for one init scheme: m multiplies the scheme's
     * Var(W), so fan_in·Var(W) = unit·m (1 for scaled_normal and LeCun, 2 for He, 1/3 for
     * uniform_fan_in, the width for standard_normal).
     *
     * @param unit fan_in·Var(W) at m = 1 for the scheme drawn; NaN where it has no single value
     * @return the label
     */
    public static String multiplierLabel(double unit) {
        if (unit == 1) {
            return "variance multiplier m = fan_in·Var(W)";
        }
        if (!(unit > 0) || Double.isInfinite(unit)) {
            return "variance multiplier m (× the init scheme's Var(W))";
        }
        return "variance multiplier m (fan_in·Var(W) = " + formatNumber(unit) + "·m)";
    }

    /**
     * {@code chart} with its x axis labelled {@link #multiplierLabel(double) multiplierLabel(unit)}, and
     * {@value #LOG_SCALE} after it where the axis is logarithmic (as the report's axes say).
     */
    static JFreeChart withMultiplierAxis(JFreeChart chart, double unit) {
        org.jfree.chart.axis.ValueAxis x = chart.getXYPlot().getDomainAxis();
        x.setLabel(multiplierLabel(unit) + (x instanceof org.jfree.chart.axis.LogAxis ? LOG_SCALE : ""));
        return chart;
    }

    /** What a logarithmic axis's label ends with. */
    static final String LOG_SCALE = "  (log scale)";

    /**
     * A short, locale-independent rendering of a number: four significant digits, no trailing
     * zeros, plain notation between 10⁻³ and 10⁵ ("0.5", "1", "1.414", "2"), else "1.5e-05"
     * ({@link org.initsweep.analysis.NumberText#rounded}, the charts' one rule for computed numbers).
     */
    static String formatNumber(double v) {
        return org.initsweep.analysis.NumberText.rounded(v);
    }

    /** {@link #formatNumber} as a {@link NumberFormat}, for axes that take one (format only). */
    static NumberFormat plainNumberFormat() {
        return new NumberFormat() {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
                return toAppendTo.append(formatNumber(number));
            }

            @Override
            public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
                return toAppendTo.append(formatNumber(number));
            }

            @Override
            public Number parse(String source, ParsePosition parsePosition) {
                throw new UnsupportedOperationException("format only");
            }
        };
    }

    /** Applies the shared fonts and colours to an axis. */
    static void styleAxis(Axis axis) {
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.DARK_GRAY);
        axis.setAxisLinePaint(Color.GRAY);
        axis.setTickMarkPaint(Color.GRAY);
    }

    /**
     * A base-10 log axis that reaches down to the smallest double (vanishing signals go far below
     * JFreeChart's default floor of 10⁻¹⁰⁰), with integer exponent ticks labelled 10ⁿ.
     */
    static LogAxis logAxis(String label) {
        LogAxis axis = new SafeLogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(Double.MIN_VALUE);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        axis.setDefaultAutoRange(new Range(0.1, 10));
        axis.setMinorTickMarksVisible(false);
        styleAxis(axis);
        return axis;
    }

    /**
     * A log axis whose automatic range survives data of one value: JFreeChart widens such a range by
     * an absolute 1e-8, which rounding loses at large values (4.8e54 from a diverged run) and then
     * throws; here it shows a decade either side of the value instead.
     */
    static class SafeLogAxis extends LogAxis {
        private static final long serialVersionUID = 1L;

        SafeLogAxis(String label) {
            super(label);
        }

        @Override
        protected void autoAdjustRange() {
            try {
                super.autoAdjustRange();
            } catch (IllegalArgumentException degenerate) {
                Range data = getPlot() instanceof org.jfree.chart.plot.ValueAxisPlot p ? p.getDataRange(this) : null;
                double v = data != null && plottableOnLog(data.getUpperBound()) ? data.getUpperBound() : 1;
                setRange(new Range(Math.max(v / 10, Double.MIN_VALUE), v * 10), false, false);
            }
        }
    }

    /** An integer axis (layers, epochs). */
    static NumberAxis integerAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        axis.setAutoRangeIncludesZero(false);
        styleAxis(axis);
        return axis;
    }

    /** White background, light grey grid lines, no default outline clutter. */
    static void stylePlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    /**
     * Wraps a plot in a chart with the shared title, legend and rendering settings.
     *
     * @param title  the title, or null/blank for none
     * @param legend whether to show the legend (at the bottom)
     */
    static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title == null || title.isBlank() ? null : glued(title), TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(Color.BLACK);
        }
        LegendTitle lt = chart.getLegend();
        if (lt != null) {
            lt.setItemFont(LEGEND_FONT);
            lt.setBackgroundPaint(Color.WHITE);
            lt.setFrame(BlockBorder.NONE);
            lt.setPosition(RectangleEdge.BOTTOM);
            lt.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        }
        return chart;
    }

    /** The longest word {@link #glued} keeps whole: a longer one (a file's path) may still wrap to fit. */
    static final int LONGEST_GLUED_WORD = 60;

    /**
     * The text with the spaces around each " = " made no-break spaces (U+00A0), so that a title or note
     * wrapped to the chart's width never parts a name from its value ("η" on one line, "= 0.01" on the next),
     * and each word's characters joined by U+FEFF (zero width, drawn as nothing), because Java's line breaker,
     * which JFreeChart wraps with, would part {@code rmsprop(alpha=0.9,centered)} before "(" and after "0.".
     */
    static String glued(String text) {
        String named = text.replace(" = ", "\u00a0=\u00a0");
        StringBuilder out = new StringBuilder(named.length() * 2);
        int start = 0;
        for (int i = 0; i <= named.length(); i++) {
            if (i == named.length() || named.charAt(i) == ' ') {
                String word = named.substring(start, i);
                if (word.length() > LONGEST_GLUED_WORD) {
                    out.append(word);
                } else {
                    for (int k = 0; k < word.length(); k++) {
                        // never between the two halves of a surrogate pair
                        if (k > 0 && !Character.isLowSurrogate(word.charAt(k))) {
                            out.append('\ufeff');
                        }
                        out.append(word.charAt(k));
                    }
                }
                if (i < named.length()) {
                    out.append(' ');
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    /** Adds a small grey explanatory line under the title. */
    static void addNote(JFreeChart chart, String text) {
        TextTitle note = new TextTitle(glued(text), SUBTITLE_FONT);
        note.setPaint(NOTE);
        note.setPosition(RectangleEdge.TOP);
        note.setHorizontalAlignment(HorizontalAlignment.CENTER);
        note.setPadding(new RectangleInsets(0, 0, 4, 0));
        chart.addSubtitle(note);
    }

    /**
     * Renders the chart into a {@code width × height} RGB image (white background, anti-aliased)
     * and writes it as PNG, creating missing parent directories.
     *
     * @return the rendering info: data areas of the plots, for tests that map data to pixels
     * @throws IOException if the file cannot be written
     */
    /** Legend rows a chart keeps in its height before {@link #heightForLegend} makes the image taller. */
    static final int LEGEND_ROWS_KEPT = 2;

    /**
     * {@code height}, plus what a legend of more than {@value #LEGEND_ROWS_KEPT} rows at {@code width} needs
     * beyond those rows (measured by laying the legend out), so the plot keeps its size however many
     * lines it has.
     */
    static int heightForLegend(JFreeChart chart, int width, int height) {
        if (chart.getLegend() == null) {
            return height;
        }
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = probe.createGraphics();
        try {
            double legends = 0;
            for (Object t : chart.getSubtitles()) {
                if (t instanceof LegendTitle lt) {
                    legends += lt.arrange(g2, new org.jfree.chart.block.RectangleConstraint(
                            new org.jfree.data.Range(0, width), new org.jfree.data.Range(0, 100_000))).getHeight();
                }
            }
            double row = chart.getLegend().getItemFont().getSize2D() * 1.9;
            return height + (int) Math.max(0, Math.ceil(legends - row * LEGEND_ROWS_KEPT));
        } finally {
            g2.dispose();
        }
    }

    /**
     * Splits a chart's legend into one legend per run of consecutive items drawn in one colour, stacked
     * in item order: where lines are coloured by multiplier and dashed by training setting, each
     * multiplier starts a row of its own (as in the report) instead of JFreeChart flowing them all
     * together. Left as it is when there is one colour or one item per colour. Each part is styled as
     * {@link #chart} styles the legend.
     */
    static void legendRowPerColour(JFreeChart chart) {
        LegendTitle legend = chart.getLegend();
        if (legend == null) {
            return;
        }
        List<org.jfree.chart.LegendItemCollection> rows = new java.util.ArrayList<>();
        java.awt.Paint last = null;
        for (org.jfree.chart.LegendItemSource source : legend.getSources()) {
            org.jfree.chart.LegendItemCollection all = source.getLegendItems();
            for (int k = 0; k < all.getItemCount(); k++) {
                org.jfree.chart.LegendItem item = all.get(k);
                java.awt.Paint colour = item.getLinePaint() != null ? item.getLinePaint() : item.getFillPaint();
                if (rows.isEmpty() || !Objects.equals(colour, last)) {
                    rows.add(new org.jfree.chart.LegendItemCollection());
                }
                rows.get(rows.size() - 1).add(item);
                last = colour;
            }
        }
        if (rows.size() < 2 || rows.stream().allMatch(r -> r.getItemCount() == 1)) {
            return; // one colour, or one line a colour: nothing to tell apart by rows
        }
        chart.removeLegend();
        // a title at the bottom edge takes its room from the bottom up: the last row goes in first
        for (int i = rows.size() - 1; i >= 0; i--) {
            org.jfree.chart.LegendItemCollection items = rows.get(i);
            LegendTitle part = new LegendTitle(() -> items);
            part.setItemFont(legend.getItemFont());
            part.setBackgroundPaint(legend.getBackgroundPaint());
            part.setFrame(legend.getFrame());
            part.setPosition(legend.getPosition());
            part.setItemLabelPadding(legend.getItemLabelPadding());
            part.setMargin(new RectangleInsets(i == 0 ? 4 : 0, 0, i == rows.size() - 1 ? 4 : 0, 0));
            chart.addSubtitle(part);
        }
    }

    /**
     * Draws {@code chart} into a {@code width × height} PNG at {@code png}: now, or in the calling thread's
     * {@link ChartRendering} scope.
     */
    static void save(JFreeChart chart, Path png, int width, int height) throws IOException {
        Objects.requireNonNull(png, "png");
        ChartRendering.draw(() -> render(chart, png, width, height));
    }

    /** {@link #save} now, on this thread, with where each part of the chart was drawn (for tests). */
    static ChartRenderingInfo render(JFreeChart chart, Path png, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ChartRenderingInfo info = new ChartRenderingInfo();
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, width, height);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
        } finally {
            g2.dispose();
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        }
        return info;
    }

    /**
     * A tick step for about {@code intervals} intervals over {@code range}: the largest of 1, 2,
     * 2.5 and 5 times a power of ten that is at most {@code range / intervals} (positive, finite
     * range; at least one interval).
     */
    static double niceTickStep(double range, int intervals) {
        double raw = range / Math.max(1, intervals);
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double best = pow;
        for (double f : NICE_STEPS) {
            if (f * pow <= raw * (1 + 1e-9)) {
                best = f * pow;
            }
        }
        return best;
    }

    /**
     * A tick step for at most {@code intervals} intervals over {@code range}: the smallest of 1, 2, 2.5
     * and 5 times a power of ten that is at least {@code range / intervals} (positive, finite range).
     */
    static double niceTickStepAtMost(double range, int intervals) {
        double raw = range / Math.max(1, intervals);
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : NICE_STEPS) {
            if (f * pow >= raw) {
                return f * pow;
            }
        }
        return 10 * pow;
    }

    private static final double[] NICE_STEPS = {1, 2, 2.5, 5, 10};

    /**
     * Flat bars and cells drawn without anti-aliasing, so adjacent ones meet without the faint seams
     * that blended edges leave; with {@code snap}, edges are also rounded to whole pixels and every bar
     * is at least one pixel wide (histogram bins).
     */
    static final class CrispBarPainter extends org.jfree.chart.renderer.xy.StandardXYBarPainter {
        private static final long serialVersionUID = 1L;

        private final boolean snap;

        CrispBarPainter(boolean snap) {
            this.snap = snap;
        }

        @Override
        public void paintBar(Graphics2D g2, org.jfree.chart.renderer.xy.XYBarRenderer renderer, int row, int column,
                java.awt.geom.RectangularShape bar, RectangleEdge base) {
            Object old = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            try {
                java.awt.geom.RectangularShape shape = bar;
                if (snap) {
                    double x0 = Math.round(bar.getMinX());
                    double x1 = Math.max(x0 + 1, Math.round(bar.getMaxX()));
                    double y0 = Math.round(bar.getMinY());
                    double y1 = Math.round(bar.getMaxY());
                    shape = new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
                }
                super.paintBar(g2, renderer, row, column, shape, base);
            } finally {
                g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                        old != null ? old : RenderingHints.VALUE_ANTIALIAS_DEFAULT);
            }
        }
    }
}
