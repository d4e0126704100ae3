package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.theory.MeanField.Regime;
import org.junit.jupiter.api.Test;

/** m_c with χ₁(m_c) = 1: known values and the Poole/Schoenholz tanh phase boundary. */
class CriticalMultiplierTest {

    @Test
    void linearIsCriticalAtOne() {
        assertEquals(1, MeanField.criticalMultiplier(Activation.LINEAR, 0), 1e-9);
        assertEquals(1, MeanField.criticalMultiplier(Activation.LINEAR, 0.5), 1e-9);
    }

    @Test
    void reluIsCriticalAtTwoWhateverTheBias() {
        assertEquals(2, MeanField.criticalMultiplier(Activation.RELU, 0), 1e-9);
        assertEquals(2, MeanField.criticalMultiplier(Activation.RELU, 0.3), 1e-9);
    }

    @Test
    void leakyReluIsCriticalAtTwoOverOnePlusSlopeSquared() {
        assertEquals(2 / (1 + 0.01 * 0.01), MeanField.criticalMultiplier(Activation.leakyRelu(0.01), 0), 1e-9);
        assertEquals(2 / (1 + 0.3 * 0.3), MeanField.criticalMultiplier(Activation.leakyRelu(0.3), 0.1), 1e-9);
    }

    @Test
    void tanhIsCriticalAtOneWithoutBias() {
        assertEquals(1, MeanField.criticalMultiplier(Activation.TANH, 0), 1e-3);
    }

    @Test
    void tanhPhaseBoundaryAtSmallBiasMatchesPooleAndSchoenholz() {
        // σ_w² ≈ 1.76 at σ_b² = 0.05 on the order-to-chaos line of the published phase diagrams.
        double mc = MeanField.criticalMultiplier(Activation.TANH, 0.05);
        assertEquals(1.76, mc, 0.02);
        assertEquals(1, new MeanField(Activation.TANH, mc, 0.05).chi1(), 1e-9);
        assertEquals(Regime.VANISHING, new MeanField(Activation.TANH, 0.98 * mc, 0.05).regime());
        assertEquals(Regime.EXPLODING, new MeanField(Activation.TANH, 1.02 * mc, 0.05).regime());
    }

    @Test
    void tanhBoundaryMovesToLargerWeightsWithMoreBias() {
        double previous = MeanField.criticalMultiplier(Activation.TANH, 0);
        for (double sigmaB2 : new double[] {0.01, 0.1, 0.5, 2}) {
            double mc = MeanField.criticalMultiplier(Activation.TANH, sigmaB2);
            assertEquals(true, mc > previous, "σ_b² = " + sigmaB2);
            previous = mc;
        }
    }

    @Test
    void sigmoidHasACriticalMultiplierWhereChi1IsOne() {
        double mc = MeanField.criticalMultiplier(Activation.SIGMOID, 0.1);
        assertEquals(1, new MeanField(Activation.SIGMOID, mc, 0.1).chi1(), 1e-9);
    }
}
