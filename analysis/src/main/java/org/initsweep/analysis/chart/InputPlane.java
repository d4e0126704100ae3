package org.initsweep.analysis.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

/**
 * What the charts over a 2-D input plane share ({@link DecisionBoundaryChart}, {@link ClassRegionChart}): the
 * input axes, a square data area (equal scales for x₁ and x₂) and grid cells drawn without seams.
 */
final class InputPlane {

    private InputPlane() {
    }

    /**
     * Training points as one series per class, with the counts the notes need.
     *
     * @param series    series k holds the points of class k
     * @param outside   points outside [min, max]² (kept in the series: the plot clips them)
     * @param nonFinite points with a NaN or infinite coordinate (left out)
     */
    record Points(org.jfree.data.xy.XYSeriesCollection series, int outside, int nonFinite) {

        /** The notes on the points a chart does not show ({@link InputPlane#notePoints}). */
        void note(org.jfree.chart.JFreeChart chart, double min, double max) {
            notePoints(chart, outside, nonFinite, min, max);
        }
    }

    /**
     * The points {@code x} {@code [n, 2]} row-major, point i of class {@code classOf.applyAsInt(i)}, in one
     * series per name.
     */
    static Points points(float[] x, int n, java.util.function.IntUnaryOperator classOf, java.util.List<String> names,
            double min, double max) {
        org.jfree.data.xy.XYSeriesCollection series = new org.jfree.data.xy.XYSeriesCollection();
        for (String name : names) {
            series.addSeries(new org.jfree.data.xy.XYSeries(name, false, true));
        }
        int nonFinite = 0;
        int outside = 0;
        for (int i = 0; i < n; i++) {
            double a = x[2 * i];
            double b = x[2 * i + 1];
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                nonFinite++;
                continue;
            }
            if (a < min || a > max || b < min || b > max) {
                outside++;
            }
            series.getSeries(classOf.applyAsInt(i)).add(a, b);
        }
        return new Points(series, outside, nonFinite);
    }

    /**
     * The notes on training points a chart leaves out: those outside [min, max]² (clipped) and those with a
     * non-finite coordinate; none where there are none.
     */
    static void notePoints(org.jfree.chart.JFreeChart chart, int outside, int nonFinite, double min, double max) {
        if (outside > 0) {
            ChartStyle.addNote(chart, outside + (outside == 1 ? " training point lies" : " training points lie")
                    + " outside [" + ChartStyle.formatNumber(min) + ", " + ChartStyle.formatNumber(max) + "]² and "
                    + (outside == 1 ? "is" : "are") + " not shown");
        }
        if (nonFinite > 0) {
            ChartStyle.addNote(chart, nonFinite + (nonFinite == 1 ? " training point" : " training points")
                    + " with a NaN or infinite coordinate left out");
        }
    }

    /** A triangle marker of radius r about the origin, pointing up, or down. */
    static java.awt.Shape triangle(double r, boolean down) {
        double s = down ? -1 : 1;
        java.awt.geom.Path2D.Double t = new java.awt.geom.Path2D.Double();
        t.moveTo(0, -r * s);
        t.lineTo(r * 0.95, r * 0.7 * s);
        t.lineTo(-r * 0.95, r * 0.7 * s);
        t.closePath();
        return t;
    }

    /**
     * Writes a boundary chart as a PNG of {@link DecisionBoundaryChart#WIDTH} × {@link DecisionBoundaryChart#HEIGHT}
     * pixels, with {@code note} (or none, if null) under its title.
     *
     * @throws java.io.IOException if the PNG cannot be written
     */
    static void save(org.jfree.chart.JFreeChart chart, String note, java.nio.file.Path png) throws java.io.IOException {
        if (note != null) {
            ChartStyle.addNote(chart, note);
        }
        ChartStyle.save(chart, png, DecisionBoundaryChart.WIDTH, DecisionBoundaryChart.HEIGHT);
    }

    /**
     * The square plot over [min, max]² of both boundary charts: dataset 0 the grid's cells, 1 the lines drawn on
     * them, 2 the training points, drawn in that order, without grid lines.
     */
    static XYPlot plot(XYDataset cells, XYBlockRenderer blocks, XYDataset lines, XYItemRenderer lineRenderer,
            XYDataset points, XYItemRenderer pointRenderer, String xLabel, String yLabel, double min, double max) {
        XYPlot plot = new SquareXYPlot(cells, axis(xLabel, min, max), axis(yLabel, min, max), blocks);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        plot.setDataset(2, points);
        plot.setRenderer(2, pointRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        ChartStyle.stylePlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return plot;
    }

    /** An input axis over [min, max] with about 6 plain ticks. */
    static NumberAxis axis(String label, double min, double max) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(min, max);
        axis.setTickUnit(new NumberTickUnit(ChartStyle.niceTickStep(max - min, 6)));
        axis.setNumberFormatOverride(ChartStyle.plainNumberFormat());
        ChartStyle.styleAxis(axis);
        return axis;
    }

    /** Grid cells drawn without anti-aliasing: neighbours meet without faint seams. */
    static final class CrispBlockRenderer extends XYBlockRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                CrosshairState crosshairState, int pass) {
            Object old = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            try {
                super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                        crosshairState, pass);
            } finally {
                g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                        old != null ? old : RenderingHints.VALUE_ANTIALIAS_DEFAULT);
            }
        }
    }

    /**
     * An XY plot whose data area is square (equal scales for x₁ and x₂ when both axes span the same
     * range): the plot area is narrowed or shortened symmetrically before drawing.
     */
    static final class SquareXYPlot extends XYPlot {
        private static final long serialVersionUID = 1L;

        SquareXYPlot(XYDataset dataset, ValueAxis domainAxis, ValueAxis rangeAxis,
                XYItemRenderer renderer) {
            super(dataset, domainAxis, rangeAxis, renderer);
        }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState,
                PlotRenderingInfo info) {
            Rectangle2D inner = (Rectangle2D) area.clone();
            getInsets().trim(inner);
            AxisSpace space = calculateAxisSpace(g2, inner);
            Rectangle2D data = space.shrink(inner, null);
            getAxisOffset().trim(data);
            double side = Math.min(data.getWidth(), data.getHeight());
            double dw = data.getWidth() - side;
            double dh = data.getHeight() - side;
            Rectangle2D square = new Rectangle2D.Double(area.getX() + dw / 2, area.getY() + dh / 2,
                    area.getWidth() - dw, area.getHeight() - dh);
            super.draw(g2, side > 0 ? square : area, anchor, parentState, info);
        }
    }
}
