package org.initsweep.analysis.chart;

import static org.initsweep.analysis.chart.ChartTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChartStyleTest {

    @Test
    void okabeItoLinePalette() {
        List<String> expected = List.of("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9",
                "#000000", "#F0E442");
        for (int i = 0; i < 8; i++) {
            assertEquals(expected.get(i), hex(ChartStyle.lineColour(i, 8).getRGB()));
        }
    }

    @Test
    void moreThanEightLinesGetDistinctViridisColours() {
        Set<Color> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            seen.add(ChartStyle.lineColour(i, 20));
        }
        assertEquals(20, seen.size());
        assertEquals("#440154", hex(ChartStyle.lineColour(0, 20).getRGB()));
    }

    @Test
    void dashPatternsRepeatInThinLinesAfterTheEighth() {
        Set<String> looks = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            java.awt.BasicStroke s = (java.awt.BasicStroke) ChartStyle.dashStroke(i);
            assertEquals(i < 8 ? 2.0f : 1.0f, s.getLineWidth(), 0f, "line " + i);
            looks.add(java.util.Arrays.toString(s.getDashArray()) + " " + s.getLineWidth());
            assertEquals(java.util.Arrays.toString(s.getDashArray()),
                    java.util.Arrays.toString(((java.awt.BasicStroke) ChartStyle.dashStroke(i % 8)).getDashArray()));
            assertEquals(i < 8 ? 2.0f : 1.0f, ((java.awt.BasicStroke) ChartStyle.lineStroke(i)).getLineWidth(), 0f);
        }
        assertEquals(16, looks.size(), "sixteen settings, sixteen looks: " + looks);
    }

    @Test
    void formatsNumbersShortAndLocaleFree() {
        assertEquals("0.5", ChartStyle.formatNumber(0.5));
        assertEquals("1", ChartStyle.formatNumber(1.0));
        assertEquals("1.414", ChartStyle.formatNumber(Math.sqrt(2)));
        assertEquals("0.0625", ChartStyle.formatNumber(0.0625));
        assertEquals("1024", ChartStyle.formatNumber(1024));
        assertEquals("1.5e-05", ChartStyle.formatNumber(1.5e-5));
        assertEquals("2e+06", ChartStyle.formatNumber(2e6));
        assertEquals("∞", ChartStyle.formatNumber(Double.POSITIVE_INFINITY));
        assertEquals("NaN", ChartStyle.formatNumber(Double.NaN));
    }

    @Test
    void plottableOnLogMeansPositiveUpToTheLimit() {
        assertTrue(ChartStyle.plottableOnLog(Double.MIN_VALUE));
        assertTrue(ChartStyle.plottableOnLog(1e300));
        // a range up to the largest double has infinite tick steps: beyond 1e300 counts as overflow
        for (double v : new double[] {0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MAX_VALUE, 1.0000001e300}) {
            assertFalse(ChartStyle.plottableOnLog(v), "v = " + v);
        }
    }
}
