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
 * Training cost against epoch: one line per label (an init scheme, a multiplier, …), or with
 * {@link #writeSeeds} one thin line per seed in its label's colour, a diverged run's line ending at a
 * black × on its last finite cost (so that no curve averages a set of runs that shrinks as they
 * diverge).
 *
 * <p>What is drawn: x = epoch, where array index e is the cost after e epochs (0 = at
 * initialization); y = cost J, the mean cross-entropy over the training set in nats per example
 * (binary for K = 2 classes, softmax over K otherwise). Lines follow the map's iteration order (use a
 * {@code LinkedHashMap} to choose it) and take Okabe–Ito colours (viridis beyond eight). A thin dashed
 * grey line marks ln K nats (ln 2 ≈ 0.693 for K = 2), the cost of predicting every class with
 * probability 1/K, when it falls in the plotted range.
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

    /** The y axis label for K classes. */
    static String yLabel(int classes) {
        return classes <= 2 ? Y_LABEL : "cost J: mean cross-entropy over " + classes + " classes, nats";
    }

    /** The label of the chance-level line ln K. */
    static String chanceLabel(int classes) {
        return classes <= 2 ? LN2_LABEL : "ln " + classes + ": every class 1/" + classes;
    }

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
        write(title, lossByLabel, null, 2, png);
    }

    /**
     * As {@link #write(String, Map, Path)}, each line in its {@link LineStyle} (colour by one variable, dashes
     * by another, a longer legend line so the dashes show there).
     *
     * @param styles  the style of every label of {@code lossByLabel}, or null for a colour per line
     * @param classes K, the dataset's classes (≥ 2): the cost's name and the chance level ln K
     * @throws IllegalArgumentException also if a label has no style
     */
    public static void write(String title, Map<String, double[]> lossByLabel, Map<String, LineStyle> styles,
            int classes, Path png) throws IOException {
        Objects.requireNonNull(png, "png");
        ChartStyle.save(createChart(title, lossByLabel, styles, classes), png, WIDTH, HEIGHT);
    }

    /** The chart {@link #write} renders (package-private for tests); series i = i-th map entry. */
    static JFreeChart createChart(String title, Map<String, double[]> lossByLabel) {
        return createChart(title, lossByLabel, null, 2);
    }

    static JFreeChart createChart(String title, Map<String, double[]> lossByLabel, Map<String, LineStyle> styles,
            int classes) {
        if (styles != null && !styles.keySet().containsAll(lossByLabel.keySet())) {
            throw new IllegalArgumentException("no line style for some of " + lossByLabel.keySet());
        }
        Objects.requireNonNull(lossByLabel, "lossByLabel");
        Map<String, List<SeedCost>> lines = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : lossByLabel.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("null label or loss array");
            }
            lines.put(e.getKey(), List.of(new SeedCost(0, e.getValue(), false)));
        }
        return draw(title, lines, false, styles, classes);
    }

    /**
     * Draws one thin line per seed, in its label's colour (one legend entry per label), and marks each
     * diverged run with × at its last finite cost, where its line ends: no average over a set of runs
     * that changes from one epoch to the next.
     *
     * @param seedsByLabel the seeds' costs of each line label (e.g. "m = 1"); at least one label, each
     *                     with at least one seed
     * @param classes      K, the dataset's classes (≥ 2): the cost's name and the chance level ln K
     * @throws IllegalArgumentException if {@code seedsByLabel} is empty, or a label is null or has no seeds
     * @throws IOException              if the PNG cannot be written
     */
    public static void writeSeeds(String title, Map<String, List<SeedCost>> seedsByLabel, int classes, Path png)
            throws IOException {
        writeSeeds(title, seedsByLabel, null, classes, png);
    }

    /**
     * As {@link #writeSeeds(String, Map, int, Path)}, each label's lines in its {@link LineStyle} (colour by one
     * variable, dashes by another).
     *
     * @param styles the style of every label of {@code seedsByLabel}, or null for a colour per label
     * @throws IllegalArgumentException also if a label has no style
     */
    public static void writeSeeds(String title, Map<String, List<SeedCost>> seedsByLabel, Map<String, LineStyle> styles,
            int classes, Path png) throws IOException {
        Objects.requireNonNull(png, "png");
        JFreeChart chart = createSeedsChart(title, seedsByLabel, styles, classes);
        if (styles != null) {
            ChartStyle.legendRowPerColour(chart);
        }
        ChartStyle.save(chart, png, WIDTH, styles == null ? HEIGHT : ChartStyle.heightForLegend(chart, WIDTH, HEIGHT));
    }

    static JFreeChart createSeedsChart(String title, Map<String, List<SeedCost>> seedsByLabel) {
        return createSeedsChart(title, seedsByLabel, null, 2);
    }

    /** The chart {@link #writeSeeds} renders (package-private for tests). */
    static JFreeChart createSeedsChart(String title, Map<String, List<SeedCost>> seedsByLabel,
            Map<String, LineStyle> styles, int classes) {
        Objects.requireNonNull(seedsByLabel, "seedsByLabel");
        for (Map.Entry<String, List<SeedCost>> e : seedsByLabel.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("a null label, or a label without seeds");
            }
        }
        if (styles != null && !styles.keySet().containsAll(seedsByLabel.keySet())) {
            throw new IllegalArgumentException("no line style for some of " + seedsByLabel.keySet());
        }
        return draw(title, seedsByLabel, true, styles, classes);
    }

    /** Costs above this factor times the largest cost of a run that did not diverge are clipped. */
    static final double CLIP_FACTOR = 100;

    /** Legend text of the series that marks diverged runs. */
    static final String DIVERGED_LABEL = "diverged (its last finite cost)";

    private static JFreeChart draw(String title, Map<String, List<SeedCost>> lines, boolean perSeed,
            Map<String, LineStyle> styles, int classes) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no loss curves to draw");
        }
        // Diverged runs must not stretch the axis over the runs that trained: above CLIP_FACTOR times the
        // largest cost of a run that did not diverge, a diverged run's line ends at the top edge.
        double keptMax = Double.NEGATIVE_INFINITY;
        for (List<SeedCost> seeds : lines.values()) {
            for (SeedCost c : seeds) {
                if (c.diverged()) {
                    continue;
                }
                for (double v : c.loss()) {
                    if (ChartStyle.plottableOnLinear(v)) {
                        keptMax = Math.max(keptMax, v);
                    }
                }
            }
        }
        double cap = perSeed && keptMax > 0 ? CLIP_FACTOR * keptMax : Double.POSITIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int epochs = 0;
        for (List<SeedCost> seeds : lines.values()) {
            for (SeedCost c : seeds) {
                epochs = Math.max(epochs, c.loss().length);
                for (double v : c.loss()) {
                    if (ChartStyle.plottableOnLinear(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, Math.min(v, cap));
                    }
                }
            }
        }
        boolean log = min > 0 && max / min >= LOG_SCALE_RATIO;
        int clipped = 0;

        XYSeriesCollection dataset = new XYSeriesCollection();
        List<Integer> labelOf = new ArrayList<>(); // series → index of its label
        int skipped = 0;
        int runs = 0;
        int label = 0;
        XYSeries divergedMarks = new XYSeries(DIVERGED_LABEL, false, true);
        int diverged = 0;
        for (Map.Entry<String, List<SeedCost>> e : lines.entrySet()) {
            boolean first = true;
            for (SeedCost c : e.getValue()) {
                runs++;
                // Runs of one label can share a seed (a sweep over learning rates or optimizers): series
                // keys must differ all the same.
                String base = first ? e.getKey() : e.getKey() + " (seed " + c.seed() + ")";
                String key = base;
                for (int k = 2; dataset.getSeriesIndex(key) >= 0; k++) {
                    key = base + " #" + k;
                }
                XYSeries s = new XYSeries(key, false, true);
                double[] v = c.loss();
                int last = c.diverged() ? c.lastFinite() : v.length - 1;
                boolean atEdge = false;
                for (int i = 0; i <= last; i++) {
                    if (ChartStyle.plottableOnLinear(v[i]) && v[i] > cap) {
                        s.add(i, cap);
                        divergedMarks.add(i, cap);
                        clipped++;
                        atEdge = true;
                        break;
                    }
                    if (log ? ChartStyle.plottableOnLog(v[i]) : ChartStyle.plottableOnLinear(v[i])) {
                        s.add(i, v[i]);
                    } else {
                        skipped++;
                    }
                }
                if (c.diverged()) {
                    diverged++;
                    if (!atEdge && last >= 0
                            && (log ? ChartStyle.plottableOnLog(v[last]) : ChartStyle.plottableOnLinear(v[last]))) {
                        divergedMarks.add(last, v[last]);
                    }
                }
                dataset.addSeries(s);
                labelOf.add(label);
                first = false;
            }
            label++;
        }
        if (diverged > 0) {
            dataset.addSeries(divergedMarks);
        }

        ValueAxis yAxis;
        boolean fineLogGrid = false;
        if (log) {
            LogAxis logAxis;
            if (Math.log10(max / min) <= 4) {
                // Costs read best as plain numbers: ticks at 1, 2, 5 × 10ⁿ, grid lines at the rest.
                logAxis = new DecadeLogAxis(yLabel(classes));
                fineLogGrid = true;
            } else {
                logAxis = ChartStyle.logAxis(yLabel(classes));
                logAxis.setNumberFormatOverride(ChartStyle.plainNumberFormat());
            }
            yAxis = logAxis;
        } else {
            NumberAxis lin = new NumberAxis(yLabel(classes));
            lin.setAutoRangeIncludesZero(true);
            ChartStyle.styleAxis(lin);
            yAxis = lin;
        }
        NumberAxis xAxis = ChartStyle.integerAxis(X_LABEL);
        xAxis.setRange(-0.5, Math.max(1, epochs - 1) + 0.5);

        int n = lines.size();
        boolean dots = epochs <= MAX_EPOCHS_WITH_DOTS && runs == n;
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, dots);
        // one path per line: drawn segment by segment, a dash pattern restarts every few pixels and a dashed
        // line of hundreds of epochs looks solid
        renderer.setDrawSeriesLineAsPath(true);
        List<String> names = new ArrayList<>(lines.keySet());
        for (int i = 0; i < labelOf.size(); i++) {
            LineStyle style = styles == null ? null : styles.get(names.get(labelOf.get(i)));
            Paint colour = style != null ? ChartStyle.colourOf(style) : ChartStyle.lineColour(labelOf.get(i), n);
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesStroke(i, style != null ? ChartStyle.dashStroke(style.dash())
                    : runs == n ? ChartStyle.LINE_STROKE : new BasicStroke(1.2f));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            if (dataset.getSeries(i).getItemCount() == 1) {
                renderer.setSeriesShapesVisible(i, true);
            }
            boolean firstOfLabel = i == 0 || !labelOf.get(i).equals(labelOf.get(i - 1));
            renderer.setSeriesVisibleInLegend(i, firstOfLabel);
        }
        if (diverged > 0) {
            int m = labelOf.size();
            renderer.setSeriesPaint(m, Color.BLACK);
            renderer.setSeriesLinesVisible(m, false);
            renderer.setSeriesShapesVisible(m, true);
            renderer.setSeriesShape(m, org.jfree.chart.util.ShapeUtils.createDiagonalCross(5f, 1.2f));
        }
        if (styles != null) {
            renderer.setLegendLine(new java.awt.geom.Line2D.Double(-18, 0, 18, 0));
        }
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        ChartStyle.stylePlot(plot);
        if (fineLogGrid) {
            plot.setRangeMinorGridlinesVisible(true);
            plot.setRangeMinorGridlinePaint(new Color(0xEEEEEE));
            plot.setRangeMinorGridlineStroke(new BasicStroke(1f));
        }

        ValueMarker ln2 = new ValueMarker(Math.log(Math.max(2, classes)), Color.GRAY,
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        ln2.setLabel(chanceLabel(classes));
        ln2.setLabelFont(ChartStyle.SUBTITLE_FONT);
        ln2.setLabelPaint(ChartStyle.NOTE);
        ln2.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        ln2.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        ln2.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        ln2.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        plot.addRangeMarker(ln2, Layer.BACKGROUND);

        JFreeChart chart = ChartStyle.chart(title, plot, true);
        if (perSeed) {
            ChartStyle.addNote(chart, "one line per seed (" + runs + (runs == 1 ? " run)" : " runs)") + (diverged == 0 ? ""
                    : "; " + diverged + " diverged: each line ends at × where its run stopped"));
        }
        if (clipped > 0) {
            ChartStyle.addNote(chart, clipped + (clipped == 1 ? " diverging run ends at the top edge: its cost passed "
                    : " diverging runs end at the top edge: their costs passed ") + ChartStyle.formatNumber(cap) + ", "
                    + ChartStyle.formatNumber(CLIP_FACTOR) + "\u00d7 the largest of the runs that trained");
        }
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
