package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.initsweep.analysis.chart.LineStyle;
import org.junit.jupiter.api.Test;

/** Curves of several training settings: every setting of a picked multiplier shown, colour by m, dash by setting. */
class ChartWriterStylesTest {

    private static final TrainingSetting SLOW = new TrainingSetting("sgd", 0.01);
    private static final TrainingSetting FAST = new TrainingSetting("sgd", 1.0);

    @Test
    void everySettingOfAPickedMultiplierIsShownAndNoOtherMultiplier() {
        TreeMap<DeepestCurves.Line, String> lines = new TreeMap<>();
        for (double m : new double[] {0.5, 0.55, 1.0}) {
            for (TrainingSetting s : List.of(SLOW, FAST)) {
                lines.put(new DeepestCurves.Line(m, s), "");
            }
        }
        // 0.55 is the nearest (in log m) to none of 0.25, 0.5, 1, 2, 4: left out, with both its settings
        assertEquals(List.of(new DeepestCurves.Line(0.5, SLOW), new DeepestCurves.Line(0.5, FAST),
                new DeepestCurves.Line(1.0, SLOW), new DeepestCurves.Line(1.0, FAST)),
                List.copyOf(ChartWriter.shownLines(lines).keySet()));
    }

    @Test
    void colourFollowsTheMultiplierAndDashTheSettingsPlaceInTheGroup() {
        List<DeepestCurves.Line> lines = List.of(new DeepestCurves.Line(0.5, SLOW), new DeepestCurves.Line(0.5, FAST),
                new DeepestCurves.Line(2.0, FAST));
        // the group's second setting has no line here (its runs diverged): FAST keeps its third dash pattern
        Map<String, LineStyle> styles = ChartWriter.styles(lines, List.of(SLOW, new TrainingSetting("sgd", 0.1), FAST));
        assertEquals(Map.of(
                "m = 0.5, sgd \u03b7 = 0.01", new LineStyle(0, 2, 0),
                "m = 0.5, sgd \u03b7 = 1", new LineStyle(0, 2, 2),
                "m = 2, sgd \u03b7 = 1", new LineStyle(1, 2, 2)), styles);
    }

    @Test
    void numbersReadAsWrittenNotInJavasExponentForm() {
        assertEquals("sgd \u03b7 = 0.0001", new TrainingSetting("sgd", 1e-4).label());
        assertEquals("sgd \u03b7 = 20", new TrainingSetting("sgd", 20.0).label());
        assertEquals("adam \u03b7 = 0.003", new TrainingSetting("adam", 0.003).label());
        assertEquals("sgd \u03b7 = 1.0E-8", new TrainingSetting("sgd", 1e-8).label(), "past six decimals");
        assertEquals("m = 1.4142135623730951", new DeepestCurves.Line(Math.sqrt(2), null).label(false));
    }
}
