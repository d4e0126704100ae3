package org.initsweep.core.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** {@link SigmoidCrossEntropy}: cross-entropy, accuracy and Var(∂J/∂a) of a sigmoid output by hand, finite or not. */
class SigmoidCrossEntropyTest {

    private static final OutputHead H = OutputHead.forClasses(2);

    @Test
    void twoClassesAreOneSigmoidUnit() {
        assertSame(SigmoidCrossEntropy.INSTANCE, H);
        assertEquals(1, H.units());
    }

    @Test
    void crossEntropyByHand() {
        // z = 0: σ = 1/2 whatever the label, −ln(1/2) = ln 2
        assertEquals(Math.log(2), H.loss(new double[] {0, 0}, new int[] {1, 0}), 1e-15);
        // z = 2, y = 1: ln(1 + e^{−2}); z = 2, y = 0: 2 + ln(1 + e^{−2})
        double l = Math.log1p(Math.exp(-2));
        assertEquals((l + 2 + l) / 2, H.loss(new double[] {2, 2}, new int[] {1, 0}), 1e-15);
        // far past float range on the wrong side: finite, = |z|
        assertEquals(1000.0, H.loss(new double[] {-1000}, new int[] {1}), 1e-12);
        // an overflowed output makes the loss NaN, right side or wrong: the trainer's divergence signal
        assertEquals(Double.NaN, H.loss(new double[] {Double.POSITIVE_INFINITY}, new int[] {0}));
        assertEquals(Double.NaN, H.loss(new double[] {0, Double.NEGATIVE_INFINITY}, new int[] {1, 0}));
        // the overflow-free form would give +Infinity here (max(−∞, 0) − (−∞)·1)
        assertEquals(Double.NaN, H.loss(new double[] {Double.NEGATIVE_INFINITY}, new int[] {1}));
        assertEquals(Double.NaN, H.loss(new double[] {Double.POSITIVE_INFINITY}, new int[] {1}));
    }

    @Test
    void accuracyCountsTheSignAgainstTheLabel() {
        // right, wrong (−1 says 0, label 1), wrong (0.5 says 1, label 0), right (z = 0 says 0)
        assertEquals(0.5, H.accuracy(new double[] {1, -1, 0.5, 0}, new int[] {1, 1, 0, 0}), 0);
        // infinite outputs still predict a class
        assertEquals(1.0, H.accuracy(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, new int[] {1, 0}), 0);
    }

    @Test
    void aNaNOutputHasNoAccuracy() {
        // without the check, NaN > 0 is false: "class 0", right for the two 0-labels, 2/3
        assertEquals(Double.NaN, H.accuracy(new double[] {Double.NaN, 1, Double.NaN}, new int[] {0, 1, 0}));
    }

    @Test
    void atZeroTheGradientIsMinusOrPlusTwoOverTheBatch() {
        // σ(0) = 1/2: ∂J/∂a = (a − y)/(a(1 − a)·B) = ∓(1/2)/(1/4)/2 = ∓1 for y = 1 / y = 0, B = 2
        assertEquals(1.0, H.outputGradVariance(new double[] {0, 0}, new int[] {1, 0}), 1e-15);
        assertEquals(0.0, H.outputGradVariance(new double[] {0, 0}, new int[] {1, 1}), 1e-15);
    }

    @Test
    void gradientVarianceMatchesTheDefinitionThroughTheSigmoid() {
        double[] z = {2, -1, 0.5};
        int[] y = {1, 1, 0};
        double[] g = new double[3];
        double mean = 0;
        for (int i = 0; i < 3; i++) {
            double a = 1 / (1 + Math.exp(-z[i]));
            g[i] = (a - y[i]) / (a * (1 - a) * 3);
            mean += g[i] / 3;
        }
        double var = 0;
        for (double v : g) {
            var += (v - mean) * (v - mean) / 3;
        }
        assertEquals(var, H.outputGradVariance(z, y), 1e-12 * var);
    }

    @Test
    void aSaturatedOutputGivesAnInfiniteVarianceNotNaN() {
        // σ(800) rounds to 1 and e^800 overflows a double: the gradient for y = 0 is beyond any double
        assertEquals(Double.POSITIVE_INFINITY, H.outputGradVariance(new double[] {800, 0}, new int[] {0, 1}));
        assertEquals(Double.POSITIVE_INFINITY, H.outputGradVariance(new double[] {-800, -800}, new int[] {1, 1}));
        // a NaN output (a diverged pass) stays NaN
        assertEquals(Double.NaN, H.outputGradVariance(new double[] {Double.NaN, 800}, new int[] {0, 0}));
    }

    @Test
    void deltaIsOutputMinusLabelOverTheBatch() {
        float[] dz = new float[3];
        H.delta(new float[] {0.25f, 0.5f, 1f}, new int[] {1, 0, 1}, dz, 3);
        assertEquals(-0.25f, dz[0]);
        assertEquals(0.5f / 3, dz[1]);
        assertEquals(0f, dz[2]);
    }
}
