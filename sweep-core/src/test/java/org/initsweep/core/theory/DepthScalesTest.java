package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.theory.TheoryValue.Status;
import org.junit.jupiter.api.Test;

/**
 * q*, χ₁, c*, χ_c, ξ_q and ξ_c (Schoenholz et al. 2017, eqs. 3, 4, 6, 9) on both sides of the
 * order-to-chaos transition, with the typed reasons where they are infinite or absent.
 */
class DepthScalesTest {

    private static final Nonlinearity LINEAR = Nonlinearity.of(Activation.LINEAR);
    private static final Nonlinearity RELU = Nonlinearity.of(Activation.RELU);
    private static final Nonlinearity TANH = Nonlinearity.of(Activation.TANH);

    @Test
    void linearNetworkHasFixedPointOneAndChiCExactlyM() {
        DepthScales d = DepthScales.of(LINEAR, 0.6, 0.2);
        assertEquals(0.5, d.qStar().value(), 1e-14);
        assertEquals(1, d.cStar().value(), 0);
        assertEquals(0.6, d.chiC().value(), 1e-14);
        assertEquals(0.6, d.chi1().value(), 1e-14);
        assertEquals(-1 / Math.log(0.6), d.xiC().value(), 1e-12);
        assertEquals(-1 / Math.log(0.6), d.xiQ().value(), 1e-12, "the length map q ↦ 0.6q + 0.2 has slope 0.6");
    }

    @Test
    void reluOrderedPhaseHasDepthScalesMinusOneOverLnHalfM() {
        DepthScales d = DepthScales.of(RELU, 1.5, 0.1);
        assertEquals(0.4, d.qStar().value(), 1e-14);
        assertEquals(-1 / Math.log(0.75), d.xiC().value(), 1e-11);
        assertEquals(-1 / Math.log(0.75), d.xiQ().value(), 1e-11);
        assertEquals(6 * -1 / Math.log(0.75), d.trainableDepthBound().value(), 1e-10);
    }

    @Test
    void reluAtAndBeyondCriticalityDivergesOrHasNoFixedPoint() {
        DepthScales critical = DepthScales.of(RELU, 2, 0);
        assertEquals(2, critical.qStar().value(), 2e-12, "every length is fixed: the first layer's q¹ = σ_w²·1 stays");
        assertEquals(Status.DIVERGENT, critical.xiC().status());
        assertEquals(Status.DIVERGENT, critical.xiQ().status());
        assertEquals(Status.DIVERGENT, critical.trainableDepthBound().status());
        for (DepthScales d : new DepthScales[] {DepthScales.of(RELU, 2.5, 0), DepthScales.of(RELU, 2, 0.1)}) {
            assertEquals(Status.NO_FIXED_POINT, d.qStar().status());
            assertEquals(Status.NO_FIXED_POINT, d.cStar().status());
            assertEquals(Status.NO_FIXED_POINT, d.chiC().status());
            assertEquals(Status.NO_FIXED_POINT, d.xiQ().status());
            assertEquals(Status.NO_FIXED_POINT, d.xiC().status());
            assertEquals(Status.NO_FIXED_POINT, d.trainableDepthBound().status());
        }
        // χ₁ still says how fast gradients explode: σ_w²/2 at any length
        assertEquals(1.25, DepthScales.of(RELU, 2.5, 0).chi1().value(), 1e-14);
    }

    @Test
    void zeroLengthFixedPointKeepsCorrelationsWhileGradientsVanish() {
        // tanh without bias in the ordered phase: q* = 0, where φ is linear and the correlation map the
        // identity (slope χ_c = 1: ξ_c = ∞); gradients shrink by χ₁ = m·φ'(0)² = 0.8 per layer.
        DepthScales d = DepthScales.of(TANH, 0.8, 0);
        assertEquals(0, d.qStar().value(), 0);
        assertEquals(1, d.cStar().value(), 0);
        assertEquals(1, d.chiC().value(), 0);
        assertEquals(0.8, d.chi1().value(), 1e-14);
        assertEquals(Status.DIVERGENT, d.xiC().status());
        assertEquals(-1 / Math.log(0.8), d.gradientDepthScale().value(), 1e-12);
        assertEquals(-6 / Math.log(0.8), d.trainableDepthBound().value(), 1e-11);
        // ReLU too (χ₁ = m/2); with any bias q* > 0, and ξ_c = ξ_∇ = −1/ln χ₁
        DepthScales relu = DepthScales.of(RELU, 1, 0);
        assertEquals(Status.DIVERGENT, relu.xiC().status());
        assertEquals(-6 / Math.log(0.5), relu.trainableDepthBound().value(), 1e-11);
        DepthScales biased = DepthScales.of(RELU, 1, 0.1);
        assertEquals(-1 / Math.log(0.5), biased.xiC().value(), 1e-11);
        assertEquals(biased.xiC().value(), biased.gradientDepthScale().value(), 1e-11);
        assertEquals(-6 / Math.log(0.5), biased.trainableDepthBound().value(), 1e-10);
    }

    @Test
    void gradientDepthScaleDivergesWhereGradientsDoNotVanish() {
        assertEquals(Status.DIVERGENT, DepthScales.of(TANH, 2, 0.05).gradientDepthScale().status());
        assertEquals(Status.DIVERGENT, DepthScales.of(RELU, 2, 0).gradientDepthScale().status());
        // chaotic: the bound is the correlations' 6·ξ_c
        DepthScales chaotic = DepthScales.of(TANH, 2, 0.05);
        assertEquals(6 * chaotic.xiC().value(), chaotic.trainableDepthBound().value(), 1e-9);
    }

