package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.theory.MeanField.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Length map, its fixed point, χ₁ and the regime. */
class MeanFieldTest {

    private static final Activation LEAKY = Activation.leakyRelu(0.2);

    @ParameterizedTest
    @CsvSource({"0.5, 0, 2", "1, 0.1, 0.3", "2, 0.05, 7", "3.7, 1.5, 0"})
    void linearLengthMapIsAffine(double m, double sigmaB2, double q) {
        assertEquals(m * q + sigmaB2, new MeanField(Activation.LINEAR, m, sigmaB2).qMap(q), 1e-13 * (1 + q * m));
    }

    @ParameterizedTest
    @CsvSource({"0.5, 0, 2", "2, 0.1, 0.3", "2, 0.05, 7", "3.7, 1.5, 0", "1, 0, 1e5"})
    void reluLengthMapHalvesTheSecondMoment(double m, double sigmaB2, double q) {
        assertEquals(m * q / 2 + sigmaB2, new MeanField(Activation.RELU, m, sigmaB2).qMap(q), 1e-13 * (1 + q * m));
        assertEquals(m * q * (1 + 0.04) / 2 + sigmaB2, new MeanField(LEAKY, m, sigmaB2).qMap(q), 1e-13 * (1 + q * m));
    }

    @Test
    void tanhLengthMapMatchesIndependentIntegration() {
        MeanField mf = new MeanField(Activation.TANH, 1.7, 0.05);
        for (double q : new double[] {0.01, 0.3, 1, 5}) {
            double expected = 1.7 * NormalReference.expectation(z -> Math.pow(Math.tanh(z), 2), q) + 0.05;
            assertEquals(expected, mf.qMap(q), 1e-12);
        }
    }

    @ParameterizedTest
    @CsvSource({"0.3, 0", "0.9, 0.2", "1.5, 0", "1.5, 0.05", "2.5, 0.3", "10, 1", "1.05, 0"})
    void tanhFixedPointSolvesTheLengthEquation(double m, double sigmaB2) {
        MeanField mf = new MeanField(Activation.TANH, m, sigmaB2);
        double q = mf.fixedPoint();
        assertTrue(q >= 0 && Double.isFinite(q));
        assertEquals(q, mf.qMap(q), 1e-10 * Math.max(q, 1e-3));
        // the same fixed point is reached from below and from above (it is the attracting one)
        assertEquals(q, mf.fixedPoint(q / 3 + 1e-3), 1e-9 * Math.max(q, 1e-3));
        assertEquals(q, mf.fixedPoint(10 * q + 1), 1e-9 * Math.max(q, 1e-3));
    }

    @Test
    void sigmoidFixedPointSolvesTheLengthEquation() {
        MeanField mf = new MeanField(Activation.SIGMOID, 4, 0.1);
        double q = mf.fixedPoint();
        assertTrue(q > 0.1);
        assertEquals(q, mf.qMap(q), 1e-10 * q);
    }

    @Test
    void tanhWithoutBiasCollapsesToZeroUpToTheEdgeOfChaos() {
        for (double m : new double[] {0.2, 0.9, 0.999, 1.0}) {
            MeanField mf = new MeanField(Activation.TANH, m, 0);
            assertEquals(0, mf.fixedPoint(), 0, "m = " + m);
            assertEquals(m, mf.chi1(), 1e-14, "χ₁ = m·tanh'(0)² at q* = 0, m = " + m);
        }
        MeanField critical = new MeanField(Activation.TANH, 1, 0);
        assertEquals(Regime.CRITICAL, critical.regime());
    }

    @Test
    void chaoticTanhGrowsAwayFromATinyStartingLength() {
        MeanField mf = new MeanField(Activation.TANH, 1.5, 0);
        double q = mf.fixedPoint();
        assertTrue(q > 0.1);
        assertEquals(q, mf.fixedPoint(1e-20), 1e-9 * q);
        assertEquals(0, mf.fixedPoint(0), 0); // the unstable fixed point at 0
    }

    @Test
    void tanhFixedPointJustAboveCriticalityFollowsTheSmallQExpansion() {
        // tanh² x = x² − (2/3)x⁴ + …, E[u⁴] = 3, so q = m(q − 2q²) gives q* ≈ (m − 1)/(2m).
        double m = 1.001;
        double expected = (m - 1) / (2 * m);
        assertEquals(expected, new MeanField(Activation.TANH, m, 0).fixedPoint(), 2e-3 * expected);
    }

