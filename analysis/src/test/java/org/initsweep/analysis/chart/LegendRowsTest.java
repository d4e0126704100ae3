package org.initsweep.analysis.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Paint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.LegendTitle;
import org.junit.jupiter.api.Test;

/**
 * Lines coloured by m and dashed by setting: the PNG legend gives each multiplier a row of its own, top to
 * bottom in line order, instead of flowing every label into the same rows.
 */
class LegendRowsTest {

    /** The legend rows from top to bottom: each row's labels. */
    private static List<List<String>> rows(JFreeChart chart) {
        List<List<String>> rows = new ArrayList<>();
        for (Object t : chart.getSubtitles()) {
            if (t instanceof LegendTitle lt) {
                List<String> labels = new ArrayList<>();
                for (var source : lt.getSources()) {
                    for (int i = 0; i < source.getLegendItems().getItemCount(); i++) {
                        labels.add(source.getLegendItems().get(i).getLabel());
                    }
                }
                rows.add(0, labels); // added bottom row first
            }
        }
        return rows;
    }

    private static Map<String, LineStyle> styles(int ms, int settings, Map<String, List<SeedCost>> lines) {
        Map<String, LineStyle> styles = new LinkedHashMap<>();
        for (int m = 0; m < ms; m++) {
            for (int s = 0; s < settings; s++) {
                String label = "m = " + (m + 1) + ", sgd \u03b7 = " + (s + 1);
                lines.put(label, List.of(new SeedCost(1, new double[] {0.7, 0.6 - 0.01 * s, 0.5}, false)));
                styles.put(label, new LineStyle(m, ms, s));
            }
        }
        return styles;
    }

    @Test
    void costChartLegendHasARowPerMultiplier() {
        Map<String, List<SeedCost>> lines = new LinkedHashMap<>();
        Map<String, LineStyle> styles = styles(3, 2, lines);
        JFreeChart chart = LossCurveChart.createSeedsChart("t", lines, styles, 2);
        assertEquals(1, rows(chart).size(), "one flowing legend before the split");
        ChartStyle.legendRowPerColour(chart);
        assertEquals(List.of(List.of("m = 1, sgd \u03b7 = 1", "m = 1, sgd \u03b7 = 2"),
                List.of("m = 2, sgd \u03b7 = 1", "m = 2, sgd \u03b7 = 2"),
                List.of("m = 3, sgd \u03b7 = 1", "m = 3, sgd \u03b7 = 2")), rows(chart));
        for (Object t : chart.getSubtitles()) {
            if (t instanceof LegendTitle lt) {
                List<Paint> colours = new ArrayList<>();
                var items = lt.getSources()[0].getLegendItems();
                for (int i = 0; i < items.getItemCount(); i++) {
                    colours.add(items.get(i).getLinePaint());
                }
                assertEquals(1, colours.stream().distinct().count(), "one colour a row: " + colours);
            }
        }
    }

    @Test
    void oneColourKeepsOneLegend() {
        Map<String, List<SeedCost>> lines = new LinkedHashMap<>();
        JFreeChart chart = LossCurveChart.createSeedsChart("t", lines, styles(1, 3, lines), 2);
        ChartStyle.legendRowPerColour(chart);
        assertEquals(List.of(List.of("m = 1, sgd \u03b7 = 1", "m = 1, sgd \u03b7 = 2", "m = 1, sgd \u03b7 = 3")),
                rows(chart));
    }
}
