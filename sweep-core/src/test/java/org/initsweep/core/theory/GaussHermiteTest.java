package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Gauss–Hermite rule itself: construction, exactness, accuracy against independent integration. */
class GaussHermiteTest {

    @Test
    void smallOrdersMatchClosedForms() {
        // n = 2: the roots of He_2 = x² − 1 are ±1, weights 1/2.
        GaussHermite two = GaussHermite.of(2);
        assertEquals(-1, two.nodes()[0], 1e-15);
        assertEquals(1, two.nodes()[1], 1e-15);
        assertEquals(0.5, two.weights()[0], 1e-15);
        // n = 3: roots of He_3 = x³ − 3x are 0, ±√3, weights 1/6, 2/3, 1/6.
        GaussHermite three = GaussHermite.of(3);
        assertEquals(-Math.sqrt(3), three.nodes()[0], 1e-15);
        assertEquals(0, three.nodes()[1], 0);
        assertEquals(1.0 / 6, three.weights()[0], 1e-15);
        assertEquals(2.0 / 3, three.weights()[1], 1e-15);
        // n = 1: the mean.
        assertEquals(0, GaussHermite.of(1).nodes()[0], 0);
        assertEquals(1, GaussHermite.of(1).weights()[0], 1e-15);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 20, 64, 128, 255, 256})
    void nodesAscendSymmetricAndWeightsArePositiveSummingToOne(int n) {
        GaussHermite rule = GaussHermite.of(n);
        double[] x = rule.nodes();
        double[] w = rule.weights();
        assertEquals(n, rule.order());
        double sum = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(w[i] > 0, "weight " + i);
            assertEquals(-x[n - 1 - i], x[i], 0, "symmetry " + i);
            assertEquals(w[n - 1 - i], w[i], 0, "weight symmetry " + i);
            if (i > 0) {
                assertTrue(x[i] > x[i - 1], "ascending at " + i);
            }
            sum += w[i];
        }
        assertEquals(1, sum, 1e-14);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 10, 20})
    void exactForPolynomialsUpToDegree2nMinus1(int n) {
        GaussHermite rule = GaussHermite.of(n);
        for (int k = 0; k <= 2 * n - 1; k++) {
            int power = k;
            double expected = NormalReference.normalMoment(k);
            double actual = rule.expectation(u -> Math.pow(u, power));
            // rounding is relative to the size of the terms, ~E[u^(k rounded up to even)]
            double scale = NormalReference.normalMoment(k + k % 2);
            assertEquals(expected, actual, 1e-13 * scale, "E[u^" + k + "], n = " + n);
        }
        // ... and not beyond: the rule misses E[u^{2n}] (by n!, the squared norm of He_n).
        double exact = NormalReference.normalMoment(2 * n);
        double actual = rule.expectation(u -> Math.pow(u, 2 * n));
        double nFactorial = 1;
        for (int j = 2; j <= n; j++) {
            nFactorial *= j;
        }
        assertEquals(exact - nFactorial, actual, 1e-12 * exact, "E[u^2n] is missed by exactly n!");
    }

    @Test
    void defaultRuleIsCachedAndOfTheDocumentedOrder() {
        assertSame(GaussHermite.standard(), GaussHermite.of(GaussHermite.DEFAULT_ORDER));
        assertEquals(GaussHermite.DEFAULT_ORDER, GaussHermite.standard().order());
    }

    @Test
    void defaultRuleMatchesIndependentIntegrationForTanhSquared() {
        double reference = NormalReference.expectation(u -> square(Math.tanh(u)));
        double actual = GaussHermite.standard().expectation(u -> square(Math.tanh(u)));
        assertEquals(reference, actual, 1e-10);
        // and the derivative moment E[tanh'(u)²]
        double refSech4 = NormalReference.expectation(u -> square(1 - square(Math.tanh(u))));
        assertEquals(refSech4, GaussHermite.standard().expectation(u -> square(1 - square(Math.tanh(u)))), 1e-10);
    }

    @Test
    void defaultRuleIsExactForReluAndLinearSecondMoments() {
        GaussHermite rule = GaussHermite.standard();
        assertAll(
                () -> assertEquals(0.5, rule.expectation(u -> square(Math.max(u, 0))), 1e-14),
                () -> assertEquals(0.5, rule.expectation(u -> u > 0 ? 1 : 0), 1e-14),
                () -> assertEquals(1, rule.expectation(u -> u * u), 1e-14),
                () -> assertEquals(0, rule.expectation(u -> u), 1e-15));
    }

    @Test
    void rejectsOrdersOutOfRange() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> GaussHermite.of(0));
        assertTrue(zero.getMessage().contains("order") && zero.getMessage().contains("0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GaussHermite.of(GaussHermite.MAX_ORDER + 1));
    }

    @Test
    void returnedArraysAreCopies() {
        GaussHermite rule = GaussHermite.of(4);
        rule.nodes()[0] = 99;
        rule.weights()[0] = 99;
        assertTrue(rule.nodes()[0] < 0);
        assertTrue(rule.weights()[0] < 1);
    }

    private static double square(double x) {
        return x * x;
    }
}
