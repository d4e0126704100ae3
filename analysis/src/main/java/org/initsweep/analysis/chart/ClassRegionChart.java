package org.initsweep.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Class regions of a trained K-class classifier on 2-D inputs: the predicted class (argmax of the softmax)
 * over the input square, with the training points on top; the K-class counterpart of
 * {@link DecisionBoundaryChart}.
 *
 * <p>What is drawn:
 * <ul>
 *   <li>x: input x₁, y: input x₂, standardized, over [min, max] of the {@link ClassRegions}, equal scales.</li>
 *   <li>each grid cell in its predicted class's colour (Okabe–Ito: blue, vermillion, bluish green, reddish
 *       purple, orange, sky blue, yellow; further classes take evenly spaced hues), blended with white by the
 *       confidence c (the top-1 probability): weight {@value #PALE} + ({@value #FULL} − {@value #PALE})·t with
 *       t = (c − 1/K)/(1 − 1/K), so a cell where every class is equally likely is pale and a sure one is
 *       strong; cells of a diverged network light grey {@code #C0C0C0} (a note says how many).</li>
 *   <li>the class boundaries, a dark solid line along every cell edge between two different predicted
 *       classes.</li>
 *   <li>the training points, class k in its colour at full strength, with a black outline, marker shapes
 *       differing by class (circle, triangle, square, diamond, inverted triangle, then again); points outside
 *       the square and non-finite ones are noted as in {@link DecisionBoundaryChart}.</li>
 * </ul>
 * The legend names each class (with its label in the data), the boundary line and, when present, the grey.
 * The PNG is {@value DecisionBoundaryChart#WIDTH}×{@value DecisionBoundaryChart#HEIGHT} pixels.
 */
public final class ClassRegionChart {

    static final String X_LABEL = DecisionBoundaryChart.X_LABEL;
    static final String Y_LABEL = DecisionBoundaryChart.Y_LABEL;
    static final String BOUNDARY_LABEL = "class boundary";
    static final String NAN_LABEL = "not finite (diverged)";
    static final String SHADING_NOTE = "colour: the predicted class; paler where the network is less sure"
            + " (top probability near 1/K)";

    /** Index of the cell dataset (an {@link org.jfree.data.xy.XYZDataset}, z = class + shade). */
    static final int GRID_DATASET = 0;
    /** Index of the class-boundary segments (one series, segments separated by NaN points). */
    static final int BOUNDARY_DATASET = 1;
    /** Index of the training points: series k = class k. */
    static final int POINTS_DATASET = 2;

    /** Weight of the class colour (against white) in a cell of confidence 1/K. */
    static final double PALE = 0.12;
    /** Weight of the class colour in a cell of confidence 1: below 1, so the points stand out. */
    static final double FULL = 0.62;

    private static final Color[] OKABE_ITO = {ChartStyle.BLUE, ChartStyle.VERMILLION, ChartStyle.BLUISH_GREEN,
        ChartStyle.REDDISH_PURPLE, ChartStyle.ORANGE, ChartStyle.SKY_BLUE, ChartStyle.YELLOW};
    private static final Shape[] SHAPES = {new Ellipse2D.Double(-3.5, -3.5, 7, 7), InputPlane.triangle(4.5, false),
        new Rectangle2D.Double(-3.2, -3.2, 6.4, 6.4), diamond(4.6), InputPlane.triangle(4.5, true)};
    private static final Stroke MARKER_OUTLINE = new BasicStroke(0.9f);
    private static final Color LINE_COLOUR = new Color(0x1A1A1A);
    private static final Stroke LINE_STROKE = new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private ClassRegionChart() {
    }

    /**
     * Draws the chart and writes it as PNG.
     *
     * @param title   chart title, or null
     * @param regions the predicted class and confidence on the grid
     * @param x       training inputs {@code [n, 2]} row-major; may be empty
     * @param y       training classes, {@code n} values in 0..K−1
     * @param names   each class's name in the legend ({@code K} values, e.g. its label in the data)
     * @param note    a note under the title (why points are missing, say), or null
     * @param png     output file; missing parent directories are created
     * @throws IllegalArgumentException if {@code x.length != 2·y.length}, a class is out of range, or
     *                                  {@code names} does not hold K names
     * @throws IOException              if the PNG cannot be written
     */
    public static void write(String title, ClassRegions regions, float[] x, int[] y, List<String> names, String note,
            Path png) throws IOException {
        Objects.requireNonNull(png, "png");
        InputPlane.save(createChart(title, regions, x, y, names), note, png);
    }

    /** The chart {@link #write} renders (package-private for tests). */
    static JFreeChart createChart(String title, ClassRegions regions, float[] x, int[] y, List<String> names) {
        Objects.requireNonNull(regions, "regions");
        int k = regions.classes();
        if (x.length != 2L * y.length) {
            throw new IllegalArgumentException("x must hold 2 coordinates per label: x.length = " + x.length
                    + ", y.length = " + y.length);
        }
        if (names.size() != k) {
            throw new IllegalArgumentException(k + " classes need " + k + " names, got " + names.size());
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= k) {
                throw new IllegalArgumentException("label y[" + i + "] = " + y[i] + " is not a class of " + k);
            }
        }
        int steps = regions.steps();
        int cells = steps * steps;
        double[][] xyz = new double[3][cells];
        int nanCells = 0;
        for (int i2 = 0; i2 < steps; i2++) {
            for (int i1 = 0; i1 < steps; i1++) {
                int idx = i2 * steps + i1;
                xyz[0][idx] = regions.coordinate(i1);
                xyz[1][idx] = regions.coordinate(i2);
                xyz[2][idx] = code(regions.predicted()[idx], regions.confidence()[idx], k);
                if (Double.isNaN(xyz[2][idx])) {
                    nanCells++;
                }
            }
        }
        DefaultXYZDataset gridData = new DefaultXYZDataset();
        gridData.addSeries("class", xyz);
        XYBlockRenderer blocks = new InputPlane.CrispBlockRenderer();
        blocks.setBlockWidth(regions.cellSize());
        blocks.setBlockHeight(regions.cellSize());
        blocks.setBlockAnchor(RectangleAnchor.CENTER);
        blocks.setPaintScale(new ClassShades(k));

        DefaultXYDataset lines = new DefaultXYDataset();
        lines.addSeries(BOUNDARY_LABEL, boundaries(regions));
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, LINE_COLOUR);
        lineRenderer.setSeriesStroke(0, LINE_STROKE);

        InputPlane.Points points = InputPlane.points(x, y.length, i -> y[i], names, regions.min(), regions.max());
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        pointRenderer.setUseFillPaint(true);
        pointRenderer.setDrawOutlines(true);
        pointRenderer.setUseOutlinePaint(true);
        for (int c = 0; c < k; c++) {
            pointRenderer.setSeriesShape(c, shape(c));
            pointRenderer.setSeriesFillPaint(c, colour(c, k));
            pointRenderer.setSeriesPaint(c, colour(c, k));
            pointRenderer.setSeriesOutlinePaint(c, Color.BLACK);
            pointRenderer.setSeriesOutlineStroke(c, MARKER_OUTLINE);
        }

        XYPlot plot = InputPlane.plot(gridData, blocks, lines, lineRenderer, points.series(), pointRenderer, X_LABEL,
                Y_LABEL, regions.min(), regions.max());

        LegendItemCollection legend = new LegendItemCollection();
        for (int c = 0; c < k; c++) {
            legend.add(new LegendItem(names.get(c), null, null, null, shape(c), colour(c, k), MARKER_OUTLINE,
                    Color.BLACK));
        }
        legend.add(new LegendItem(BOUNDARY_LABEL, null, null, null, new Line2D.Double(-12, 0, 12, 0), LINE_STROKE,
                LINE_COLOUR));
        if (nanCells > 0) {
            legend.add(new LegendItem(NAN_LABEL, null, null, null, new Rectangle2D.Double(-7, -7, 14, 14),
                    ChartStyle.NAN_GREY, new BasicStroke(1f), Color.GRAY));
        }
        plot.setFixedLegendItems(legend);

        JFreeChart chart = ChartStyle.chart(title, plot, true);
        ChartStyle.addNote(chart, SHADING_NOTE);
        if (nanCells == cells) {
            ChartStyle.addNote(chart, "the network output is not finite anywhere (diverged): the whole grid is grey");
        } else if (nanCells > 0) {
            ChartStyle.addNote(chart, nanCells + " of " + cells + " grid points are not finite (the network diverged"
                    + " there): drawn grey");
        }
        points.note(chart, regions.min(), regions.max());
        return chart;
    }

    /** Colour of class c of K: Okabe–Ito for the first seven, then evenly spaced hues. */
    static Color colour(int c, int classes) {
        if (c < OKABE_ITO.length) {
            return OKABE_ITO[c];
        }
        int extra = Math.max(1, classes - OKABE_ITO.length);
        return Color.getHSBColor((float) (c - OKABE_ITO.length) / extra, 0.65f, 0.8f);
    }

    /**
     * The cell colour of class c at confidence {@code confidence}: the class colour blended with white by
     * {@link #PALE} + ({@link #FULL} − {@link #PALE})·t, t = (confidence − 1/K)/(1 − 1/K) clamped to [0, 1];
     * NaN or a class of −1 gives {@link ChartStyle#NAN_GREY}.
     */
    static Color cellColour(int c, double confidence, int classes) {
        if (c < 0 || Double.isNaN(confidence)) {
            return ChartStyle.NAN_GREY;
        }
        double t = Math.max(0, Math.min(1, (confidence - 1.0 / classes) / (1 - 1.0 / classes)));
        double w = PALE + (FULL - PALE) * t;
        Color col = colour(c, classes);
        return new Color((int) Math.round(255 + w * (col.getRed() - 255)),
                (int) Math.round(255 + w * (col.getGreen() - 255)), (int) Math.round(255 + w * (col.getBlue() - 255)));
    }

    /** A cell's z for the paint scale: class + t·0.999 (t the shade), NaN where diverged. */
    private static double code(int c, double confidence, int classes) {
        if (c < 0 || Double.isNaN(confidence)) {
            return Double.NaN;
        }
        double t = Math.max(0, Math.min(1, (confidence - 1.0 / classes) / (1 - 1.0 / classes)));
        return c + 0.999 * t;
    }

    /**
     * The cell edges between two different predicted classes (neither diverged), as a {@code double[2][3m]}
     * array of m segments (start, end, NaN gap).
     */
    static double[][] boundaries(ClassRegions r) {
        int steps = r.steps();
        double half = r.cellSize() / 2;
        double[] xs = new double[64];
        double[] ys = new double[64];
        int n = 0;
        for (int i2 = 0; i2 < steps; i2++) {
            for (int i1 = 0; i1 < steps; i1++) {
                int here = r.at(i1, i2);
                if (here < 0) {
                    continue;
                }
                double cx = r.coordinate(i1);
                double cy = r.coordinate(i2);
                for (int[] d : new int[][] {{1, 0}, {0, 1}}) {
                    int j1 = i1 + d[0];
                    int j2 = i2 + d[1];
                    if (j1 >= steps || j2 >= steps) {
                        continue;
                    }
                    int there = r.at(j1, j2);
                    if (there < 0 || there == here) {
                        continue;
                    }
                    if (n + 3 > xs.length) {
                        xs = Arrays.copyOf(xs, xs.length * 2);
                        ys = Arrays.copyOf(ys, ys.length * 2);
                    }
                    if (d[0] == 1) {
                        xs[n] = cx + half;
                        ys[n++] = cy - half;
                        xs[n] = cx + half;
                        ys[n++] = cy + half;
                    } else {
                        xs[n] = cx - half;
                        ys[n++] = cy + half;
                        xs[n] = cx + half;
                        ys[n++] = cy + half;
                    }
                    xs[n] = Double.NaN;
                    ys[n++] = Double.NaN;
                }
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    private static Shape shape(int c) {
        return SHAPES[c % SHAPES.length];
    }

    private static Shape diamond(double r) {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -r);
        d.lineTo(r, 0);
        d.lineTo(0, r);
        d.lineTo(-r, 0);
        d.closePath();
        return d;
    }

    /** z = class + shade·0.999 → {@link #cellColour}; NaN → grey. */
    private static final class ClassShades implements PaintScale, Serializable {
        private static final long serialVersionUID = 1L;
        private final int classes;

        ClassShades(int classes) {
            this.classes = classes;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return classes;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return ChartStyle.NAN_GREY;
            }
            int c = (int) Math.floor(value);
            double t = (value - c) / 0.999;
            return cellColour(c, 1.0 / classes + t * (1 - 1.0 / classes), classes);
        }
    }
}
