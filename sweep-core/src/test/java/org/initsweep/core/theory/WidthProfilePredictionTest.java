package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.init.FanMode;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.junit.jupiter.api.Test;

/**
 * Mean-field predictions for unequal layer widths, checked on a linear network where every layer's
 * factor is known by hand: forward Var(z^[l]) = n^[l-1]·Var(W^[l])·Var(z^[l-1]), backward
 * Var(∂J/∂a^[l-1]) = n^[l]·Var(W^[l])·Var(∂J/∂a^[l]) (Glorot &amp; Bengio 2010, eq. 6 and 10), on the
 * profile 10 → 64, 32, 16, 8 → 1 with Var(W) = 1/fan of the mode.
 */
class WidthProfilePredictionTest {

    private static final int[] UNITS = {10, 64, 32, 16, 8, 1};

    private static NetworkPrediction predict(FanMode mode, int[] units) {
        return NetworkPrediction.of(Activation.LINEAR, InitSpec.of(InitScheme.LECUN_NORMAL).withMode(mode), 1.0, 0,
                units, 1.0).orElseThrow();
    }

    @Test
    void fanInKeepsTheForwardSignalAndTheBackwardOneDriftsByTheWidthRatios() {
        NetworkPrediction p = predict(FanMode.FAN_IN, UNITS);
        for (int l = 1; l <= 5; l++) {
            assertEquals(1.0, p.varZ()[l - 1], 1e-12, "Var(z^" + l + ")");
        }
        // relative to layer L = 4: Var(∂J/∂a^[l]) = n^[L]/n^[l]
        double[] expected = {8.0 / 64, 8.0 / 32, 8.0 / 16, 1};
        for (int l = 1; l <= 4; l++) {
            assertEquals(expected[l - 1], p.varGradA()[l - 1], 1e-12, "Var(∂J/∂a^" + l + ")");
        }
        assertEquals(1.0, p.chi1(), 1e-9, "one map for all hidden layers under fan_in: linear χ₁ = m = 1");
        assertEquals(1.0, p.criticalM(), 1e-6);
    }

    @Test
    void fanOutKeepsTheBackwardSignalAndTheForwardOneGrows() {
        NetworkPrediction p = predict(FanMode.FAN_OUT, UNITS);
        // Var(z^[l]) = ∏ n^[k-1]/n^[k] = n^[0]/n^[l]; the output layer's fan_out is 1
        double[] expected = {10.0 / 64, 10.0 / 32, 10.0 / 16, 10.0 / 8, 10.0};
        for (int l = 1; l <= 5; l++) {
            assertEquals(expected[l - 1], p.varZ()[l - 1], 1e-12, "Var(z^" + l + ")");
        }
        for (int l = 1; l <= 4; l++) {
            assertEquals(1.0, p.varGradA()[l - 1], 1e-12, "Var(∂J/∂a^" + l + ")");
        }
        // every hidden layer halves the width: one map with m_l = fan_in/fan_out = 2, so χ₁ = 2 and m_c = 1/2
        assertEquals(2.0, p.chi1(), 1e-9);
        assertEquals(0.5, p.criticalM(), 1e-6);
        // rates over the deeper half l = 2..4: forward ln 2 per layer growing, backward flat
        assertEquals(Math.log(2), p.forwardRate(), 1e-12);
        assertEquals(0, p.backwardRate(), 1e-12);
    }

    @Test
    void hiddenLayersWithDifferentMapsHaveNoSingleChi1() {
        NetworkPrediction p = predict(FanMode.FAN_OUT, new int[] {10, 64, 48, 16, 8, 1});
        assertTrue(Double.isNaN(p.chi1()), "m_l = 4/3, 3, 2: no single χ₁");
        assertNull(p.regime());
        assertTrue(Double.isNaN(p.criticalM()));
        assertEquals(10.0 / 8, p.varZ()[3], 1e-12, "the length map still holds layer by layer");
    }

    @Test
    void fanAvgSplitsTheDifference() {
        NetworkPrediction p = predict(FanMode.FAN_AVG, UNITS);
        double forward = 1;
        double backward = 1;
        for (int l = 2; l <= 4; l++) {
            forward *= 2.0 * UNITS[l - 1] / (UNITS[l - 1] + UNITS[l]); // 4/3 per halving
            backward *= 2.0 * UNITS[l] / (UNITS[l - 1] + UNITS[l]); // 2/3 per halving
        }
        assertEquals(Math.pow(4.0 / 3, 3), forward, 1e-12);
        assertEquals(forward, p.varZ()[3] / p.varZ()[0], 1e-12);
        assertEquals(Math.pow(2.0 / 3, 3), backward, 1e-12);
        assertEquals(backward, p.varGradA()[0] / p.varGradA()[3], 1e-12);
        assertEquals(Math.log(4.0 / 3), p.forwardRate(), 1e-12);
        assertEquals(Math.log(2.0 / 3), p.backwardRate(), 1e-12);
    }

    @Test
    void equalWidthsGiveTheConstantWidthPrediction() {
        int[] units = {10, 32, 32, 32, 1};
        for (FanMode mode : FanMode.values()) {
            NetworkPrediction a = NetworkPrediction.of(Activation.TANH, InitSpec.of(InitScheme.LECUN_NORMAL).withMode(mode),
                    1.7, 0.05, units, 1.0).orElseThrow();
            NetworkPrediction b = NetworkPrediction.of(Activation.TANH, InitSpec.of(InitScheme.LECUN_NORMAL).withMode(mode),
                    1.7, 0.05, 10, 32, 3, 1.0).orElseThrow();
            assertEquals(b.chi1(), a.chi1(), 0, mode.toString());
            assertEquals(b.forwardRate(), a.forwardRate(), 0);
            assertEquals(b.backwardRate(), a.backwardRate(), 0);
            assertEquals(b.criticalM(), a.criticalM(), 0);
        }
    }

    @Test
    void unitsAreChecked() {
        InitSpec init = InitSpec.of(InitScheme.LECUN_NORMAL);
        assertThrows(IllegalArgumentException.class,
                () -> NetworkPrediction.of(Activation.TANH, init, 1, 0, new int[] {10, 1}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> NetworkPrediction.of(Activation.TANH, init, 1, 0, new int[] {10, 0, 1}, 1));
    }
}
