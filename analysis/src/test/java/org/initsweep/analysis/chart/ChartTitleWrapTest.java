package org.initsweep.analysis.chart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.text.G2TextMeasurer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextFragment;
import org.jfree.chart.text.TextLine;
import org.jfree.chart.text.TextUtils;
import org.junit.jupiter.api.Test;

/**
 * A title too long for the chart is wrapped by JFreeChart at spaces: at no width does a line end with a
 * name whose value ("= 0.01") starts the next line.
 */
class ChartTitleWrapTest {

    private static final String TITLE = "Test accuracy: tanh, he_normal(mode=fan_out), profile [128,64,32,16], σ_b² = 0.05,"
            + " digits, momentum β = 0.9, η = 0.01";

    private static List<String> lines(String text, float width, Graphics2D g) {
        TextBlock block = TextUtils.createTextBlock(text, ChartStyle.TITLE_FONT, Color.BLACK, width, new G2TextMeasurer(g));
        List<String> out = new ArrayList<>();
        for (Object o : block.getLines()) {
            // createTextBlock makes one fragment per line
            TextFragment f = ((TextLine) o).getFirstTextFragment();
            out.add(f.getText().strip());
        }
        return out;
    }

    @Test
    void aValueStaysOnItsNamesLine() {
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        boolean wrapped = false;
        boolean partedPlain = false;
        for (float width = 200; width <= 900; width += 3) {
            List<String> lines = lines(ChartStyle.glued(TITLE), width, g);
            wrapped |= lines.size() > 1;
            for (String line : lines) {
                assertFalse(line.startsWith("="), width + " px: " + lines);
            }
            partedPlain |= lines(TITLE, width, g).stream().anyMatch(l -> l.startsWith("="));
        }
        assertTrue(wrapped, "the title wraps at some width");
        assertTrue(partedPlain, "without the no-break spaces some width parts a name from its value");
    }

    @Test
    void anOptimizersLabelIsNeverParted() {
        String title = "Learning curves at depth 12: tanh, orthogonal, width 100, σ_b² = 0.05, digits,"
                + " rmsprop(alpha=0.9,centered) η = 0.001";
        List<String> words = List.of(title.split(" "));
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        boolean partedPlain = false;
        for (float width = 200; width <= 900; width += 3) {
            List<String> lines = lines(ChartStyle.glued(title), width, g);
            for (String line : lines) {
                for (String w : line.replace("\ufeff", "").replace('\u00a0', ' ').split(" ")) {
                    assertTrue(words.contains(w), width + " px: \"" + w + "\" is part of a word: " + lines);
                }
            }
            partedPlain |= lines(title, width, g).stream().flatMap(l -> List.of(l.split(" ")).stream())
                    .anyMatch(w -> !words.contains(w));
        }
        assertTrue(partedPlain, "Java's line breaker alone parts the label at some width");
    }

    @Test
    void gluedTextDrawsAsThePlainText() {
        // U+FEFF has no width and no ink in the chart's font
        java.awt.Font font = ChartStyle.TITLE_FONT;
        String plain = "rmsprop(alpha=0.9,centered)";
        BufferedImage a = drawn(plain, font);
        BufferedImage b = drawn(ChartStyle.glued(plain), font);
        for (int x = 0; x < a.getWidth(); x++) {
            for (int y = 0; y < a.getHeight(); y++) {
                org.junit.jupiter.api.Assertions.assertEquals(a.getRGB(x, y), b.getRGB(x, y), x + "," + y);
            }
        }
        assertTrue(ChartStyle.glued(plain).length() > plain.length(), "joined");
        String path = "/data/" + "x".repeat(ChartStyle.LONGEST_GLUED_WORD) + ".csv";
        org.junit.jupiter.api.Assertions.assertEquals(path, ChartStyle.glued(path), "a longer word may still wrap");
    }

    private static BufferedImage drawn(String text, java.awt.Font font) {
        BufferedImage img = new BufferedImage(400, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 40);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, 5, 28);
        g.dispose();
        return img;
    }
}
