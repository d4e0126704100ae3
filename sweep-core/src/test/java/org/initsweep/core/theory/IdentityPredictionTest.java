package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.junit.jupiter.api.Test;

/**
 * W = α·I in a linear network, by hand: z^[l] = α·a^[l-1] + b^[l] on the units that receive an input,
 * so the mean square over units is α²·(min(n^[l-1], n^[l])/n^[l])·q^{l-1} + σ_b², and each square
 * hidden layer multiplies the backward signal by α²; 2 → 8 → 8 → 8 → 8 → 1 units, q⁰ = 1.
 */
class IdentityPredictionTest {

    private static final int[] UNITS = {2, 8, 8, 8, 8, 1};
    private static final InitSpec ALPHA_1_5 = new InitSpec(InitScheme.IDENTITY_SCALED, 1.5);

    @Test
    void bothSignalsMoveByAlphaSquaredPerLayer() {
        NetworkPrediction p = NetworkPrediction.of(Activation.LINEAR, ALPHA_1_5, Double.NaN, 0, UNITS, 1.0).orElseThrow();
        double q = 2.25 * 2 / 8; // only 2 of the 8 first-layer units receive an input
        for (int l = 1; l <= 5; l++) {
            assertEquals(q, p.varZ()[l - 1], 1e-12 * q, "Var(z^" + l + ")");
            q *= 2.25;
        }
        assertEquals(1.0, p.varGradA()[3], 0);
        assertEquals(2.25, p.varGradA()[2], 1e-12);
        assertEquals(2.25 * 2.25 * 2.25, p.varGradA()[0], 1e-12);
        assertEquals(Math.log(2.25), p.forwardRate(), 1e-12);
        assertEquals(Math.log(2.25), p.backwardRate(), 1e-12);
        assertEquals(2.25, p.chi1(), 1e-12);
        assertEquals(MeanField.Regime.EXPLODING, p.regime());
        assertTrue(Double.isNaN(p.criticalM()), "no multiplier, so no critical one");
    }

    @Test
    void biasVarianceAddsOnEveryLayerAndAlphaOneIsCritical() {
        NetworkPrediction p = NetworkPrediction.of(Activation.LINEAR, new InitSpec(InitScheme.IDENTITY_SCALED, 1.0),
                Double.NaN, 0.1, UNITS, 1.0).orElseThrow();
        double q = 2.0 / 8 + 0.1;
        for (int l = 1; l <= 5; l++) {
            assertEquals(q, p.varZ()[l - 1], 1e-12, "Var(z^" + l + ")");
            q += 0.1;
        }
        assertEquals(1.0, p.chi1(), 1e-12);
        assertEquals(MeanField.Regime.CRITICAL, p.regime());
        assertEquals(0.0, p.backwardRate(), 1e-12);
    }

    @Test
    void aNonlinearNetworkOrAnotherFixedSchemeIsNotPredicted() {
        assertTrue(NetworkPrediction.of(Activation.TANH, ALPHA_1_5, Double.NaN, 0, UNITS, 1.0).isEmpty(),
                "one input per unit: z is not Gaussian, mean field does not apply");
        assertTrue(NetworkPrediction.of(Activation.LINEAR, new InitSpec(InitScheme.CONSTANT, 0.5), Double.NaN, 0, UNITS,
                1.0).isEmpty());
        assertTrue(NetworkPrediction.of(Activation.LINEAR, InitSpec.of(InitScheme.LECUN_NORMAL), Double.NaN, 0, UNITS,
                1.0).isEmpty(), "a random scheme needs its multiplier");
    }
}
