package org.initsweep.analysis.chart;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Distribution of the activations layer by layer: a row of small histograms, one panel per layer.
 *
 * <p>What is drawn: panels side by side in layer order, each titled "layer l". x: activation value
 * a^[l] (the units of the activation, e.g. [−1, 1] for tanh), the same range in every panel (from
 * the lowest to the highest bin edge over the panels shown). y: fraction of that layer's
 * activations in the bin (count / layer total, dimensionless), one axis shared by all panels so
 * heights compare across layers. Bars span their bin edges exactly, in Okabe–Ito blue.
 *
 * <p>At most {@value #MAX_PANELS} panels are drawn. With more layers the chart shows every k-th
 * (the first, first + k, …, smallest k that fits) plus the last, and a note under the title lists
 * the layers shown. A histogram without bins or with all counts zero is drawn as an empty panel
 * labelled "no data".
 *
 * <p>The PNG is {@value #HEIGHT} pixels high and {@link #imageWidth(int) 150 + 135·panels} pixels
 * wide (at least {@value #MIN_WIDTH}), white background.
 */
public final class ActivationHistogramChart {

    /** PNG height, pixels. */
    public static final int HEIGHT = 440;
    /** Smallest PNG width, pixels. */
    public static final int MIN_WIDTH = 700;
    /** Most panels drawn; with more layers every k-th is shown. */
    public static final int MAX_PANELS = 10;

    static final String X_LABEL = "activation a^[l]";
    static final String Y_LABEL = "fraction of activations per bin";
    static final String EMPTY_TEXT = "no data";

    private static final Font PANEL_TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    /** Horizontal gap between panels, pixels. */
    private static final double GAP = 20;
    /** Head room above the tallest bar, as a fraction of its height. */
    private static final double TOP_MARGIN = 0.08;

    private ActivationHistogramChart() {
    }

    /**
     * Draws the activation histograms and writes them as PNG.
     *
     * @param title  chart title, or null for none
     * @param layers one histogram per layer, in any order; at least one, distinct layer numbers
     * @param png    output file; missing parent directories are created
     * @throws IllegalArgumentException if {@code layers} is empty, holds null, or two histograms of
     *                                  the same layer
     * @throws NullPointerException     if {@code layers} or {@code png} is null
     * @throws IOException              if the PNG cannot be written
     */
    public static void write(String title, List<LayerHistogram> layers, Path png) throws IOException {
        Objects.requireNonNull(png, "png");
        JFreeChart chart = createChart(title, layers);
        int panels = ((CombinedRangeXYPlot) chart.getPlot()).getSubplots().size();
        ChartStyle.save(chart, png, imageWidth(panels), HEIGHT);
    }

    /** Width of the PNG for {@code panels} panels: 150 + 135·panels, at least {@value #MIN_WIDTH}. */
    public static int imageWidth(int panels) {
        return Math.max(MIN_WIDTH, 150 + 135 * panels);
    }

    /**
     * The chart {@link #write} renders (package-private for tests): a {@link CombinedRangeXYPlot}
     * whose subplots are the panels in layer order; each holds one interval series, item i = bin i
     * with x from {@code edges[i]} to {@code edges[i+1]} and y = {@code counts[i]} / total.
     */
    static JFreeChart createChart(String title, List<LayerHistogram> layers) {
        Objects.requireNonNull(layers, "layers");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no layer histograms to draw");
        }
        Set<Integer> seen = new HashSet<>();
        for (LayerHistogram h : layers) {
            if (h == null) {
                throw new IllegalArgumentException("null layer histogram");
            }
            if (!seen.add(h.layer())) {
                throw new IllegalArgumentException("two histograms for layer " + h.layer());
            }
        }
        List<LayerHistogram> sorted = new ArrayList<>(layers);
        sorted.sort(Comparator.comparingInt(LayerHistogram::layer));
        List<LayerHistogram> shown = select(sorted);

        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double maxFraction = 0;
        for (LayerHistogram h : shown) {
            if (h.edges().length >= 2) {
                lo = Math.min(lo, h.edges()[0]);
                hi = Math.max(hi, h.edges()[h.edges().length - 1]);
            }
            long total = h.total();
            for (long c : h.counts()) {
                if (total > 0) {
                    maxFraction = Math.max(maxFraction, (double) c / total);
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        double yMax = maxFraction > 0 ? maxFraction * (1 + TOP_MARGIN) : 1;

        NumberAxis yAxis = new NumberAxis(Y_LABEL);
        yAxis.setRange(0, yMax);
        yAxis.setTickUnit(new NumberTickUnit(ChartStyle.niceTickStep(yMax, 6)));
        yAxis.setNumberFormatOverride(ChartStyle.plainNumberFormat());
        ChartStyle.styleAxis(yAxis);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(yAxis);
        plot.setGap(GAP);
        // About one x tick label per 55 px of panel: end labels of neighbours stay apart.
        double panelPx = (imageWidth(shown.size()) - 150.0) / shown.size() - GAP;
        int intervals = (int) Math.max(2, Math.min(8, Math.floor(panelPx / 55)));
        double xStep = ChartStyle.niceTickStep(hi - lo, intervals);
        for (LayerHistogram h : shown) {
            plot.add(panel(h, lo, hi, yMax, xStep), 1);
        }
        ChartStyle.stylePlot(plot);

        JFreeChart chart = ChartStyle.chart(title, plot, false);
        TextTitle xLabel = new TextTitle(X_LABEL, ChartStyle.AXIS_LABEL_FONT);
        xLabel.setPosition(RectangleEdge.BOTTOM);
        xLabel.setHorizontalAlignment(HorizontalAlignment.CENTER);
        xLabel.setPadding(new RectangleInsets(4, 0, 0, 0));
        chart.addSubtitle(xLabel);
        if (shown.size() < sorted.size()) {
            ChartStyle.addNote(chart, noteFor(sorted, shown));
        }
        return chart;
    }

    /**
     * The step k between the panels shown for {@code n} layers: 1 up to {@value #MAX_PANELS},
     * otherwise the smallest k for which indices 0, k, 2k, … plus the last fit.
     */
    static int step(int n) {
        int k = 1;
        while (panelCount(n, k) > MAX_PANELS) {
            k++;
        }
        return k;
    }

    private static int panelCount(int n, int k) {
        return (n - 1) / k + 1 + ((n - 1) % k == 0 ? 0 : 1);
    }

    /** The histograms to draw: indices 0, k, 2k, … of {@code sorted} plus the last, k = {@link #step}. */
    static List<LayerHistogram> select(List<LayerHistogram> sorted) {
        int n = sorted.size();
        int k = step(n);
        List<LayerHistogram> out = new ArrayList<>();
        for (int i = 0; i < n; i += k) {
            out.add(sorted.get(i));
        }
        if ((n - 1) % k != 0) {
            out.add(sorted.get(n - 1));
        }
        return out;
    }

    private static String noteFor(List<LayerHistogram> sorted, List<LayerHistogram> shown) {
        int k = step(sorted.size());
        String list = shown.stream().map(h -> String.valueOf(h.layer())).collect(Collectors.joining(", "));
        boolean lastExtra = (sorted.size() - 1) % k != 0;
        return sorted.size() + " layers: showing every " + ordinal(k) + (lastExtra ? " and the last" : "")
                + " (layers " + list + ")";
    }

    private static String ordinal(int k) {
        int mod100 = k % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (k % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return k + suffix;
    }

    private static XYPlot panel(LayerHistogram h, double lo, double hi, double yMax, double xStep) {
        XYIntervalSeries series = new XYIntervalSeries("layer " + h.layer());
        long total = h.total();
        double[] e = h.edges();
        long[] c = h.counts();
        for (int i = 0; i < c.length; i++) {
            double f = total > 0 ? (double) c[i] / total : 0;
            series.add((e[i] + e[i + 1]) / 2, e[i], e[i + 1], f, 0, f);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);

        XYBarRenderer bars = new XYBarRenderer();
        bars.setBarPainter(new ChartStyle.CrispBarPainter(true));
        bars.setShadowVisible(false);
        bars.setMargin(0);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, ChartStyle.BLUE);

        NumberAxis xAxis = new NumberAxis(null);
        xAxis.setRange(lo, hi);
        xAxis.setTickUnit(new NumberTickUnit(xStep));
        xAxis.setNumberFormatOverride(ChartStyle.plainNumberFormat());
        ChartStyle.styleAxis(xAxis);

        // The panel title: a label-only axis above the panel.
        NumberAxis titleAxis = new NumberAxis("layer " + h.layer());
        titleAxis.setRange(lo, hi);
        titleAxis.setTickLabelsVisible(false);
        titleAxis.setTickMarksVisible(false);
        titleAxis.setMinorTickMarksVisible(false);
        titleAxis.setAxisLineVisible(false);
        titleAxis.setLabelFont(PANEL_TITLE_FONT);
        titleAxis.setLabelInsets(new RectangleInsets(2, 2, 4, 2));

        XYPlot plot = new XYPlot(data, xAxis, null, bars);
        plot.setDomainAxis(1, titleAxis);
        plot.setDomainAxisLocation(1, AxisLocation.TOP_OR_LEFT);
        ChartStyle.stylePlot(plot);
        plot.setDomainGridlinesVisible(false);

        if (total == 0) {
            XYTextAnnotation a = new XYTextAnnotation(EMPTY_TEXT, (lo + hi) / 2, yMax / 2);
            a.setFont(ChartStyle.SUBTITLE_FONT);
            a.setPaint(ChartStyle.NOTE);
            a.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(a, false);
        }
        return plot;
    }

}
