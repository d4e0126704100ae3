package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The split composite rule {@link GaussHermite#gaussianExpectation} that the mean-field code uses. */
class GaussianExpectationTest {

    private static final DoubleUnaryOperator TANH_SQ = z -> square(Math.tanh(z));
    private static final DoubleUnaryOperator SECH_4 = z -> square(1 - square(Math.tanh(z)));
    private static final DoubleUnaryOperator SIGMOID_SQ = z -> square(1 / (1 + Math.exp(-z)));

    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 0.01, 0.5, 1, 4, 100, 1e4})
    void smoothActivationMomentsMatchIndependentIntegration(double q) {
        for (DoubleUnaryOperator f : new DoubleUnaryOperator[] {TANH_SQ, SECH_4, SIGMOID_SQ}) {
            double reference = NormalReference.expectation(f, q);
            assertEquals(reference, GaussHermite.gaussianExpectation(f, q), 1e-10, "q = " + q);
        }
    }

    @Test
    void tanhSquaredAtUnitVarianceToOneInAMillion() {
        double reference = NormalReference.expectation(TANH_SQ);
        assertEquals(reference, GaussHermite.gaussianExpectation(TANH_SQ, 1), 1e-6);
    }

    @Test
    void kinkedFunctionsAreIntegratedAccurately() {
        // ReLU moments: E[relu(u)] = 1/√(2π), E[relu(u)²] = 1/2, E[relu'(u)²] = P(u > 0) = 1/2.
        assertEquals(1 / Math.sqrt(2 * Math.PI), GaussHermite.gaussianExpectation(z -> Math.max(z, 0), 1), 1e-14);
        assertEquals(0.5, GaussHermite.gaussianExpectation(z -> square(Math.max(z, 0)), 1), 1e-14);
        assertEquals(0.5, GaussHermite.gaussianExpectation(z -> z > 0 ? 1 : 0, 1), 1e-14);
        // E[|u|] = √(2/π); E[u²] = 1; a variance q scales second moments by q.
        assertEquals(Math.sqrt(2 / Math.PI), GaussHermite.gaussianExpectation(Math::abs, 1), 1e-14);
        assertEquals(1, GaussHermite.gaussianExpectation(z -> z * z, 1), 1e-14);
        assertEquals(7.5, GaussHermite.gaussianExpectation(z -> z * z, 7.5), 1e-12);
        assertEquals(3.5e4 / 2, GaussHermite.gaussianExpectation(z -> square(Math.max(z, 0)), 3.5e4), 1e-9);
    }

    @Test
    void higherPolynomialMomentsAreExact() {
        for (int k = 0; k <= 12; k++) {
            int power = k;
            double expected = NormalReference.normalMoment(k);
            assertEquals(expected, GaussHermite.gaussianExpectation(z -> Math.pow(z, power), 1),
                    1e-13 * NormalReference.normalMoment(k + k % 2), "E[u^" + k + "]");
        }
    }

    @Test
    void limitsAtZeroAndInfiniteVariance() {
        assertEquals(0, GaussHermite.gaussianExpectation(TANH_SQ, 0), 0);
        assertEquals(1, GaussHermite.gaussianExpectation(SECH_4, 0), 0);
        assertEquals(0.5, GaussHermite.gaussianExpectation(z -> z > 0 ? 1 : 0, 0), 0); // relu' as q → 0⁺
        assertEquals(1, GaussHermite.gaussianExpectation(TANH_SQ, Double.POSITIVE_INFINITY), 0);
        assertEquals(0.5, GaussHermite.gaussianExpectation(z -> z > 0 ? 1 : 0, Double.POSITIVE_INFINITY), 0);
        assertEquals(Double.POSITIVE_INFINITY,
                GaussHermite.gaussianExpectation(z -> z * z, Double.POSITIVE_INFINITY), 0);
    }

    @Test
    void rejectsNegativeOrNaNVariance() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GaussHermite.gaussianExpectation(TANH_SQ, -1));
        assertTrue(e.getMessage().contains("q") && e.getMessage().contains("-1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GaussHermite.gaussianExpectation(TANH_SQ, Double.NaN));
    }

    private static double square(double x) {
        return x * x;
    }
}
