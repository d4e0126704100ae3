package org.initsweep.analysis.trainability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.theory.DepthScales;
import org.initsweep.core.theory.Nonlinearity;
import org.junit.jupiter.api.Test;

/** The theory columns against hand calculation and against {@link DepthScales} at the cell's σ_w², σ_b². */
class TheoryColumnsTest {

    @Test
    void linearNetworkByHand() {
        // Linear φ, σ_b² = 0.1: q* = 0.1/(1 − σ_w²) > 0, χ₁ = χ_c = σ_w² (c* = 1), ξ_c = −1/ln σ_w², and the
        // length map's slope is σ_w², so ξ_q = ξ_c. At σ_w² = 1/2: ξ_c = 1/ln 2, 6·ξ_c = 6/ln 2.
        TheoryColumns t = TheoryColumns.of("linear", "lecun_normal", 50, null, 0.5, 0.1);
        assertEquals(0.5, t.sigmaW2(), 0);
        assertEquals(0.5, t.chi1(), 1e-12);
        assertEquals(0.2, t.qStar(), 1e-12);
        assertEquals(1.0, t.cStar(), 0);
        assertEquals(1 / Math.log(2), t.xiC(), 1e-9);
        assertEquals(1 / Math.log(2), t.xiQ(), 1e-9);
        assertEquals(6 / Math.log(2), t.bound(), 1e-8);
        assertNull(t.note());
        // σ_b² = 0: q* = 0 and a linear net keeps every correlation (ξ_c = ∞); gradients still shrink by
        // σ_w² per layer, so the bound is the gradients' 6·ξ_∇ = 6/ln 2, and the note says why.
        TheoryColumns unbiased = TheoryColumns.of("linear", "lecun_normal", 50, null, 0.5, 0.0);
        assertEquals(Double.POSITIVE_INFINITY, unbiased.xiC());
        assertEquals(0.0, unbiased.qStar(), 0);
        assertEquals(1.0, unbiased.cStar(), 0);
        assertEquals(1 / Math.log(2), unbiased.xiQ(), 1e-9);
        assertEquals(6 / Math.log(2), unbiased.bound(), 1e-8);
        assertTrue(unbiased.note().startsWith("σ_b² = 0 and q* = 0"), unbiased.note());
    }

    @Test
    void tanhColumnsEqualDepthScalesAtTheCellsSigmaW2() {
        Nonlinearity tanh = Nonlinearity.of(Activation.fromLabel("tanh"));
        for (double m : new double[] {1, 1.5, 2.5, 4}) {
            DepthScales d = DepthScales.of(tanh, m, 0.05);
            TheoryColumns t = TheoryColumns.of("tanh", "lecun_normal", 100, null, m, 0.05);
            assertEquals(m, t.sigmaW2(), 0);
            assertEquals(d.qStar().value(), t.qStar(), 0);
            assertEquals(d.chi1().value(), t.chi1(), 0);
            assertEquals(d.cStar().value(), t.cStar(), 0);
            assertEquals(m < 2 ? 1.0 : d.cStar().value(), t.cStar(), 0); // χ₁ < 1 (ordered) at m = 1, 1.5
            assertEquals(d.xiQ().value(), t.xiQ(), 0);
            assertEquals(d.xiC().value(), t.xiC(), 0);
            assertEquals(6 * d.xiC().value(), t.bound(), 1e-12 * t.bound());
        }
        // He's Var(W) = 2m/fan_in: m = 1.25 is σ_w² = 2.5.
        TheoryColumns he = TheoryColumns.of("tanh", "he_normal", 100, null, 1.25, 0.05);
        assertEquals(2.5, he.sigmaW2(), 1e-15);
        assertEquals(DepthScales.of(tanh, 2.5, 0.05).xiC().value(), he.xiC(), 0);
    }

    /**
     * tanh at σ_w² = 4, σ_b² = 0.3 (chaotic), against an independent quadrature (SciPy {@code quad}, 10⁻¹⁰):
     * q* = 2.548362, χ₁ = 1.256872, c* = 0.57540, ξ_c = 6.54968.
     */
    @Test
    void chaoticTanhAgainstAnIndependentQuadrature() {
        TheoryColumns t = TheoryColumns.of("tanh", "lecun_normal", 100, null, 4.0, 0.3);
        assertEquals(2.548362, t.qStar(), 1e-6);
        assertEquals(1.256872, t.chi1(), 1e-6);
        assertEquals(0.57540, t.cStar(), 1e-5);
        assertEquals(6.54968, t.xiC(), 1e-5);
        assertEquals(6 * 6.54968, t.bound(), 6e-5);
    }

