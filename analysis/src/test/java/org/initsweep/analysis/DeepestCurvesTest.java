package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Seed means of the cost curves never average a different set of runs from one epoch to the next. */
class DeepestCurvesTest {

    private static final double NaN = Double.NaN;

    @Test
    void aMeanStopsWhereOneSeedDivergedInsteadOfRecovering() {
        // seed 2 diverges after epoch 2 (its run stops there); seed 1 trains on
        var ok = new DeepestCurves.RunCost(1, new double[] {0.7, 0.6, 0.5, 0.4}, new double[] {0.5, 0.6, 0.7, 0.8}, false);
        var gone = new DeepestCurves.RunCost(2, new double[] {0.7, 0.8, 3e5}, new double[] {0.5, 0.5, 0.5}, true);
        TreeMap<Double, List<DeepestCurves.RunCost>> byM = new TreeMap<>();
        byM.put(1.0, List.of(ok, gone));
        var costs = new DeepestCurves.Costs(50, byM);
        double[][] mean = costs.mean(1.0);
        assertArrayEquals(new double[] {0.7, 0.7, (0.5 + 3e5) / 2, NaN}, mean[0], 1e-12,
                "epoch 3 would read 0.4, seed 1 alone, if the mean took whatever runs were left");
        assertArrayEquals(new double[] {0.5, 0.55, 0.6, NaN}, mean[1], 1e-12);
        assertEquals(1, costs.diverged(1.0));
    }

    @Test
    void aNonFiniteCostOfOneSeedIsAGapNotAnInfiniteMean() {
        var a = new DeepestCurves.RunCost(1, new double[] {0.7, Double.POSITIVE_INFINITY}, new double[] {0.5, 0.5}, true);
        var b = new DeepestCurves.RunCost(2, new double[] {0.7, 0.6}, new double[] {0.5, 0.5}, false);
        TreeMap<Double, List<DeepestCurves.RunCost>> byM = new TreeMap<>();
        byM.put(2.0, List.of(a, b));
        assertArrayEquals(new double[] {0.7, NaN}, new DeepestCurves.Costs(3, byM).mean(2.0)[0], 0);
    }
}
