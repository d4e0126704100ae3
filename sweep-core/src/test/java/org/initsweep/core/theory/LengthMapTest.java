package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.activation.Activations;
import org.initsweep.core.theory.TheoryValue.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The length map on plain functions: values, slope (Stein form), χ and the typed fixed point. */
class LengthMapTest {

    @Test
    void secondMomentGrowsWithTheLengthForEveryRegisteredActivation() {
        // The fixed-point solvers assume q ↦ E[φ(√q u)²] is non-decreasing (the length map is monotone,
        // so iterating it approaches the nearest fixed point without overshooting): checked for each
        // registered activation over eight decades of q.
        for (String name : Activations.names()) {
            Nonlinearity phi = Nonlinearity.of(Activations.byName(name).orElseThrow().withDefaults());
            double previous = 0;
            for (int k = 0; k <= 160; k++) {
                double q = Math.pow(10, -4 + k / 20.0);
                double moment = GaussHermite.gaussianExpectation(z -> Math.pow(phi.phi().applyAsDouble(z), 2), q);
                assertTrue(moment >= previous, name + " at q = " + q + ": " + moment + " < " + previous);
                previous = moment;
            }
        }
    }

    private static final Nonlinearity RELU = Nonlinearity.of(Activation.RELU);
    private static final Nonlinearity TANH = Nonlinearity.of(Activation.TANH);
    private static final Nonlinearity LINEAR = Nonlinearity.of(Activation.LINEAR);

    @ParameterizedTest
    @CsvSource({"0.5, 0, 2", "2, 0.1, 0.3", "3.7, 1.5, 40"})
    void reluMapIsAffineWithSlopeAndChiHalfTheWeightVariance(double m, double sigmaB2, double q) {
        LengthMap map = new LengthMap(RELU, m, sigmaB2);
        assertEquals(m * q / 2 + sigmaB2, map.apply(q), 1e-13 * (1 + m * q));
        assertEquals(m / 2, map.slope(q), 1e-13);
        assertEquals(m / 2, map.chi(q), 1e-13);
    }

    @Test
    void tanhSlopeEqualsTheDerivativeOfTheMapAndEq6WithTheSecondDerivative() {
        LengthMap map = new LengthMap(TANH, 1.7, 0.05);
        for (double q : new double[] {0.01, 0.3, 1, 5}) {
            double h = 1e-4 * q;
            double numeric = (map.apply(q + h) - map.apply(q - h)) / (2 * h);
            assertEquals(numeric, map.slope(q), 1e-8, "central difference at q = " + q);
            // eq. 6 as written, with the analytic φ'' of tanh, by an independent quadrature
            double eq6 = 1.7 * NormalReference.expectation(
                    z -> Math.pow(1 - Math.pow(Math.tanh(z), 2), 2) + Math.tanh(z) * Activation.TANH.secondDerivative(z), q);
            assertEquals(eq6, map.slope(q), 1e-12, "eq. 6 at q = " + q);
            double expected = 1.7 * NormalReference.expectation(z -> Math.pow(Math.tanh(z), 2), q) + 0.05;
            assertEquals(expected, map.apply(q), 1e-12, "map at q = " + q);
        }
    }

    @ParameterizedTest
    @CsvSource({"0.3, 0", "0.9, 0.2", "1.5, 0.05", "2.5, 0.3", "10, 1"})
    void tanhFixedPointIsWhereTheIteratedMapGoesAndSolvesTheLengthEquation(double m, double sigmaB2) {
        TheoryValue q = new LengthMap(TANH, m, sigmaB2).fixedPoint();
        assertEquals(Status.FINITE, q.status());
        double iterated = 1; // q⁰ = 1, through an independent quadrature; every case here contracts by ≤ 0.9 a layer
        for (int l = 0; l < 400; l++) {
            iterated = m * NormalReference.expectation(z -> Math.pow(Math.tanh(z), 2), iterated) + sigmaB2;
        }
        assertEquals(iterated, q.value(), 1e-9 * Math.max(1, q.value()));
        assertEquals(q.value(), new LengthMap(TANH, m, sigmaB2).apply(q.value()), 1e-12 * Math.max(q.value(), 1e-3));
    }

    @Test
    void erfFixedPointMatchesTheClosedFormLengthEquation() {
        // E[erf(a√q z)²] = (2/π) arcsin(2a²q/(1 + 2a²q)): solve q = m·that + σ_b² by bisection.
        double a = 1.3;
        double m = 2.4;
        double sigmaB2 = 0.2;
        double expected = ClosedForms.bisect(q -> m * ClosedForms.erfSecondMoment(a, q) + sigmaB2 - q, 1e-9, 100);
        TheoryValue q = new LengthMap(ClosedForms.erfActivation(a), m, sigmaB2).fixedPoint();
        assertEquals(expected, q.value(), 1e-12 * expected);
    }

