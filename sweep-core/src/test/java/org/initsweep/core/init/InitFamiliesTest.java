package org.initsweep.core.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fan modes and the Keras/PyTorch families: the variance each entry is drawn with, checked on large
 * draws within five standard errors of the sample variance, the truncation bounds, and the labels.
 */
class InitFamiliesTest {

    private static final int FAN_IN = 300;
    private static final int FAN_OUT = 100;

    private static float[] draw(InitSpec init, double m, long seed) {
        float[] w = new float[FAN_IN * FAN_OUT];
        WeightInitializer.fill(w, FAN_IN, FAN_OUT, init, m, new SplittableRandom(seed));
        return w;
    }

    private static double variance(float[] w) {
        double s = 0;
        double ss = 0;
        for (float v : w) {
            s += v;
            ss += (double) v * v;
        }
        double mean = s / w.length;
        return ss / w.length - mean * mean;
    }

    /** Var of the sample variance of N draws of a law with variance v and kurtosis κ: v²(κ − 1)/N. */
    private static double tolerance(double v, double kurtosis, int n) {
        return 5 * v * Math.sqrt((kurtosis - 1) / n);
    }

    @ParameterizedTest(name = "{0} mode={1} distribution={2} scale={3}")
    @CsvSource({
        // scheme, mode, distribution, param, expected Var(W) at m = 1.5 for fan_in 300 / fan_out 100
        "lecun_normal, fan_in, , 0, 0.005",            // 1.5/300
        "lecun_normal, fan_out, , 0, 0.015",           // 1.5/100
        "lecun_normal, fan_avg, , 0, 0.0075",          // 1.5/200
        "he_normal, fan_out, , 0, 0.03",               // 2·1.5/100: kaiming_normal_(mode='fan_out')
        "he_uniform, fan_avg, , 0, 0.015",             // 2·1.5/200
        "glorot_uniform, fan_in, , 0, 0.005",          // 1·1.5/300
        "glorot_normal, , , 0, 0.0075",                // 2·1.5/(300 + 100): its own fan_avg
        "variance_scaling, fan_avg, normal, 2, 0.015", // 2·1.5/200
        "variance_scaling, fan_in, truncated_normal, 2, 0.01",
        "variance_scaling, fan_out, uniform, 2, 0.03",
        "variance_scaling, , , 1, 0.005",              // Keras' defaults: fan_in, truncated normal
    })
    void drawsHaveTheSchemesVariance(String scheme, String mode, String distribution, double param, double expected) {
        InitScheme s = InitScheme.fromSpecName(scheme).orElseThrow();
        InitSpec init = new InitSpec(s, s.parameterName().isPresent() ? param : 0,
                mode == null ? null : FanMode.fromSpecName(mode).orElseThrow(),
                distribution == null ? null : Distribution.fromSpecName(distribution).orElseThrow(), Double.NaN, Double.NaN);
        assertEquals(expected, init.variance(FAN_IN, FAN_OUT, 1.5), 1e-15 * expected, "the formula");
        double kurtosis = switch (init.distribution()) {
            case NORMAL -> 3;
            case UNIFORM -> 1.8;
            case TRUNCATED_NORMAL -> 2.5; // below the normal's 3: the tails are cut
        };
        float[] w = draw(init, 1.5, 7);
        assertEquals(expected, variance(w), tolerance(expected, kurtosis, w.length), init.label());
    }

    @Test
    void kerasTruncatedNormalStaysWithinTwoRawSigmasWithTheExactVariance() {
        // The correction: a unit normal cut at ±2 has standard deviation 0.8796…
        assertEquals(Distribution.TRUNCATED_STD * Distribution.TRUNCATED_STD, TruncatedNormal.variance(1, -2, 2), 1e-14);
        InitSpec init = new InitSpec(InitScheme.VARIANCE_SCALING, 2, FanMode.FAN_IN, Distribution.TRUNCATED_NORMAL,
                Double.NaN, Double.NaN);
        double v = 2.0 / FAN_IN;
        double rawSigma = Math.sqrt(v) / Distribution.TRUNCATED_STD;
        float[] w = draw(init, 1, 11);
        double max = 0;
        for (float x : w) {
            max = Math.max(max, Math.abs(x));
        }
        assertTrue(max <= 2 * rawSigma * (1 + 1e-7), "max |w| " + max + " vs 2σ " + 2 * rawSigma);
        assertTrue(max > 1.9 * rawSigma, "the bound is reached, not a narrower one: " + max);
    }

