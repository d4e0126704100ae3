package org.initsweep.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link TraceRecorder#outputGradVariance}: Var(∂J/∂a) of the sigmoid output by hand. */
class TraceRecorderTest {

    @Test
    void atZeroTheGradientIsMinusOrPlusTwoOverTheBatch() {
        // σ(0) = 1/2: ∂J/∂a = (a − y)/(a(1 − a)·B) = ∓(1/2)/(1/4)/2 = ∓1 for y = 1 / y = 0, B = 2
        assertEquals(1.0, TraceRecorder.outputGradVariance(new double[] {0, 0}, new double[] {1, 0}), 1e-15);
        assertEquals(0.0, TraceRecorder.outputGradVariance(new double[] {0, 0}, new double[] {1, 1}), 1e-15);
    }

    @Test
    void matchesTheDefinitionThroughTheSigmoid() {
        double[] z = {2, -1, 0.5};
        double[] y = {1, 1, 0};
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
        assertEquals(var, TraceRecorder.outputGradVariance(z, y), 1e-12 * var);
    }

    @Test
    void aSaturatedOutputGivesAnInfiniteVarianceNotNaN() {
        // σ(800) rounds to 1 and e^800 overflows a double: the gradient for y = 0 is beyond any double
        assertEquals(Double.POSITIVE_INFINITY, TraceRecorder.outputGradVariance(new double[] {800, 0}, new double[] {0, 1}));
        assertEquals(Double.POSITIVE_INFINITY, TraceRecorder.outputGradVariance(new double[] {-800, -800}, new double[] {1, 1}));
        // a NaN output (a diverged pass) stays NaN
        assertEquals(Double.NaN, TraceRecorder.outputGradVariance(new double[] {Double.NaN, 800}, new double[] {0, 0}));
    }
}
