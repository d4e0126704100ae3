package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ξ_q and ξ_c (Schoenholz et al. 2017, eqs. 6 and 9), and the analytic φ''. */
class DepthScaleTest {

    @Test
    void correlationDepthOfReluIsMinusOneOverLnHalfM() {
        // χ₁ = m/2 for ReLU at any q* > 0, so ξ_c = −1/ln(m/2); at m = 1 that is 1/ln 2.
        assertEquals(1 / Math.log(2), new MeanField(Activation.RELU, 1, 0.3).depthScaleC(), 1e-12);
        assertEquals(-1 / Math.log(0.75), new MeanField(Activation.RELU, 1.5, 0.1).depthScaleC(), 1e-11);
        assertEquals(-1 / Math.log(0.8), new MeanField(Activation.LINEAR, 0.8, 0.2).depthScaleC(), 1e-11);
        // without a bias q* = 0 and correlations never fade exponentially (ZeroBiasCorrelationTest)
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Activation.RELU, 1, 0).depthScaleC());
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Activation.LINEAR, 0.8, 0).depthScaleC());
    }

    @Test
    void correlationDepthDivergesAtCriticalityIsFiniteInTheChaoticPhaseAndUndefinedWithoutAFixedPoint() {
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Activation.RELU, 2, 0).depthScaleC());
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Activation.TANH, 1, 0).depthScaleC());
        assertTrue(Double.isNaN(new MeanField(Activation.RELU, 2.5, 0).depthScaleC()), "q* = ∞: no c*");
        // chaotic tanh: c* < 1 and ξ_c = −1/ln χ_c(c*), finite and shrinking away from the line
        double near = new MeanField(Activation.TANH, 2, 0.05).depthScaleC();
        double far = new MeanField(Activation.TANH, 4, 0.05).depthScaleC();
        assertTrue(Double.isFinite(near) && far > 1 && far < near, near + " then " + far);
    }

    @Test
    void tanhCorrelationDepthIsMinusOneOverLnChi1InTheOrderedPhase() {
        MeanField mf = new MeanField(Activation.TANH, 1.2, 0.3); // ordered: m_c(0.3) ≈ 2.4
        double q = mf.fixedPoint();
        double chi1 = 1.2 * NormalReference.expectation(z -> Math.pow(1 - Math.pow(Math.tanh(z), 2), 2), q);
        assertTrue(chi1 < 1);
        assertEquals(-1 / Math.log(chi1), mf.depthScaleC(), 1e-9);
    }

    @Test
    void lengthDepthOfReluIsMinusOneOverLnHalfM() {
        // The ReLU length map is q ↦ (m/2)q + σ_b², slope m/2.
        assertEquals(1 / Math.log(2), new MeanField(Activation.RELU, 1, 0).depthScaleQ(), 1e-12);
        assertEquals(-1 / Math.log(0.7), new MeanField(Activation.RELU, 1.4, 0.2).depthScaleQ(), 1e-11);
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Activation.RELU, 2, 0).depthScaleQ());
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Activation.RELU, 3, 0).depthScaleQ());
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Activation.TANH, 1, 0).depthScaleQ());
    }

    @ParameterizedTest
    @CsvSource({"tanh, 1.5, 0.05", "tanh, 0.8, 0.2", "tanh, 4, 0.5", "sigmoid, 2, 0.1", "sigmoid, 20, 0"})
    void lengthDepthUsesTheSlopeOfTheLengthMap(String activation, double m, double sigmaB2) {
        MeanField mf = new MeanField(Activation.fromLabel(activation), m, sigmaB2);
        double q = mf.fixedPoint();
        // eq. 6's integrand is the derivative of the length map (Stein's lemma): check by differences.
        double h = 1e-4 * q;
        double slope = (mf.qMap(q + h) - mf.qMap(q - h)) / (2 * h);
        assertEquals(slope, mf.qMapSlope(q), 1e-7);
        assertEquals(-1 / Math.log(slope), mf.depthScaleQ(), 1e-5 * mf.depthScaleQ());
        // and the length really relaxes as e^{−l/ξ_q}: iterate from a small perturbation.
        double delta = 1e-4 * q;
        double ql = q + delta;
        int layers = 5;
        for (int l = 0; l < layers; l++) {
            ql = mf.qMap(ql);
        }
        assertEquals(Math.exp(-layers / mf.depthScaleQ()), (ql - q) / delta, 2e-3);
    }

    @Test
    void secondDerivativesMatchCentralDifferences() {
        double h = 1e-5;
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.LINEAR}) {
            for (double z : new double[] {-3, -0.7, 0, 0.4, 2.5}) {
                double numeric = (a.derivative(z + h) - a.derivative(z - h)) / (2 * h);
                assertEquals(numeric, a.secondDerivative(z), 1e-9, a.label() + " at " + z);
            }
        }
        assertEquals(0, Activation.RELU.secondDerivative(1.5), 0);
        assertEquals(0, Activation.leakyRelu(0.1).secondDerivative(-1.5), 0);
    }
}
