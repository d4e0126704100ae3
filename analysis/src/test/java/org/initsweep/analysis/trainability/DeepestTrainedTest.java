package org.initsweep.analysis.trainability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deepest trained depth per σ_w² on hand-made cells (target 0.5): m = 1 trains at depths 10, 20
 * and not 40 under a bound of 25; m = 2 (critical, bound +∞) fails at depth 10 and trains at 20 and
 * 40; m = 3 trains nowhere and has no bound.
 */
class DeepestTrainedTest {

    private static CellResult cell(int depth, double m, double test) {
        return new CellResult(List.of(depth, "tanh", m), 1, 0, test, Double.NaN, test, Double.NaN, test, test,
                new double[] {test}, null, 0, Double.NaN, org.initsweep.core.spec.TargetSplit.TEST, 0.5);
    }

    @Test
    void deepestTrainedBesideTheBound() {
        TheoryColumns one = new TheoryColumns(1.0, 0.3, 0.8, 1.0, 3.0, 25 / 6.0, 25.0, null);
        TheoryColumns two = new TheoryColumns(2.0, 0.6, 1.0, 1.0, 9.0, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY,
                "critical line χ₁ = 1: ξ_c and 6·ξ_c diverge");
        TheoryColumns three = new TheoryColumns(3.0, null, null, null, null, null, null, "no fixed point");
        List<CellResult> cells = new ArrayList<>();
        List<TheoryColumns> theory = new ArrayList<>();
        double[][] table = {{10, 1, 0.9}, {20, 1, 0.8}, {40, 1, 0.3}, {10, 2, 0.2}, {40, 2, 0.85}, {20, 2, 0.9},
            {10, 3, 0.1}, {20, 3, 0.1}};
        for (double[] r : table) {
            cells.add(cell((int) r[0], r[1], r[2]));
            theory.add(r[1] == 1 ? one : r[1] == 2 ? two : three);
        }
        List<DeepestTrained.Row> rows = DeepestTrained.rows(cells, theory, 0);
        assertEquals(3, rows.size());

        DeepestTrained.Row m1 = rows.get(0);
        assertEquals(List.of("tanh", 1.0), m1.group());
        assertEquals(3, m1.depths());
        assertEquals(40, m1.deepestDepth());
        assertEquals(20, m1.deepestTrainedDepth());
        assertEquals(40, m1.shallowestUntrainedDepth());
        assertEquals(25.0, m1.bound());
        assertEquals(0.5, m1.target(), 0, "the cells' target");
        assertEquals(3, m1.depthsAgreeing(), "10 and 20 trained within 25, 40 failed beyond it");

        DeepestTrained.Row m2 = rows.get(1);
        assertEquals(40, m2.deepestTrainedDepth());
        assertEquals(10, m2.shallowestUntrainedDepth());
        assertEquals(2, m2.depthsAgreeing(), "theory calls all three trainable; depth 10 failed");

        DeepestTrained.Row m3 = rows.get(2);
        assertNull(m3.deepestTrainedDepth());
        assertEquals(10, m3.shallowestUntrainedDepth());
        assertNull(m3.depthsAgreeing(), "no bound, nothing to agree with");
        assertEquals("no fixed point", m3.note());
    }
}