    @Test
    void chaoticErfCorrelationDepthMatchesTheClosedForm() {
        double a = 1.0;
        double m = 3;
        double sigmaB2 = 0.05;
        double q = ClosedForms.bisect(x -> m * ClosedForms.erfSecondMoment(a, x) + sigmaB2 - x, 1e-9, 100);
        DoubleUnaryOperator map = c -> (m * ClosedForms.erfKernel(a, q, q, c) + sigmaB2) / q;
        double cStar = ClosedForms.bisect(c -> map.applyAsDouble(c) - c, 0, 0.999);
        double xiC = -1 / Math.log(m * ClosedForms.erfSlopeKernel(a, q, q, cStar));
        DepthScales d = DepthScales.of(ClosedForms.erfActivation(a), m, sigmaB2);
        assertEquals(xiC, d.xiC().value(), 1e-10 * xiC);
        assertTrue(d.chi1().value() > 1 && d.cStar().value() < 1);
    }

    @Test
    void tanhCorrelationDepthPeaksAtTheCriticalLineAndIsFiniteOnBothSides() {
        // Schoenholz et al. 2017, Fig. 1/2 at σ_b² = 0.05: ξ_c grows towards σ_w² ≈ 1.76 and falls beyond.
        double critical = CriticalLine.sigmaW2(TANH, 0.05).getAsDouble();
        double previous = 0;
        for (double m = 1; m < critical; m += 0.25) {
            DepthScales d = DepthScales.of(TANH, m, 0.05);
            assertTrue(d.chi1().value() < 1 && d.xiC().value() > previous, "ordered, rising at " + m);
            previous = d.xiC().value();
        }
        previous = Double.POSITIVE_INFINITY;
        for (double m = 2; m <= 4; m += 0.25) {
            DepthScales d = DepthScales.of(TANH, m, 0.05);
            assertTrue(d.chi1().value() > 1 && d.cStar().value() < 1, "chaotic at " + m);
            assertEquals(Status.FINITE, d.xiC().status());
            assertTrue(d.xiC().value() < previous, "falling at " + m);
            previous = d.xiC().value();
        }
    }

    @Test
    void correlationDepthDivergesAsOneOverTheDistanceOfChi1FromOneOnBothSides() {
        // Ordered: ξ_c = −1/ln χ₁ ≈ 1/(1 − χ₁). Chaotic: expanding c' = 1 − χ₁δ + Aδ² (δ = 1 − c)
        // gives δ* = (χ₁ − 1)/A and χ_c(c*) = χ₁ − 2Aδ* = 2 − χ₁, so ξ_c ≈ 1/(χ₁ − 1) too. At
        // |χ₁ − 1| ≈ 4e-4 the neglected terms are of that relative order; 5e-3 leaves room.
        double critical = CriticalLine.sigmaW2(TANH, 0.05).getAsDouble();
        for (double f : new double[] {0.999, 1.001}) {
            DepthScales d = DepthScales.of(TANH, critical * f, 0.05);
            double distance = Math.abs(d.chi1().value() - 1);
            assertTrue(distance > 1e-4 && distance < 1e-3, "near the line: |χ₁ − 1| = " + distance);
            assertEquals(1, d.xiC().value() * distance, 5e-3, "f = " + f);
        }
        // Closer, the neglected terms shrink with |χ₁ − 1| (≈ 4·|χ₁ − 1| here): at |χ₁ − 1| ≈ 4e-7 and 4e-8
        // they are below 2e-6, if c* is found from 1 − c' and not from c' − c, of order (χ₁ − 1)², which
        // the map's ~1e-14 rounding swamps (that gives ξ_c 0.5% and 17% low at these two points).
        for (double f : new double[] {1 - 1e-7, 1 + 1e-6, 1 + 1e-7}) {
            DepthScales d = DepthScales.of(TANH, critical * f, 0.05);
            double distance = Math.abs(d.chi1().value() - 1);
            assertEquals(1, d.xiC().value() * distance, 1e-5, "f = " + f);
        }
        // and the length scale stays finite there (Schoenholz et al. 2017: only ξ_c diverges there)
        DepthScales atLine = DepthScales.of(TANH, critical, 0.05);
        assertTrue(atLine.xiQ().isFinite() && atLine.xiQ().value() < 3, "ξ_q = " + atLine.xiQ());
        assertTrue(atLine.xiC().value() > 1e6 || atLine.xiC().status() == Status.DIVERGENT);
    }

    @Test
    void correlationRelaxesToItsFixedPointAtTheRateXiC() {
        // ξ_c is what the map does: |c^l − c*| ≈ |c⁰ − c*|·e^{−l/ξ_c} for a small initial offset.
        for (double m : new double[] {1.3, 2.5}) {
            DepthScales d = DepthScales.of(TANH, m, 0.05);
            CorrelationMap map = new CorrelationMap(TANH, m, 0.05, d.qStar().value());
            double cStar = d.cStar().value();
            double delta = 1e-4;
            double c = cStar - delta;
            int layers = 8;
            for (int l = 0; l < layers; l++) {
                c = map.apply(c);
            }
            assertEquals(Math.exp(-layers / d.xiC().value()), (cStar - c) / delta, 2e-3, "m = " + m);
        }
    }

    @Test
    void meanFieldDepthScaleCDelegatesAndIsNowFiniteInTheChaoticPhase() {
        double xiC = new MeanField(Activation.TANH, 2, 0.05).depthScaleC();
        assertEquals(DepthScales.of(TANH, 2, 0.05).xiC().value(), xiC, 0);
        assertTrue(xiC > 1 && Double.isFinite(xiC));
    }
}
