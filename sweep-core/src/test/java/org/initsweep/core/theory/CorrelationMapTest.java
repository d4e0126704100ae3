package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.initsweep.core.activation.Activation;
import org.junit.jupiter.api.Test;

/**
 * The correlation map c ↦ c' (Poole et al. 2016, eq. 5; Schoenholz et al. 2017, eq. 4), its slope
 * χ_c and its stable fixed point c*, in both phases, against hand calculations and closed forms.
 */
class CorrelationMapTest {

    private static final Nonlinearity LINEAR = Nonlinearity.of(Activation.LINEAR);
    private static final Nonlinearity RELU = Nonlinearity.of(Activation.RELU);
    private static final Nonlinearity TANH = Nonlinearity.of(Activation.TANH);

    /** SELU (Klambauer et al. 2017): a kink in φ and a jump in φ' at 0 (λ vs λα). */
    private static final double LAMBDA = 1.0507009873554805;
    private static final double ALPHA = 1.6732632423543772;
    private static final Nonlinearity SELU = new Nonlinearity("selu",
            z -> z > 0 ? LAMBDA * z : LAMBDA * ALPHA * Math.expm1(z),
            z -> z > 0 ? LAMBDA : LAMBDA * ALPHA * Math.exp(z));

    private static CorrelationMap atFixedPoint(Nonlinearity phi, double m, double sigmaB2) {
        LengthMap lengths = new LengthMap(phi, m, sigmaB2);
        return CorrelationMap.atFixedPoint(lengths, lengths.fixedPoint().value());
    }

    @Test
    void linearMapIsAffineWithFixedPointOneAndSlopeM() {
        // q* = σ_b²/(1 − m); c' = (m q* c + σ_b²)/q* = m c + 1 − m: c* = 1, χ_c = m exactly.
        CorrelationMap map = atFixedPoint(LINEAR, 0.6, 0.2);
        assertEquals(0.5, map.q(), 1e-14);
        for (double c : new double[] {-1, -0.3, 0, 0.5, 0.99, 1}) {
            assertEquals(0.6 * c + 0.4, map.apply(c), 1e-14, "c = " + c);
            assertEquals(0.6, map.slope(c), 1e-14, "c = " + c);
        }
        CorrelationMap.FixedPoint fp = map.stableFixedPoint();
        assertEquals(1, fp.cStar(), 0);
        assertEquals(0.6, fp.chiC(), 1e-14);
    }

    @Test
    void reluMapIsTheNormalisedArcCosineKernelPlusBias() {
        // ordered ReLU: q* = σ_b²/(1 − m/2); c' = (m q* k(c) + σ_b²)/q*, χ_c(c) = m (π − θ)/(2π).
        double m = 1.5;
        double sigmaB2 = 0.1;
        CorrelationMap map = atFixedPoint(RELU, m, sigmaB2);
        double q = sigmaB2 / (1 - m / 2);
        for (double c : new double[] {-0.8, 0, 0.4, 0.95}) {
            assertEquals((m * ClosedForms.reluKernel(q, q, c) + sigmaB2) / q, map.apply(c), 1e-13, "c = " + c);
            assertEquals(m * ClosedForms.stepKernel(c), map.slope(c), 1e-13, "c = " + c);
        }
        CorrelationMap.FixedPoint fp = map.stableFixedPoint();
        assertEquals(1, fp.cStar(), 0);
        assertEquals(m / 2, fp.chiC(), 1e-13);
    }

    @Test
    void chaoticErfFixedPointMatchesTheClosedFormMap() {
        // erf(a z): q*, c' and χ_c all closed form (Williams 1998); solve c = c'(c) on [0, 1) by bisection.
        double a = 1.0;
        double m = 3;
        double sigmaB2 = 0.05;
        double q = ClosedForms.bisect(x -> m * ClosedForms.erfSecondMoment(a, x) + sigmaB2 - x, 1e-9, 100);
        DoubleUnaryOperator map = c -> (m * ClosedForms.erfKernel(a, q, q, c) + sigmaB2) / q;
        double chi1 = m * ClosedForms.erfSlopeKernel(a, q, q, 1);
        assertTrue(chi1 > 1.2, "chaotic: χ₁ = " + chi1);
        double cStar = ClosedForms.bisect(c -> map.applyAsDouble(c) - c, 0, 0.999);
        double chiC = m * ClosedForms.erfSlopeKernel(a, q, q, cStar);

        CorrelationMap.FixedPoint fp = atFixedPoint(ClosedForms.erfActivation(a), m, sigmaB2).stableFixedPoint();
        assertEquals(cStar, fp.cStar(), 1e-12);
        assertEquals(chiC, fp.chiC(), 1e-12);
        assertTrue(fp.cStar() > 0.05 && fp.cStar() < 0.9 && fp.chiC() < 1);
    }