    @Test
    void homogeneousActivationsHaveClosedFormFixedPoints() {
        assertEquals(0.2, new MeanField(Activation.RELU, 1, 0.1).fixedPoint(), 1e-14);
        assertEquals(0.6, new MeanField(Activation.LINEAR, 0.5, 0.3).fixedPoint(), 1e-14);
        assertEquals(0.3 / (1 - 1.5 * 0.52), new MeanField(Activation.leakyRelu(0.2), 1.5, 0.3).fixedPoint(), 1e-13);
        assertEquals(0, new MeanField(Activation.RELU, 1.9, 0).fixedPoint(), 0);
        // exactly critical without bias: every length is fixed (to the quadrature's rounding of E[φ²])
        assertEquals(3.5, new MeanField(Activation.RELU, 2, 0).fixedPoint(3.5), 1e-14);
        assertEquals(3.5, new MeanField(Activation.LINEAR, 1, 0).fixedPoint(3.5), 1e-14);
        // exploding or critical with bias: the length diverges
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Activation.RELU, 3, 0).fixedPoint(), 0);
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Activation.RELU, 2, 0.1).fixedPoint(), 0);
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Activation.LINEAR, 1.01, 0).fixedPoint(), 0);
        // ... unless it starts at exactly zero with no bias
        assertEquals(0, new MeanField(Activation.RELU, 3, 0).fixedPoint(0), 0);
    }

    @Test
    void chi1OfHomogeneousActivationsIsIndependentOfTheLength() {
        for (double m : new double[] {0.5, 1, 2, 3}) {
            for (double sigmaB2 : new double[] {0, 0.2}) {
                assertEquals(m, new MeanField(Activation.LINEAR, m, sigmaB2).chi1(), 1e-14);
                assertEquals(m / 2, new MeanField(Activation.RELU, m, sigmaB2).chi1(), 1e-14);
                assertEquals(m * 1.04 / 2, new MeanField(LEAKY, m, sigmaB2).chi1(), 1e-14);
            }
        }
        MeanField relu = new MeanField(Activation.RELU, 1.3, 0);
        for (double q : new double[] {0, 1e-8, 1, 1e8, Double.POSITIVE_INFINITY}) {
            assertEquals(0.65, relu.chi1(q), 1e-14, "q = " + q);
        }
    }

    @Test
    void chi1OfTanhMatchesIndependentIntegrationAtTheFixedPoint() {
        MeanField mf = new MeanField(Activation.TANH, 2, 0.1);
        double q = mf.fixedPoint();
        double expected = 2 * NormalReference.expectation(z -> Math.pow(1 - Math.pow(Math.tanh(z), 2), 2), q);
        assertEquals(expected, mf.chi1(), 1e-12);
    }

    @Test
    void regimeFollowsChi1WithTheDefaultAndACustomBand() {
        assertEquals(Regime.VANISHING, new MeanField(Activation.LINEAR, 0.5, 0).regime());
        assertEquals(Regime.CRITICAL, new MeanField(Activation.LINEAR, 1, 0).regime());
        assertEquals(Regime.EXPLODING, new MeanField(Activation.LINEAR, 2, 0).regime());
        assertEquals(Regime.VANISHING, new MeanField(Activation.RELU, 1.99, 0).regime());
        assertEquals(Regime.CRITICAL, new MeanField(Activation.RELU, 1.999, 0).regime());
        assertEquals(Regime.EXPLODING, new MeanField(Activation.RELU, 2.01, 0).regime());
        assertEquals(Regime.CRITICAL, new MeanField(Activation.RELU, 2.01, 0).regime(0.01));
        assertEquals(Regime.VANISHING, new MeanField(Activation.TANH, 0.5, 0).regime());
        assertEquals(Regime.EXPLODING, new MeanField(Activation.TANH, 3, 0).regime());
    }

    @Test
    void regimeBandIsClosed() {
        assertEquals(Regime.CRITICAL, MeanField.regimeOf(0.75, 0.25));
        assertEquals(Regime.CRITICAL, MeanField.regimeOf(1.25, 0.25));
        assertEquals(Regime.VANISHING, MeanField.regimeOf(Math.nextDown(0.75), 0.25));
        assertEquals(Regime.EXPLODING, MeanField.regimeOf(1.2500001, 0.25));
        assertEquals(Regime.CRITICAL, MeanField.regimeOf(1, 0));
        assertEquals("vanishing", Regime.VANISHING.label());
        assertEquals("critical", Regime.CRITICAL.label());
        assertEquals("exploding", Regime.EXPLODING.label());
        assertEquals(1e-3, MeanField.DEFAULT_REGIME_TOL);
    }
}
