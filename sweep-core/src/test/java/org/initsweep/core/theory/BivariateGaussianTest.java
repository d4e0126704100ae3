package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two-dimensional Gaussian rule against closed forms: the arc-cosine kernels of ReLU and of its
 * step derivative (kinks and jumps at 0), the arcsine kernel of erf and the kernel of its
 * derivative (smooth, with a scale), over lengths 10⁻³…10³, unequal variances and correlations up to
 * 1 − 10⁻⁹ (where the inner rule is rebuilt per outer node) and exactly ±1 (degenerate pair).
 */
class BivariateGaussianTest {

    private static final double[] CORRELATIONS = {-1, -0.999, -0.5, 0, 0.3, 0.9, 0.99, 0.999, 0.99999, 1 - 1e-9, 1};
    private static final DoubleUnaryOperator RELU = z -> Math.max(z, 0);
    private static final DoubleUnaryOperator STEP = z -> z > 0 ? 1 : 0;

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 0.3, 1, 30, 1e3})
    void reluMatchesTheArcCosineKernel(double q) {
        for (double c : CORRELATIONS) {
            // unequal variances: the kernel scales with √(q₁q₂)
            double expected = ClosedForms.reluKernel(q, 3 * q, c);
            assertEquals(expected, BivariateGaussian.expectation(RELU, RELU, q, 3 * q, c), 1e-14 * q, "c = " + c);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 1, 1e3})
    void stepMatchesTheOrthantProbability(double q) {
        for (double c : CORRELATIONS) {
            assertEquals(ClosedForms.stepKernel(c), BivariateGaussian.expectation(STEP, STEP, q, 2 * q, c), 1e-14,
                    "c = " + c);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 0.3, 1, 30, 1e3})
    void erfMatchesTheArcsineKernel(double q) {
        double a = 0.7;
        DoubleUnaryOperator erf = z -> ClosedForms.erf(a * z);
        for (double c : CORRELATIONS) {
            assertEquals(ClosedForms.erfKernel(a, q, 2 * q, c), BivariateGaussian.expectation(erf, erf, q, 2 * q, c),
                    1e-14, "c = " + c);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 1, 1e3})
    void erfDerivativeMatchesItsGaussianKernel(double q) {
        Nonlinearity erf = ClosedForms.erfActivation(0.7);
        for (double c : CORRELATIONS) {
            double expected = ClosedForms.erfSlopeKernel(0.7, q, 2 * q, c);
            assertEquals(expected, BivariateGaussian.expectation(erf.derivative(), erf.derivative(), q, 2 * q, c),
                    1e-14 * Math.max(1, expected), "c = " + c);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 1, 1e3})
    void squaredDifferencesKeepTheirRelativeAccuracyAsCorrelationNearsOne(double q) {
        // E[(u₁ − u₂)²] = 2q(1 − c) and, for the step, P(the signs differ) = arccos(c)/π (Sheppard):
        // both vanish at c = 1, and the rule keeps their relative accuracy there, jump included, down to
        // the rounding of u₁ − u₂ (values of size √q, difference of size √(2q(1 − c))): 1e-16/√(1 − c).
        double[] out = new double[2];
        for (double c : CORRELATIONS) {
            BivariateGaussian.squaredDifferences(z -> z, z -> z, STEP, STEP, q, q, c, out);
            double linear = 2 * q * (1 - c);
            assertEquals(linear, out[0], 1e-13 * linear + 1e-15 * 2 * q * Math.sqrt(1 - c), "c = " + c);
            assertEquals(Math.acos(c) / Math.PI, out[1], 1e-12 * Math.acos(c) / Math.PI, "c = " + c);
        }
    }

    @Test
    void independentAtZeroCorrelationAndProductOfMomentsForMixedPairs() {
        // c = 0: E[f(u₁)g(u₂)] = E[f(u₁)]·E[g(u₂)], here E[relu(u₁)]·E[tanh(u₂)²]
        double expected = GaussHermite.gaussianExpectation(RELU, 0.8)
                * GaussHermite.gaussianExpectation(z -> Math.pow(Math.tanh(z), 2), 2.5);
        assertEquals(expected, BivariateGaussian.expectation(RELU, z -> Math.pow(Math.tanh(z), 2), 0.8, 2.5, 0),
                1e-15);
        // E[u₁u₂] = c√(q₁q₂) and E[u₁²u₂²] = q₁q₂(1 + 2c²) (Isserlis)
        for (double c : new double[] {-0.7, 0.2, 0.95}) {
            assertEquals(c * Math.sqrt(6), BivariateGaussian.expectation(z -> z, z -> z, 2, 3, c), 1e-14);
            assertEquals(6 * (1 + 2 * c * c), BivariateGaussian.expectation(z -> z * z, z -> z * z, 2, 3, c), 1e-13);
        }
    }

    @Test
    void tanhMatchesAnIndependentPolarIntegration() {
        DoubleUnaryOperator tanh = Math::tanh;
        for (double c : new double[] {0.4, 0.97}) {
            double reference = BivariateNormalReference.expectation(tanh, tanh, 2.2, c);
            assertEquals(reference, BivariateGaussian.expectation(tanh, tanh, 2.2, 2.2, c), 1e-10, "c = " + c);
        }
    }
}
