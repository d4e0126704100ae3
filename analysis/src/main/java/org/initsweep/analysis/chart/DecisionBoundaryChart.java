package org.initsweep.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
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
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Decision boundary of a trained 2-D classifier: the network's output probability over the input
 * square, with the training points on top.
 *
 * <p>What is drawn:
 * <ul>
 *   <li>x: input x₁, y: input x₂, both in standardized units over [min, max] of the
 *       {@link BoundaryGrid}, with equal scales (the data area is square).</li>
 *   <li>colour map: p = P(class 1) of every grid cell on a colour-blind-safe diverging scale,
 *       Okabe–Ito blue #0072B2 at p = 0 through white at p = ½ to Okabe–Ito vermillion #D55E00
 *       at p = 1 (linear in RGB), explained by a colour bar "P(class 1)" on the right. Cells where
 *       p is NaN (a diverged network) are light grey {@code #C0C0C0}; a note under the title says
 *       how many.</li>
 *   <li>the p = ½ contour (the decision boundary), a dark solid line, traced by marching squares
 *       between the cell centres (linear interpolation; cells with a NaN corner are skipped).</li>
 *   <li>the training points: class 0 as blue circles, class 1 as vermillion triangles, both with a
 *       black outline so they stay visible on their own side of the boundary. Points outside the
 *       square are clipped (a note says how many); points with a non-finite coordinate are left
 *       out (likewise noted).</li>
 * </ul>
 * The legend at the bottom names the two classes (when points are given), the p = ½ line and, when
 * present, the NaN grey.
 * The PNG is {@value #WIDTH}×{@value #HEIGHT} pixels, white background.
 */
public final class DecisionBoundaryChart {

    /** PNG width, pixels. */
    public static final int WIDTH = 800;
    /** PNG height, pixels. */
    public static final int HEIGHT = 740;

    static final String X_LABEL = "x₁ (standardized)";
    static final String Y_LABEL = "x₂ (standardized)";
    static final String SCALE_LABEL = "P(class 1)";
    static final String CLASS0_LABEL = "class 0 (y = 0)";
    static final String CLASS1_LABEL = "class 1 (y = 1)";
    static final String CONTOUR_LABEL = "decision boundary p = 0.5";
    static final String NAN_LABEL = "p = NaN (diverged)";

    /** Index of the colour-map dataset (an {@link org.jfree.data.xy.XYZDataset}, z = p). */
    static final int GRID_DATASET = 0;
    /** Index of the p = ½ contour dataset: one series of segments separated by NaN points. */
    static final int CONTOUR_DATASET = 1;
    /** Index of the training points: series 0 = class 0, series 1 = class 1. */
    static final int POINTS_DATASET = 2;

    /** Colour of p = 0. */
    static final Color LOW = ChartStyle.BLUE;
    /** Colour of p = ½. */
    static final Color MID = Color.WHITE;
    /** Colour of p = 1. */
    static final Color HIGH = ChartStyle.VERMILLION;
    /** Colour of NaN cells. */
    static final Color NAN_GREY = ChartStyle.NAN_GREY;

    /** Probabilities this far outside [0, 1] (float rounding) are clamped, further ones rejected. */
    private static final double TOLERANCE = 1e-6;

    private static final Shape CIRCLE = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
    private static final Shape TRIANGLE = InputPlane.triangle(4.5, false);
    private static final Stroke MARKER_OUTLINE = new BasicStroke(0.9f);
    private static final Color CONTOUR_COLOUR = new Color(0x1A1A1A);
    private static final Stroke CONTOUR_STROKE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND,
            BasicStroke.JOIN_ROUND);

    private DecisionBoundaryChart() {
    }

    /**
     * Draws the decision-boundary chart and writes it as PNG.
     *
     * @param title chart title, or null for none
     * @param grid  the network's P(class 1) on the input grid (NaN cells allowed: drawn grey)
     * @param x     training inputs, row-major {@code [n, 2]}: point k is ({@code x[2k]},
     *              {@code x[2k+1]}); may be empty
     * @param y     training labels, {@code n} values, each 0 or 1
     * @param png   output file; missing parent directories are created
     * @throws IllegalArgumentException if {@code x.length != 2·y.length}, a label is not 0 or 1, or a
     *                                  grid probability is ±∞ or outside [0, 1]
     * @throws NullPointerException     if {@code grid}, {@code x}, {@code y} or {@code png} is null
     * @throws IOException              if the PNG cannot be written
     */
    public static void write(String title, BoundaryGrid grid, float[] x, float[] y, Path png) throws IOException {
        write(title, grid, x, y, List.of(CLASS0_LABEL, CLASS1_LABEL), null, png);
    }

    /**
     * As {@link #write(String, BoundaryGrid, float[], float[], Path)}, with the two classes' names in the legend
     * (e.g. with their labels in the data) and a note under the title (why the training points are missing,
     * say), or null for none.
     *
     * @throws IllegalArgumentException also if {@code names} does not hold two names
     */
    public static void write(String title, BoundaryGrid grid, float[] x, float[] y, List<String> names, String note,
            Path png) throws IOException {
        Objects.requireNonNull(png, "png");
        InputPlane.save(createChart(title, grid, x, y, names), note, png);
    }

    /**
     * The chart {@link #write} renders (package-private for tests). Datasets: {@link #GRID_DATASET},
     * {@link #CONTOUR_DATASET}, {@link #POINTS_DATASET}, drawn in that order.
     */
    static JFreeChart createChart(String title, BoundaryGrid grid, float[] x, float[] y) {
        return createChart(title, grid, x, y, List.of(CLASS0_LABEL, CLASS1_LABEL));
    }

    static JFreeChart createChart(String title, BoundaryGrid grid, float[] x, float[] y, List<String> names) {
        Objects.requireNonNull(grid, "grid");
        if (names.size() != 2) {
            throw new IllegalArgumentException("two classes need two names, got " + names);
        }
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != 2L * y.length) {
            throw new IllegalArgumentException("x must hold 2 coordinates per label: x.length = " + x.length
                    + ", y.length = " + y.length + " (expected x.length = " + 2L * y.length + ")");
        }
        for (int k = 0; k < y.length; k++) {
            if (y[k] != 0f && y[k] != 1f) {
                throw new IllegalArgumentException("label y[" + k + "] = " + y[k] + " is not 0 or 1");
            }
        }
        double[] p = grid.probability();
        int nanCells = 0;
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(p[i])) {
                nanCells++;
            } else if (!(p[i] >= -TOLERANCE && p[i] <= 1 + TOLERANCE)) {
                throw new IllegalArgumentException("probability[" + i + "] = " + p[i] + " is outside [0, 1]");
            }
        }

        int steps = grid.steps();
        double cell = grid.cellSize();

        // Colour map.
        int cells = p.length;
        double[][] xyz = new double[3][cells];
        for (int i2 = 0; i2 < steps; i2++) {
            for (int i1 = 0; i1 < steps; i1++) {
                int idx = i2 * steps + i1;
                xyz[0][idx] = grid.coordinate(i1);
                xyz[1][idx] = grid.coordinate(i2);
                xyz[2][idx] = p[idx];
            }
        }
        DefaultXYZDataset gridData = new DefaultXYZDataset();
        gridData.addSeries(SCALE_LABEL, xyz);
        DivergingScale scale = new DivergingScale();
        XYBlockRenderer blocks = new InputPlane.CrispBlockRenderer();
        blocks.setBlockWidth(cell);
        blocks.setBlockHeight(cell);
        blocks.setBlockAnchor(RectangleAnchor.CENTER);
        blocks.setPaintScale(scale);

        // p = ½ contour.
        DefaultXYDataset contourData = new DefaultXYDataset();
        contourData.addSeries(CONTOUR_LABEL, contour(grid, 0.5));
        XYLineAndShapeRenderer contourRenderer = new XYLineAndShapeRenderer(true, false);
        contourRenderer.setSeriesPaint(0, CONTOUR_COLOUR);
        contourRenderer.setSeriesStroke(0, CONTOUR_STROKE);

        // Training points.
        InputPlane.Points points = InputPlane.points(x, y.length, k -> y[k] == 0f ? 0 : 1, names, grid.min(),
                grid.max());
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        pointRenderer.setUseFillPaint(true);
        pointRenderer.setDrawOutlines(true);
        pointRenderer.setUseOutlinePaint(true);
        pointRenderer.setSeriesShape(0, CIRCLE);
        pointRenderer.setSeriesShape(1, TRIANGLE);
        pointRenderer.setSeriesFillPaint(0, LOW);
        pointRenderer.setSeriesFillPaint(1, HIGH);
        pointRenderer.setSeriesPaint(0, LOW);
        pointRenderer.setSeriesPaint(1, HIGH);
        for (int s = 0; s < 2; s++) {
            pointRenderer.setSeriesOutlinePaint(s, Color.BLACK);
            pointRenderer.setSeriesOutlineStroke(s, MARKER_OUTLINE);
        }

        XYPlot plot = InputPlane.plot(gridData, blocks, contourData, contourRenderer, points.series(), pointRenderer,
                X_LABEL, Y_LABEL, grid.min(), grid.max());

        LegendItemCollection legend = new LegendItemCollection();
        if (y.length > 0) {
            legend.add(markerItem(names.get(0), CIRCLE, LOW));
            legend.add(markerItem(names.get(1), TRIANGLE, HIGH));
        }
        legend.add(new LegendItem(CONTOUR_LABEL, null, null, null, new Line2D.Double(-12, 0, 12, 0),
                CONTOUR_STROKE, CONTOUR_COLOUR));
        if (nanCells > 0) {
            LegendItem nan = new LegendItem(NAN_LABEL, null, null, null, new Rectangle2D.Double(-7, -7, 14, 14),
                    NAN_GREY, new BasicStroke(1f), Color.GRAY);
            legend.add(nan);
        }
        plot.setFixedLegendItems(legend);

        JFreeChart chart = ChartStyle.chart(title, plot, true);
        chart.addSubtitle(colourBar(scale));
        if (nanCells == cells) {
            ChartStyle.addNote(chart, "the network output is NaN everywhere (diverged): the whole grid is grey");
        } else if (nanCells > 0) {
            ChartStyle.addNote(chart, nanCells + " of " + cells
                    + " grid points have p = NaN (the network diverged there): drawn grey");
        }
        points.note(chart, grid.min(), grid.max());
        return chart;
    }

    /**
     * The diverging colour of a probability: {@link #LOW} at 0, white at ½, {@link #HIGH} at 1,
     * linear in RGB in between; values are clamped to [0, 1]; NaN gives {@link #NAN_GREY}.
     */
    static Color probabilityColour(double p) {
        if (Double.isNaN(p)) {
            return NAN_GREY;
        }
        double t = Math.max(0, Math.min(1, p));
        return t <= 0.5 ? blend(LOW, MID, t / 0.5) : blend(MID, HIGH, (t - 0.5) / 0.5);
    }

    private static Color blend(Color a, Color b, double f) {
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /**
     * Segments of the {@code level} contour of the grid by marching squares over the cell centres:
     * a {@code double[2][3k]} array (x row, y row) holding k segments as (start, end, NaN gap).
     * Squares with a NaN corner are skipped; saddles are resolved by the mean of the four corners.
     */
    static double[][] contour(BoundaryGrid grid, double level) {
        int steps = grid.steps();
        double[] xs = new double[64];
        double[] ys = new double[64];
        int n = 0;
        double[] ex = new double[4];
        double[] ey = new double[4];
        boolean[] crosses = new boolean[4];
        for (int i2 = 0; i2 + 1 < steps; i2++) {
            for (int i1 = 0; i1 + 1 < steps; i1++) {
                double v00 = grid.at(i1, i2);
                double v10 = grid.at(i1 + 1, i2);
                double v11 = grid.at(i1 + 1, i2 + 1);
                double v01 = grid.at(i1, i2 + 1);
                if (Double.isNaN(v00) || Double.isNaN(v10) || Double.isNaN(v11) || Double.isNaN(v01)) {
                    continue;
                }
                double xa = grid.coordinate(i1);
                double xb = grid.coordinate(i1 + 1);
                double ya = grid.coordinate(i2);
                double yb = grid.coordinate(i2 + 1);
                // Edges: 0 bottom (00–10), 1 right (10–11), 2 top (01–11), 3 left (00–01).
                int count = 0;
                count += edge(crosses, ex, ey, 0, level, v00, v10, xa, ya, xb, ya);
                count += edge(crosses, ex, ey, 1, level, v10, v11, xb, ya, xb, yb);
                count += edge(crosses, ex, ey, 2, level, v01, v11, xa, yb, xb, yb);
                count += edge(crosses, ex, ey, 3, level, v00, v01, xa, ya, xa, yb);
                if (count == 0) {
                    continue;
                }
                int[][] pairs;
                if (count == 4) {
                    boolean centreAbove = (v00 + v10 + v11 + v01) / 4 >= level;
                    boolean v00Above = v00 >= level;
                    // Cut off the two corners on the other side from the centre.
                    pairs = centreAbove == v00Above ? new int[][] {{0, 1}, {2, 3}} : new int[][] {{3, 0}, {1, 2}};
                } else {
                    int a = -1;
                    int b = -1;
                    for (int e = 0; e < 4; e++) {
                        if (crosses[e]) {
                            if (a < 0) {
                                a = e;
                            } else {
                                b = e;
                            }
                        }
                    }
                    pairs = new int[][] {{a, b}};
                }
                for (int[] pr : pairs) {
                    if (n + 3 > xs.length) {
                        xs = Arrays.copyOf(xs, xs.length * 2);
                        ys = Arrays.copyOf(ys, ys.length * 2);
                    }
                    xs[n] = ex[pr[0]];
                    ys[n++] = ey[pr[0]];
                    xs[n] = ex[pr[1]];
                    ys[n++] = ey[pr[1]];
                    xs[n] = Double.NaN;
                    ys[n++] = Double.NaN;
                }
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    /** Records where the level crosses the edge from (xa, ya) to (xb, yb), if it does; returns 0/1. */
    private static int edge(boolean[] crosses, double[] ex, double[] ey, int e, double level, double va, double vb,
            double xa, double ya, double xb, double yb) {
        crosses[e] = (va >= level) != (vb >= level);
        if (!crosses[e]) {
            return 0;
        }
        double t = (level - va) / (vb - va);
        ex[e] = xa + t * (xb - xa);
        ey[e] = ya + t * (yb - ya);
        return 1;
    }

    private static PaintScaleLegend colourBar(PaintScale scale) {
        NumberAxis axis = new NumberAxis(SCALE_LABEL);
        axis.setRange(0, 1);
        axis.setTickUnit(new NumberTickUnit(0.25));
        axis.setNumberFormatOverride(ChartStyle.plainNumberFormat());
        ChartStyle.styleAxis(axis);
        PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setSubdivisionCount(256);
        bar.setStripWidth(16);
        bar.setStripOutlineVisible(true);
        bar.setStripOutlinePaint(Color.GRAY);
        bar.setAxisOffset(3);
        bar.setBackgroundPaint(Color.WHITE);
        bar.setFrame(BlockBorder.NONE);
        bar.setMargin(new RectangleInsets(60, 14, 60, 0));
        bar.setPadding(new RectangleInsets(0, 0, 0, 0));
        return bar;
    }

    private static LegendItem markerItem(String label, Shape shape, Paint fill) {
        return new LegendItem(label, null, null, null, shape, fill, MARKER_OUTLINE, Color.BLACK);
    }


    /** P(class 1) → diverging colour; NaN → light grey. */
    private static final class DivergingScale implements PaintScale, Serializable {
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
            return probabilityColour(value);
        }
    }
}
