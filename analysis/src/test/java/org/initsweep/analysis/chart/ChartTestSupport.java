package org.initsweep.analysis.chart;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/** Pixel helpers shared by the chart tests. */
final class ChartTestSupport {

    private ChartTestSupport() {
    }

    /** Texts of the chart's text subtitles (the notes under the title), no-break spaces read as spaces, U+FEFF as nothing. */
    static List<String> subtitles(JFreeChart chart) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                out.add(t.getText().replace('\u00a0', ' ').replace("\ufeff", ""));
            }
        }
        return out;
    }

    static BufferedImage read(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        if (img == null) {
            throw new IOException("not a readable image: " + png);
        }
        return img;
    }

    /** "#RRGGBB" of an RGB int (alpha dropped). */
    static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06X", rgb & 0xFFFFFF);
    }

    /** The pixel colour at data point (x, y) of {@code plot} drawn into {@code dataArea}. */
    static String colourAt(BufferedImage img, XYPlot plot, Rectangle2D dataArea, double x, double y) {
        ValueAxis xAxis = plot.getDomainAxis();
        ValueAxis yAxis = plot.getRangeAxis();
        double px = xAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
        double py = yAxis.valueToJava2D(y, dataArea, plot.getRangeAxisEdge());
        return hex(img.getRGB((int) Math.floor(px), (int) Math.floor(py)));
    }
}
