package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.activation.Elu;
import org.initsweep.core.activation.Gelu;
import org.initsweep.core.activation.Selu;
import org.initsweep.core.activation.Silu;
import org.initsweep.core.activation.Softplus;
import org.junit.jupiter.api.Test;

/**
 * Mean-field theory of SELU, ELU, GELU, SiLU and softplus: SELU's self-normalizing fixed point, the
 * critical multipliers the small-signal slopes give, and the activations whose χ₁ jumps over 1
 * instead of crossing it.
 */
class ModernActivationTheoryTest {

    @Test
    void seluWithLecunNormalWeightsHasTheFixedPointMeanZeroVarianceOne() {
        // Klambauer et al. 2017, eq. 4–5: with m = 1 and no bias, z ~ N(0, 1) maps to E[φ] = 0, E[φ²] = 1.
        MeanField selu = new MeanField(new Selu(), 1, 0);
        assertEquals(0, selu.meanPhi(1), 1e-9);
        assertEquals(1, selu.meanPhiSquared(1), 1e-9);
        assertEquals(1, selu.qMap(1), 1e-9);
        assertEquals(1, selu.fixedPoint(), 1e-6);
        // χ₁ = E[φ'(z)²] = λ²(1/2 + α²e²Φ(−2)), Φ(−2) = 0.022750131948179195: slightly chaotic.
        double chi1 = Selu.LAMBDA * Selu.LAMBDA
                * (0.5 + Selu.ALPHA * Selu.ALPHA * Math.exp(2) * 0.022750131948179195);
        assertEquals(chi1, selu.chi1(), 1e-9);
        assertEquals(1.0716, selu.chi1(), 1e-4);
    }

    @Test
    void eluAndSeluAreCriticalWhereTheSmallSignalGainIsOne() {
        // Below m = 1/gain the fixed point is q* = 0, where χ₁ = m·gain; above it q* leaves 0.
        assertEquals(2 / (1 + 0.25), MeanField.criticalMultiplier(new Elu(0.5), 0), 1e-3);
        assertEquals(1 / new Selu().gain(), MeanField.criticalMultiplier(new Selu(), 0), 1e-3);
        assertEquals(0.4768, MeanField.criticalMultiplier(new Selu(), 0), 1e-4);
        // α = 1: φ' is continuous at 0 and χ₁ − 1 vanishes to first order in m − 1 on both sides.
        assertEquals(1, MeanField.criticalMultiplier(new Elu(1), 0), 1e-2);
    }

    @Test
    void withBiasTheCriticalLinesMoveToLargerWeights() {
        // σ_b² = 0.05: the values of an independent SciPy computation (adaptive quad of the Gaussian
        // integrals, q* by fixed-point iteration from q = 1, bisection on χ₁ − 1): SELU 0.9018, ELU 1.5337.
        double selu = MeanField.criticalMultiplier(new Selu(), 0.05);
        double elu = MeanField.criticalMultiplier(new Elu(1), 0.05);
        assertEquals(0.9018, selu, 1e-4);
        assertEquals(1.5337, elu, 1e-4);
        assertEquals(1, new MeanField(new Selu(), selu, 0.05).chi1(), 1e-9);
        assertTrue(new MeanField(new Selu(), selu, 0.05).fixedPoint() > 0, "the bias keeps q* off 0");
        for (Activation phi : new Activation[] {new Gelu(), new Silu()}) {
            assertThrows(IllegalStateException.class, () -> MeanField.criticalMultiplier(phi, 0.05), phi.label());
        }
    }

    @Test
    void softplusApproachesTheReluLineMEqualsTwo() {
        // φ(0) = ln 2 keeps q* finite below m = 2, where q* → ∞ and χ₁ → m/2.
        assertEquals(2, MeanField.criticalMultiplier(new Softplus(), 0), 1e-2);
        assertTrue(new MeanField(new Softplus(), 1.9, 0).chi1() < 1);
    }

    @Test
    void geluAndSiluJumpOverTheCriticalLineWithoutBias() {
        for (Activation phi : new Activation[] {new Gelu(), new Silu()}) {
            // q* = 0 with χ₁ = m/4 on the ordered side, q* = ∞ with χ₁ = m/2 on the other: no χ₁ = 1.
            assertEquals(0.5, new MeanField(phi, 2, 0).chi1(), 1e-6, phi.label());
            assertEquals(1.5, new MeanField(phi, 3, 0).chi1(), 1e-6, phi.label());
            Chi1JumpException e = assertThrows(Chi1JumpException.class,
                    () -> MeanField.criticalMultiplier(phi, 0), phi.label());
            assertTrue(e.getMessage().startsWith("χ₁ jumps over 1 at σ_w² = 2."), e.getMessage());
            // the values it jumps between are the two branches' at that m: m/4 (q* = 0), m/2 (q* = ∞), not
            // χ₁ at the unstable fixed point between them
            double m = e.sigmaW2();
            assertEquals(m / 4, e.below(), 1e-8, e.getMessage());
            assertEquals(m / 2, e.above(), 1e-8, e.getMessage());
            assertFalse(CriticalLine.sigmaW2(Nonlinearity.of(phi), 0).isPresent(), phi.label());
        }
    }

    @Test
    void geluAndSiluLandOnTheSideTheFirstLayersLengthIsOn() {
        // Between q = 0 (χ₁ = m/4) and q = ∞ (χ₁ = m/2) the map m·E[φ(√q z)²] has one unstable fixed
        // point q_u for 2 < m < 4. A network's first layer starts at q¹ = m (standardized inputs,
        // σ_b² = 0): above q_u, where the map exceeds q, its lengths grow and χ₁ → m/2; below they fade
        // and χ₁ = m/4. The side from the map's value at q¹ by an independent quadrature; m = 2.3 (GELU)
        // and 2.5 (SiLU) lie above q_u, though a start at q = 1 would land them on the vanishing side.
        for (Activation phi : new Activation[] {new Gelu(), new Silu()}) {
            for (double m : new double[] {2.1, 2.3, 2.5, 3.0}) {
                boolean grows = m * NormalReference.expectation(z -> Math.pow(phi.value(z), 2), m) > m;
                double expected = grows ? m / 2 : m / 4;
                assertEquals(expected, new MeanField(phi, m, 0).chi1(), 1e-6, phi.label() + " m = " + m);
                assertEquals(expected, DepthScales.of(Nonlinearity.of(phi), m, 0).chi1().value(), 1e-6,
                        phi.label() + " m = " + m);
            }
        }
        assertEquals(1.15, new MeanField(new Gelu(), 2.3, 0).chi1(), 1e-6);
        assertEquals(1.25, new MeanField(new Silu(), 2.5, 0).chi1(), 1e-6);
    }

    @Test
    void aPredictionForAnActivationWithoutCriticalPointSaysNaN() {
        var p = NetworkPrediction.of(new Gelu(), org.initsweep.core.init.InitSpec.of(
                org.initsweep.core.init.InitScheme.HE_NORMAL), 1.0, 0, 10, 32, 6, 1.0);
        assertTrue(p.isPresent());
        assertTrue(Double.isNaN(p.get().criticalM()));
        assertTrue(Double.isFinite(p.get().chi1()));
    }
}
