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
    void colourFollowsTheMultiplierAndDashTheSetting() {
        List<DeepestCurves.Line> lines = List.of(new DeepestCurves.Line(0.5, SLOW), new DeepestCurves.Line(0.5, FAST),
                new DeepestCurves.Line(2.0, FAST));
        Map<String, LineStyle> styles = ChartWriter.styles(lines);
        assertEquals(Map.of(
                "m = 0.5, sgd \u03b7 = 0.01", new LineStyle(0, 2, 0),
                "m = 0.5, sgd \u03b7 = 1.0", new LineStyle(0, 2, 1),
                "m = 2.0, sgd \u03b7 = 1.0", new LineStyle(1, 2, 1)), styles);
    }
}
