package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.junit.jupiter.api.Test;

/** The order-to-chaos line χ₁ = 1 for plain functions. */
class CriticalLineTest {

    @Test
    void homogeneousActivationsHaveTheTextbookCriticalVariances() {
        assertEquals(1, CriticalLine.sigmaW2(Nonlinearity.of(Activation.LINEAR), 0.3).getAsDouble(), 1e-9);
        assertEquals(2, CriticalLine.sigmaW2(Nonlinearity.of(Activation.RELU), 0).getAsDouble(), 1e-9);
        assertEquals(2 / 1.09, CriticalLine.sigmaW2(Nonlinearity.of(Activation.leakyRelu(0.3)), 0.1).getAsDouble(),
                1e-9);
    }

    @Test
    void tanhLineAtSmallBiasMatchesThePublishedPhaseDiagramAndMeanField() {
        // σ_w² ≈ 1.76 at σ_b² = 0.05 on the order-to-chaos line (Poole et al. 2016, Fig. 2;
        // Schoenholz et al. 2017, Figs. 1 and 5), read from the figures to about ±0.02.
        double critical = CriticalLine.sigmaW2(Nonlinearity.of(Activation.TANH), 0.05).getAsDouble();
        assertEquals(1.76, critical, 0.02);
        assertEquals(MeanField.criticalMultiplier(Activation.TANH, 0.05), critical, 1e-9);
    }

    @Test
    void erfLineMatchesTheClosedForms() {
        // χ₁(m) = m·E[φ'(u)²] at q*(m), both closed form for erf(a z): bisect χ₁ = 1 in m.
        double a = 0.8;
        double sigmaB2 = 0.3;
        double expected = ClosedForms.bisect(m -> {
            double q = ClosedForms.bisect(x -> m * ClosedForms.erfSecondMoment(a, x) + sigmaB2 - x, 1e-12, 1e4);
            return m * ClosedForms.erfSlopeKernel(a, q, q, 1) - 1;
        }, 0.5, 20);
        double critical = CriticalLine.sigmaW2(ClosedForms.erfActivation(a), sigmaB2).getAsDouble();
        assertEquals(expected, critical, 1e-9 * expected);
    }

    @Test
    void noLineWhereChi1NeverReachesOne() {
        // φ = 10⁻⁴·tanh: χ₁ ≤ 10⁻⁸·σ_w² ≤ 10⁻² over the whole search range.
        Nonlinearity flat = new Nonlinearity("1e-4 tanh", z -> 1e-4 * Math.tanh(z),
                z -> 1e-4 * (1 - Math.pow(Math.tanh(z), 2)));
        assertTrue(CriticalLine.sigmaW2(flat, 0.5).isEmpty());
    }
}