    @Test
    void uniformBoundIsSqrtThreeVariance() {
        InitSpec init = new InitSpec(InitScheme.VARIANCE_SCALING, 3, FanMode.FAN_OUT, Distribution.UNIFORM,
                Double.NaN, Double.NaN);
        double r = Math.sqrt(3 * 3.0 / FAN_OUT);
        double max = 0;
        for (float x : draw(init, 1, 3)) {
            max = Math.max(max, Math.abs(x));
        }
        assertTrue(max <= r && max > 0.99 * r, "max |w| " + max + " vs r " + r);
    }

    @Test
    void pytorchTruncNormalUsesAbsoluteBounds() {
        // trunc_normal_(std = 1, a = −0.5, b = 1): the bounds are values, not multiples of std
        InitSpec init = new InitSpec(InitScheme.TRUNC_NORMAL, 1, null, null, -0.5, 1);
        float[] w = draw(init, 1, 5);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sum = 0;
        for (float x : w) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
        }
        assertTrue(min >= -0.5 && max <= 1, "[" + min + ", " + max + "]");
        // Moments of N(0, 1) on [−0.5, 1] by hand: Z = Φ(1) − Φ(−0.5) = 0.841345 − 0.308538 = 0.532807,
        // mean = (φ(−0.5) − φ(1))/Z = (0.352065 − 0.241971)/0.532807 = 0.206631,
        // Var = 1 + (−0.5·0.352065 − 1·0.241971)/Z − mean² = 1 − 0.784530 − 0.042696 = 0.172773.
        assertEquals(0.172773, init.variance(FAN_IN, FAN_OUT, 1), 2e-6);
        assertEquals(0.206631, sum / w.length, 5 * Math.sqrt(0.172773 / w.length));
        assertEquals(0.172773, variance(w), tolerance(0.172773, 2.2, w.length));
        assertEquals(0.8413447460685429, org.initsweep.core.math.StandardNormal.cdf(1), 1e-15);
        assertEquals(0.024997895148220428, org.initsweep.core.math.StandardNormal.cdf(-1.96), 1e-16);
    }

    @Test
    void labelsNameNonDefaultSettingsAndParseBack() {
        assertEquals("he_normal", InitSpec.of(InitScheme.HE_NORMAL).label(), "unchanged: run ids stay");
        assertEquals("identity_scaled(1.5)", new InitSpec(InitScheme.IDENTITY_SCALED, 1.5).label());
        assertEquals("constant(0.5)", InitSpec.of(InitScheme.CONSTANT).label());
        assertEquals("glorot_normal", InitSpec.of(InitScheme.GLOROT_NORMAL).withMode(FanMode.FAN_AVG).label());
        assertEquals("lecun_normal(mode=fan_out)", InitSpec.of(InitScheme.LECUN_NORMAL).withMode(FanMode.FAN_OUT).label());
        InitSpec vs = new InitSpec(InitScheme.VARIANCE_SCALING, 2, FanMode.FAN_AVG, Distribution.UNIFORM, Double.NaN,
                Double.NaN);
        assertEquals("variance_scaling(scale=2.0,mode=fan_avg,distribution=uniform)", vs.label());
        assertEquals("variance_scaling", InitSpec.of(InitScheme.VARIANCE_SCALING).label());
        InitSpec tn = new InitSpec(InitScheme.TRUNC_NORMAL, 0.02, null, null, -0.04, 0.04);
        assertEquals("trunc_normal(std=0.02,a=-0.04,b=0.04)", tn.label());
        for (InitSpec i : new InitSpec[] {vs, tn, InitSpec.of(InitScheme.LECUN_NORMAL).withMode(FanMode.FAN_OUT),
            new InitSpec(InitScheme.IDENTITY_SCALED, 1.5), InitSpec.of(InitScheme.HE_UNIFORM)}) {
            assertEquals(i, InitSpec.fromLabel(i.label()), i.label());
        }
    }

    @Test
    void effectiveMultiplierFollowsTheMode() {
        // m·fan_in/fan_out: the forward factor of a fan_out init on a tapering layer
        assertEquals(3.0, InitSpec.of(InitScheme.LECUN_NORMAL).withMode(FanMode.FAN_OUT).effectiveMultiplier(300, 100, 1),
                1e-15);
        assertEquals(1.5, InitSpec.of(InitScheme.LECUN_NORMAL).effectiveMultiplier(300, 100, 1.5), 0);
    }

    @Test
    void settingsASchemeDoesNotHaveAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> InitSpec.of(InitScheme.ORTHOGONAL).withMode(FanMode.FAN_OUT));
        assertThrows(IllegalArgumentException.class, () -> new InitSpec(InitScheme.HE_NORMAL, 0, null,
                Distribution.UNIFORM, Double.NaN, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new InitSpec(InitScheme.TRUNC_NORMAL, 1, null, null, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new InitSpec(InitScheme.VARIANCE_SCALING, 0));
    }
}
