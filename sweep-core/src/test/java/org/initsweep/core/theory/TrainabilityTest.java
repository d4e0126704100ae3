package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.theory.TheoryValue.Status;
import org.initsweep.core.theory.Trainability.Edge;
import org.initsweep.core.theory.Trainability.Range;
import org.junit.jupiter.api.Test;

/** The bound L ≲ 6·ξ_c of Schoenholz et al. 2017 (Fig. 5) and the σ_w² interval it allows. */
class TrainabilityTest {

    private static final Nonlinearity TANH = Nonlinearity.of(Activation.TANH);

    @Test
    void boundIsSixCorrelationDepthsAndKeepsTheReason() {
        assertEquals(6 * 7.5, Trainability.depthBound(TheoryValue.finite(7.5)).value(), 1e-12);
        assertEquals(Status.DIVERGENT, Trainability.depthBound(TheoryValue.divergent()).status());
        assertEquals(Status.NO_FIXED_POINT, Trainability.depthBound(TheoryValue.noFixedPoint()).status());
    }

    @Test
    void verdictFollowsTheBound() {
        assertTrue(Trainability.predictsTrainable(45, TheoryValue.finite(7.5)));
        assertFalse(Trainability.predictsTrainable(46, TheoryValue.finite(7.5)));
        assertTrue(Trainability.predictsTrainable(100_000, TheoryValue.divergent()));
        assertFalse(Trainability.predictsTrainable(1, TheoryValue.noFixedPoint()));
    }

    @Test
    void reluRangeRunsFromSixDepthScalesToTheLossOfTheFixedPoint() {
        // ξ_c = −1/ln(σ_w²/2) below σ_w² = 2, so 6ξ_c = L at σ_w² = 2e^{−6/L}; above 2, q* = ∞.
        for (int depth : new int[] {10, 60}) {
            Range r = Trainability.trainableSigmaW2(Nonlinearity.of(Activation.RELU), 0.05, depth);
            assertEquals(2 * Math.exp(-6.0 / depth), r.lower(), 1e-8, "L = " + depth);
            assertEquals(2, r.upper(), 1e-8);
            assertEquals(Edge.DEPTH_SCALE, r.lowerEdge());
            assertEquals(Edge.NO_FIXED_POINT, r.upperEdge());
        }
        Range linear = Trainability.trainableSigmaW2(Nonlinearity.of(Activation.LINEAR), 0.1, 30);
        assertEquals(Math.exp(-6.0 / 30), linear.lower(), 1e-8);
        assertEquals(1, linear.upper(), 1e-8);
    }

    @Test
    void tanhRangeIsBoundedOnBothSidesBySixDepthScales() {
        int depth = 50;
        Range r = Trainability.trainableSigmaW2(TANH, 0.05, depth);
        double critical = CriticalLine.sigmaW2(TANH, 0.05).getAsDouble();
        assertTrue(r.lower() < critical && critical < r.upper(), r.toString());
        assertEquals(Edge.DEPTH_SCALE, r.lowerEdge());
        assertEquals(Edge.DEPTH_SCALE, r.upperEdge());
        // at both ends the bound equals the depth: ordered side (c* = 1) and chaotic side (c* < 1)
        DepthScales lower = DepthScales.of(TANH, r.lower(), 0.05);
        DepthScales upper = DepthScales.of(TANH, r.upper(), 0.05);
        assertEquals(depth, lower.trainableDepthBound().value(), 1e-5 * depth);
        assertEquals(depth, upper.trainableDepthBound().value(), 1e-5 * depth);
        assertEquals(1, lower.cStar().value(), 0);
        assertTrue(upper.cStar().value() < 1);
        // a shallower network tolerates a wider range
        Range shallow = Trainability.trainableSigmaW2(TANH, 0.05, 20);
        assertTrue(shallow.lower() < r.lower() && shallow.upper() > r.upper(), shallow.toString());
    }
}