    @Test
    void everyMissingValueSaysWhy() {
        // ReLU above σ_w² = 2: the length map diverges, no fixed point, no depth scales.
        TheoryColumns relu = TheoryColumns.of("relu", "lecun_normal", 64, null, 3.0, 0.0);
        assertNull(relu.xiC());
        assertNull(relu.bound());
        assertTrue(relu.note().startsWith("no fixed point"), relu.note());
        // χ₁ = 1 exactly for a linear net at σ_w² = 1: ξ_c diverges, the bound is +∞ and the note says so.
        TheoryColumns critical = TheoryColumns.of("linear", "lecun_normal", 64, null, 1.0, 0.0);
        assertEquals(Double.POSITIVE_INFINITY, critical.bound());
        assertTrue(critical.note().contains("critical line"), critical.note());
        // tanh without bias at m = 1: q → 0 too, but χ₁ = 1, so the critical line is the reason
        TheoryColumns tanhCritical = TheoryColumns.of("tanh", "lecun_normal", 64, null, 1.0, 0.0);
        assertEquals(Double.POSITIVE_INFINITY, tanhCritical.bound());
        assertTrue(tanhCritical.note().startsWith("critical line"), tanhCritical.note());
        // ... and its length fades to q* = 0 only polynomially (q^l ≈ 1/(2l)): ξ_q = ∞
        assertEquals(Double.POSITIVE_INFINITY, tanhCritical.xiQ());
        assertTrue(tanhCritical.note().endsWith("ξ_q diverges: the length approaches q* slower than exponentially"),
                tanhCritical.note());
        // ReLU at σ_w² = 2 without bias: q^l = q¹ at every layer, nothing to approach
        TheoryColumns reluCritical = TheoryColumns.of("relu", "lecun_normal", 64, null, 2.0, 0.0);
        assertEquals(Double.POSITIVE_INFINITY, reluCritical.xiQ());
        assertEquals(1.0, reluCritical.chi1(), 1e-12);
        assertTrue(reluCritical.note().endsWith("the length map is the identity here, every q^l = q¹ is a fixed point"
                + " and nothing relaxes"), reluCritical.note());
        // Fixed schemes have no σ_w².
        assertTrue(TheoryColumns.of("tanh", "zero", 64, null, null, 0.0).note().startsWith("fixed init scheme"));
        // trunc_normal cut to [−0.5, 1]: weights of mean > 0, outside the theory; symmetric bounds keep it
        TheoryColumns skewed = TheoryColumns.of("tanh", "trunc_normal(a=-0.5,b=1.0)", 64, null, 1.0, 0.0);
        assertNull(skewed.sigmaW2());
        assertNull(skewed.bound());
        assertTrue(skewed.note().contains("non-zero mean"), skewed.note());
        assertNotNull(TheoryColumns.of("tanh", "trunc_normal(a=-1.0,b=1.0)", 64, null, 1.0, 0.0).sigmaW2());
    }

    @Test
    void aWidthProfileHasTheoryWhereItsHiddenLayersShareOneSigmaW2() {
        // fan_in·Var(W) = m on every layer of a fan_in scheme, whatever the widths: the constant width's columns
        assertEquals(TheoryColumns.of("tanh", "lecun_normal", 128, null, 1.5, 0.05),
                TheoryColumns.of("tanh", "lecun_normal", null, "[256,128,64]", 1.5, 0.05));
        // Glorot: 2m·fan_in/(fan_in + fan_out) = 2·256/384 = 2·128/192 = 4/3 where each layer halves the width
        TheoryColumns glorot = TheoryColumns.of("tanh", "glorot_normal", null, "[256,128,64]", 1.0, 0.05);
        assertEquals(4.0 / 3, glorot.sigmaW2(), 1e-15);
        assertNull(glorot.note());
        assertTrue(glorot.bound() > 0 && Double.isFinite(glorot.bound()), glorot.toString());
        // He with mode fan_out: 2m·fan_in/fan_out = 4 on a halving profile
        assertEquals(4.0, TheoryColumns.of("relu", "he_normal(mode=fan_out)", null, "[128,64,32,16]", 1.0, 0.0).sigmaW2(), 1e-15);
        // orthogonal widening 64 → 128: m·fan_in/max(fan_in, fan_out) = m/2
        assertEquals(0.5, TheoryColumns.of("tanh", "orthogonal", null, "[64,128]", 1.0, 0.0).sigmaW2(), 1e-15);
        // one hidden layer: the constant width's σ_w², as at depth 1
        assertEquals(TheoryColumns.of("tanh", "lecun_normal", 32, null, 1.5, 0.05),
                TheoryColumns.of("tanh", "lecun_normal", null, "[32]", 1.5, 0.05));
        // the heatmap's χ₁ = 1 line: σ_w² = 2 for ReLU, at m = 2/(4/3) = 1.5 under Glorot on a halving profile
        assertEquals(1.5, TrainabilityCharts.criticalMultiplier("relu", "glorot_normal", null, "[256,128,64]", 0.0), 1e-12);
        assertEquals(1.0, TrainabilityCharts.criticalMultiplier("tanh", "lecun_normal", null, "[64,32,16]", 0.0), 1e-12);
        assertTrue(Double.isNaN(TrainabilityCharts.criticalMultiplier("tanh", "glorot_normal", null, "[256,128,128]", 0.0)));
        // Glorot on [256,128,128]: 4/3, then 1
        TheoryColumns mixed = TheoryColumns.of("tanh", "glorot_normal", null, "[256,128,128]", 1.0, 0.05);
        assertNull(mixed.sigmaW2());
        assertNull(mixed.chi1());
        assertEquals("width profile [256,128,128] with glorot_normal: σ_w² = fan_in·Var(W) differs from hidden layer to"
                + " hidden layer, and mean-field theory here takes one σ_w²", mixed.note());
    }
}
