package org.initsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The float32 tanh approximations against the correctly rounded tanh. */
class FloatTanhTest {

    @ParameterizedTest(name = "fma {0}")
    @ValueSource(booleans = {false, true})
    void tanhApproximationIsWithinAFewUlp(boolean fma) {
        DoubleUnaryOperator approx = fma ? x -> FloatTanh.fma((float) x) : x -> FloatTanh.plain((float) x);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int worst = 0;
        for (int i = 0; i < 200_000; i++) {
            float x = (float) (r.nextGaussian() * (i % 3 == 0 ? 0.01 : i % 3 == 1 ? 1 : 6));
            float exact = (float) Math.tanh(x);
            worst = Math.max(worst, Math.abs(Float.floatToIntBits((float) approx.applyAsDouble(x)) - Float.floatToIntBits(exact)));
        }
        assertTrue(worst <= 8, "worst ulp error " + worst);
        assertEquals(1.0, approx.applyAsDouble(20f));
        assertEquals(-1.0, approx.applyAsDouble(Float.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(approx.applyAsDouble(Float.NaN)));
        assertEquals(0.0, approx.applyAsDouble(0f));
        // |tanh| ≤ 1 near saturation, where a rational approximation can overshoot: every float in [4, 9)
        float over = 0;
        for (float x = 4f; x < 9f; x = Math.nextUp(x)) {
            if (approx.applyAsDouble(x) > 1.0) {
                over = x;
            }
        }
        assertEquals(0f, over, "tanh above 1 at this float");
    }

    /**
     * The vector kernel gives ±1 past {@link FloatTanh#CLAMP_FMA} instead of evaluating at the clamp: the
     * same bits only because the fused evaluation is exactly ±1 there (and the clamp is the first such
     * float, so saturated units do reach ±1).
     */
    @Test
    void theFusedEvaluationIsExactlyOneAtItsClamp() {
        assertEquals(1f, FloatTanh.fma(FloatTanh.CLAMP_FMA));
        assertEquals(-1f, FloatTanh.fma(-FloatTanh.CLAMP_FMA));
        assertTrue(FloatTanh.fma(Math.nextDown(FloatTanh.CLAMP_FMA)) < 1f);
        assertEquals(1f, FloatTanh.fma(Float.MAX_VALUE));
    }
}
