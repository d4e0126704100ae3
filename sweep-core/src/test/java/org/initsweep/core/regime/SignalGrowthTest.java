package org.initsweep.core.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rates and classification on hand-made variance profiles. */
class SignalGrowthTest {

    private static double[] geometric(double first, double factor, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = first * Math.pow(factor, i);
        }
        return v;
    }

    @Test
    void forwardRateOfAGeometricProfileIsLnOfItsFactor() {
        assertEquals(Math.log(0.5), SignalGrowth.forwardRate(geometric(0.5, 0.5, 21)), 1e-12);
        assertEquals(Math.log(3), SignalGrowth.forwardRate(geometric(3, 3, 2)), 1e-12, "one hidden layer + output");
    }

    @Test
    void theOneUnitOutputLayerIsLeftOutOnceTwoHiddenLayersExist() {
        // ReLU at He, depth 5: hidden Var(z) flat, the single output unit's batch variance a third lower.
        assertEquals(0, SignalGrowth.forwardRate(new double[] {2, 2, 2, 2, 2, 0.74}), 1e-12);
        assertEquals(0, SignalGrowth.forwardRate(new double[] {2, 2, 0.74}), 1e-12, "depth 2");
    }

    @Test
    void deepRatesIgnoreTheFirstHalf() {
        double[] v = geometric(1, 1, 21);
        for (int i = 0; i < 9; i++) {
            v[i] = 100 * Math.pow(0.5, i); // a transient in layers 1..9 of 20
        }
        assertEquals(0, SignalGrowth.forwardRate(v), 1e-12);
    }

    @Test
    void backwardRateIsGrowthTowardTheInput() {
        // Var(dJ/da^[l]) = 2^(L-l): doubles at each step from layer L toward layer 1.
        double[] g = new double[12];
        for (int l = 1; l <= 12; l++) {
            g[l - 1] = Math.pow(2, 12 - l);
        }
        assertEquals(Math.log(2), SignalGrowth.backwardRate(g), 1e-12);
        assertTrue(Double.isNaN(SignalGrowth.backwardRate(new double[] {1})), "no step in a one-layer net");
    }

    @Test
    void zerosNaNsAndInfinitiesClassifyWithoutLogOfZero() {
        double[] dead = {1, 0, 0, 0, 0, 0};
        assertEquals(Double.NEGATIVE_INFINITY, SignalGrowth.forwardRate(dead));
        assertEquals(Regime.VANISHING, SignalGrowth.classify(SignalGrowth.forwardRate(dead), Double.NaN, 0.23));
        double[] overflow = {1, 1e30, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, Double.NaN};
        assertEquals(Regime.EXPLODING, SignalGrowth.classify(SignalGrowth.forwardRate(overflow), Double.NaN, 0.23));
        assertEquals(Regime.EXPLODING, SignalGrowth.classify(Double.NaN, 0, 0.23), "NaN is overflow");
    }

    @Test
    void theThresholdAllowsDecadesOverTheWholeDepth() {
        assertEquals(Math.log(10) / 49, SignalGrowth.thresholdAtDepth(1, 50), 1e-15);
        assertEquals(Math.log(10) / 10, SignalGrowth.thresholdAtDepth(1, 11), 1e-15);
        assertEquals(2 * Math.log(10), SignalGrowth.thresholdAtDepth(2, 2), 1e-15);
        assertEquals(Math.log(10), SignalGrowth.thresholdAtDepth(1, 1), 1e-15, "one hidden layer: one step to the output");
        // tanh at depth 50, m = 2.83: a backward rate of 0.189 per layer is 10^4 over 49 layers, not stable
        assertEquals(Regime.EXPLODING, SignalGrowth.classify(0, 0.189, SignalGrowth.thresholdAtDepth(1, 50)));
        // the same rate over 9 layers is a factor 5.5
        assertEquals(Regime.STABLE, SignalGrowth.classify(0, 0.189, SignalGrowth.thresholdAtDepth(1, 10)));
        assertThrows(IllegalArgumentException.class, () -> SignalGrowth.thresholdAtDepth(0, 10));
        assertThrows(IllegalArgumentException.class, () -> SignalGrowth.thresholdAtDepth(Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> SignalGrowth.thresholdAtDepth(1, 0));
    }

    @Test
    void classifyUsesTheLargerMagnitudeAndTheThreshold() {
        double tau = SignalGrowth.thresholdAtDepth(1, 11);
        assertEquals(Regime.STABLE, SignalGrowth.classify(0.2, -0.2, tau));
        assertEquals(Regime.EXPLODING, SignalGrowth.classify(0.0, 0.3, tau), "tanh at m = 4: forward saturates");
        assertEquals(Regime.VANISHING, SignalGrowth.classify(-0.5, 0.3, tau));
        assertThrows(IllegalArgumentException.class, () -> SignalGrowth.classify(0, 0, 0));
    }
}