    @Test
    void oddActivationWithoutBiasDecorrelatesCompletelyInTheChaoticPhase() {
        // tanh, σ_b² = 0: the map is odd, c* = 0, and there u₁, u₂ are independent:
        // χ_c(0) = m·E[φ'(√q* z)]².
        double m = 2.5;
        CorrelationMap map = atFixedPoint(TANH, m, 0);
        CorrelationMap.FixedPoint fp = map.stableFixedPoint();
        assertEquals(0, fp.cStar(), 0);
        double meanSlope = NormalReference.expectation(z -> 1 - Math.pow(Math.tanh(z), 2), map.q());
        assertEquals(m * meanSlope * meanSlope, fp.chiC(), 1e-12);
    }

    @Test
    void chaoticSeluFixedPointAgreesWithAnIndependentPolarIntegration() {
        // SELU's φ' jumps at 0; c* solves c = c'(c) and χ_c is the slope there, by a different rule.
        double m = 1.5; // below 2/λ² ≈ 1.81, where SELU's length map still has a fixed point
        double sigmaB2 = 0.1;
        CorrelationMap map = atFixedPoint(SELU, m, sigmaB2);
        assertTrue(new LengthMap(SELU, m, sigmaB2).chi(map.q()) > 1, "chaotic");
        CorrelationMap.FixedPoint fp = map.stableFixedPoint();
        double q = map.q();
        double mapped = (m * BivariateNormalReference.expectation(SELU.phi(), SELU.phi(), q, fp.cStar()) + sigmaB2) / q;
        double slope = m * BivariateNormalReference.expectation(SELU.derivative(), SELU.derivative(), q, fp.cStar());
        assertEquals(fp.cStar(), mapped, 1e-9);
        assertEquals(slope, fp.chiC(), 1e-9);
        assertTrue(fp.cStar() < 1 && fp.chiC() < 1);
    }

    @Test
    void slopeIsTheDerivativeOfTheMapAndTheMapIsConvexIncreasingOnTheUnitInterval() {
        // Price's theorem, checked by central differences, for a smooth and a kinked φ.
        for (Nonlinearity phi : new Nonlinearity[] {TANH, SELU}) {
            CorrelationMap map = atFixedPoint(phi, phi == SELU ? 1.5 : 2.2, 0.1);
            double previous = Double.NEGATIVE_INFINITY;
            double previousSlope = 0;
            for (double c : new double[] {0, 0.2, 0.5, 0.8, 0.95}) {
                double h = 1e-4;
                double numeric = (map.apply(c + h) - map.apply(c - h)) / (2 * h);
                double slope = map.slope(c);
                assertEquals(numeric, slope, 1e-7, phi + " at c = " + c);
                assertTrue(map.apply(c) > previous && slope > previousSlope, phi + " convex increasing at c = " + c);
                previous = map.apply(c);
                previousSlope = slope;
            }
            assertEquals(1, map.apply(1), 1e-12, phi + ": c = 1 is fixed at q*");
        }
    }

    @Test
    void complementIsOneMinusTheMapAndKeepsItsRelativeAccuracyNextToOne() {
        // erf(a z), closed form (Williams 1998): away from c = 1 the complement is 1 − c' itself.
        double a = 1.0;
        double m = 3;
        double sigmaB2 = 0.05;
        CorrelationMap erf = atFixedPoint(ClosedForms.erfActivation(a), m, sigmaB2);
        double q = erf.q();
        for (double c : new double[] {-0.6, 0, 0.5, 0.9}) {
            double closed = 1 - (m * ClosedForms.erfKernel(a, q, q, c) + sigmaB2) / q;
            assertEquals(closed, erf.complement(c), 1e-13, "c = " + c);
        }
        // Next to 1, c' = 1 − χ₁δ + O(δ²) (δ = 1 − c): at δ = 1e-9 the complement is χ₁δ to ~1e-9
        // relative, while 1 − c' formed by subtraction carries the map's ~1e-14 absolute error (1e-5 relative).
        CorrelationMap tanh = atFixedPoint(TANH, 2.2, 0.05);
        double chi1 = new LengthMap(TANH, 2.2, 0.05).chi(tanh.q());
        for (double nominal : new double[] {1e-6, 1e-9, 1e-12}) {
            double c = 1 - nominal;
            double delta = 1 - c; // exact, unlike nominal's distance from c
            double complement = tanh.complement(c);
            assertEquals(chi1, complement / delta, 3 * delta + 1e-11, "δ = " + delta);
        }
        assertEquals(0, tanh.complement(1), 0);
    }

    @Test
    void iteratingTheMapConvergesToTheStableFixedPoint() {
        // |c − c*| shrinks by χ_c ≈ 0.9 per layer: 400 layers take 0.7 to below 1e-15.
        CorrelationMap map = atFixedPoint(TANH, 3, 0.05);
        double c = 0.99;
        for (int l = 0; l < 400; l++) {
            c = map.apply(c);
        }
        assertEquals(map.stableFixedPoint().cStar(), c, 1e-12);
    }

    @Test
    void refusesALengthThatIsNotTheFixedPoint() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new CorrelationMap(TANH, 2, 0.05, 3.0).stableFixedPoint());
        assertTrue(e.getMessage().contains("q = 3.0") && e.getMessage().contains("fixed point"), e.getMessage());
    }
}