    @Test
    void homogeneousFixedPointsAreClosedFormOrAbsent() {
        assertEquals(0.1 / (1 - 0.75), new LengthMap(RELU, 1.5, 0.1).fixedPoint().value(), 1e-13);
        assertEquals(0.3 / (1 - 0.5), new LengthMap(LINEAR, 0.5, 0.3).fixedPoint().value(), 1e-13);
        assertEquals(0, new LengthMap(RELU, 1.9, 0).fixedPoint().value(), 0);
        assertEquals(3.5, new LengthMap(RELU, 2, 0).fixedPoint(3.5).value(), 1e-12, "every length is fixed");
        assertEquals(Status.NO_FIXED_POINT, new LengthMap(RELU, 3, 0).fixedPoint().status());
        assertEquals(Status.NO_FIXED_POINT, new LengthMap(RELU, 2, 0.1).fixedPoint().status(), "q grows by σ_b²");
        assertEquals(Status.NO_FIXED_POINT, new LengthMap(LINEAR, 1.01, 0).fixedPoint().status());
        assertTrue(Double.isNaN(new LengthMap(RELU, 3, 0).fixedPoint().value()));
    }

    @Test
    void criticalMapsWithBiasHaveNoFixedPointFromAnyStartDespiteRounding() {
        // q ↦ q + σ_b²: at large q the bias is below the rounding of E[φ²], which must not read as a crossing
        for (double sigmaB2 : new double[] {1e-6, 0.1, 10}) {
            for (double q0 : new double[] {1, 1e6}) {
                assertEquals(Status.NO_FIXED_POINT, new LengthMap(RELU, 2, sigmaB2).fixedPoint(q0).status(),
                        "relu σ_b² = " + sigmaB2 + " from " + q0);
                assertEquals(Status.NO_FIXED_POINT, new LengthMap(LINEAR, 1, sigmaB2).fixedPoint(q0).status(),
                        "linear σ_b² = " + sigmaB2 + " from " + q0);
            }
        }
        // a bounded φ comes down from a huge start to the same q*
        LengthMap tanh = new LengthMap(TANH, 2.5, 0.3);
        assertEquals(tanh.fixedPoint().value(), tanh.fixedPoint(1e6).value(), 1e-13);
    }

    @Test
    void tanhWithoutBiasCollapsesToZeroInTheOrderedPhase() {
        for (double m : new double[] {0.2, 0.9, 0.999}) {
            LengthMap map = new LengthMap(TANH, m, 0);
            assertEquals(0, map.fixedPoint().value(), 0, "m = " + m);
            assertEquals(m, map.chi(0), 1e-14);
            assertEquals(m, map.slope(0), 1e-14);
        }
    }

    @Test
    void atZeroLengthTheSlopeKeepsTheTermOfAnActivationThatIsNotZeroAtZero() {
        // softplus: φ(0) = ln 2, φ'(0) = 1/2, φ''(0) = 1/4, so the slope tends to σ_w²·(1/4 + ln 2/4) = 0.42329·σ_w²,
        // not χ(0) = σ_w²/4; it is the limit of the map's difference quotient
        LengthMap softplus = new LengthMap(Nonlinearity.of(Activation.fromLabel("softplus")), 2, 0.1);
        assertEquals(2 * (0.25 + Math.log(2) / 4), softplus.slope(0), 1e-9);
        assertEquals(0.5, softplus.chi(0), 1e-15);
        double h = 1e-7;
        assertEquals((softplus.apply(h) - softplus.apply(0)) / h, softplus.slope(0), 1e-6);
        // sigmoid: φ(0) = 1/2 but φ''(0) = 0, so χ(0) = σ_w²/16 is the limit
        LengthMap sigmoid = new LengthMap(Nonlinearity.of(Activation.SIGMOID), 2, 0);
        assertEquals(2.0 / 16, sigmoid.slope(0), 1e-15);
    }

    @Test
    void largeLengthLimitsOfChiAndSlope() {
        // φ' → 1 at +∞ and 0 at −∞ for ReLU: σ_w²/2; for leaky ReLU(s): σ_w²(1 + s²)/2
        assertEquals(1.5, new LengthMap(RELU, 3, 0).chi(Double.POSITIVE_INFINITY), 1e-15);
        LengthMap leaky = new LengthMap(Nonlinearity.of(Activation.leakyRelu(0.2)), 3, 0);
        assertEquals(1.5 * 1.04, leaky.slope(Double.POSITIVE_INFINITY), 1e-15);
    }
}
