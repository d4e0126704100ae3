package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Seed means of the cost curves never average a different set of runs from one epoch to the next. */
class DeepestCurvesTest {

    private static final double NaN = Double.NaN;
    private static final TrainingSetting SGD = new TrainingSetting("sgd", 0.1);
    private static final DeepestCurves.Line LINE_1 = new DeepestCurves.Line(1.0, SGD);

    @Test
    void aMeanStopsWhereOneSeedDivergedInsteadOfRecovering() {
        // seed 2 diverges after epoch 2 (its run stops there); seed 1 trains on
        var ok = new DeepestCurves.RunCost(1, new double[] {0.7, 0.6, 0.5, 0.4}, new double[] {0.5, 0.6, 0.7, 0.8}, false);
        var gone = new DeepestCurves.RunCost(2, new double[] {0.7, 0.8, 3e5}, new double[] {0.5, 0.5, 0.5}, true);
        TreeMap<DeepestCurves.Line, List<DeepestCurves.RunCost>> byM = new TreeMap<>();
        byM.put(LINE_1, List.of(ok, gone));
        var costs = new DeepestCurves.Costs(50, byM);
        double[][] mean = costs.mean(LINE_1);
        assertArrayEquals(new double[] {0.7, 0.7, (0.5 + 3e5) / 2, NaN}, mean[0], 1e-12,
                "epoch 3 would read 0.4, seed 1 alone, if the mean took whatever runs were left");
        assertArrayEquals(new double[] {0.5, 0.55, 0.6, NaN}, mean[1], 1e-12);
        assertEquals(1, costs.diverged(LINE_1));
    }

    @Test
    void aNonFiniteCostOfOneSeedIsAGapNotAnInfiniteMean() {
        var a = new DeepestCurves.RunCost(1, new double[] {0.7, Double.POSITIVE_INFINITY}, new double[] {0.5, 0.5}, true);
        var b = new DeepestCurves.RunCost(2, new double[] {0.7, 0.6}, new double[] {0.5, 0.5}, false);
        var line = new DeepestCurves.Line(2.0, SGD);
        TreeMap<DeepestCurves.Line, List<DeepestCurves.RunCost>> byM = new TreeMap<>();
        byM.put(line, List.of(a, b));
        assertArrayEquals(new double[] {0.7, NaN}, new DeepestCurves.Costs(3, byM).mean(line)[0], 0);
    }

    @Test
    void linesOfOneMultiplierStayTogetherInitializationFirstAndAreLabelledBySettingOnlyWhenAsked() {
        var adam = new TrainingSetting("adam(beta1=0.9,beta2=0.999,eps=1e-08)", 0.001);
        var fast = new TrainingSetting("sgd", 1.0);
        TreeMap<DeepestCurves.Line, String> lines = new TreeMap<>();
        for (var l : List.of(new DeepestCurves.Line(2.0, SGD), new DeepestCurves.Line(1.0, fast),
                new DeepestCurves.Line(1.0, adam), new DeepestCurves.Line(1.0, null), new DeepestCurves.Line(1.0, SGD))) {
            lines.put(l, l.label(true));
        }
        assertEquals(List.of("m = 1", "m = 1, adam(beta1=0.9,beta2=0.999,eps=1e-08) \u03b7 = 0.001",
                "m = 1, sgd \u03b7 = 0.1", "m = 1, sgd \u03b7 = 1", "m = 2, sgd \u03b7 = 0.1"),
                List.copyOf(lines.values()));
        assertEquals("m = 2", new DeepestCurves.Line(2.0, SGD).label(false));
        assertEquals(List.of(adam, SGD, fast), DeepestCurves.settings(lines.keySet()), "nulls left out, in order");
    }
}
