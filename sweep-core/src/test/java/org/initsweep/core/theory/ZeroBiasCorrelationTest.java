package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.theory.TheoryValue.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Without a bias on the ordered side (q* = 0) two inputs' correlation does not relax exponentially, so
 * ξ_c is infinite there (DepthScales) — checked on sampled networks: width 500, 20 layers,
 * W ~ N(0, m/n), two inputs at a correlation of about 0.5, three seeds each. An exponential approach
 * at ξ_c = −1/ln χ₁ (the σ_b² → 0⁺ limit) would leave 1 − c<sup>20</sup> ≈ (1 − c¹)·χ₁¹⁹: 0.007 for
 * linear and tanh at m = 0.8, 10⁻⁶ for ReLU at m = 1.
 */
class ZeroBiasCorrelationTest {

    private static final int WIDTH = 500;
    private static final int LAYERS = 20;

    /** Correlation of the two inputs' pre-activations at layers 1 and {@value #LAYERS}. */
    private static double[] correlations(DoubleUnaryOperator phi, double m, long seed) {
        Random rnd = new Random(seed);
        double[] a1 = new double[WIDTH];
        double[] a2 = new double[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            double g = rnd.nextGaussian();
            a1[i] = g;
            a2[i] = 0.5 * g + Math.sqrt(0.75) * rnd.nextGaussian();
        }
        double sd = Math.sqrt(m / WIDTH);
        double first = Double.NaN;
        double last = Double.NaN;
        for (int l = 1; l <= LAYERS; l++) {
            double[] h1 = new double[WIDTH];
            double[] h2 = new double[WIDTH];
            for (int j = 0; j < WIDTH; j++) {
                double s1 = 0;
                double s2 = 0;
                for (int i = 0; i < WIDTH; i++) {
                    double w = sd * rnd.nextGaussian();
                    s1 += w * a1[i];
                    s2 += w * a2[i];
                }
                h1[j] = s1;
                h2[j] = s2;
            }
            double c = cosine(h1, h2);
            if (l == 1) {
                first = c;
            }
            last = c;
            for (int j = 0; j < WIDTH; j++) {
                a1[j] = phi.applyAsDouble(h1[j]);
                a2[j] = phi.applyAsDouble(h2[j]);
            }
        }
        return new double[] {first, last};
    }

    private static double cosine(double[] x, double[] y) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            xy += x[i] * y[i];
            xx += x[i] * x[i];
            yy += y[i] * y[i];
        }
        return xy / Math.sqrt(xx * yy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "tanh"})
    void linearAndTanhKeepTheirCorrelation(String name) {
        Activation activation = Activation.fromLabel(name);
        DepthScales d = DepthScales.of(Nonlinearity.of(activation), 0.8, 0);
        assertEquals(Status.DIVERGENT, d.xiC().status());
        assertEquals(-6 / Math.log(0.8), d.trainableDepthBound().value(), 1e-11, "the gradients' 6·ξ_∇");
        DoubleUnaryOperator phi = name.equals("linear") ? z -> z : Math::tanh;
        for (long seed = 1; seed <= 3; seed++) {
            double[] c = correlations(phi, 0.8, seed);
            // finite width lets c wander (≈ 0.03 a layer at n = 500), but not towards 1
            assertTrue(Math.abs(c[1] - c[0]) < 0.3 && c[1] < 0.9, name + " seed " + seed + ": c¹ = " + c[0]
                    + ", c²⁰ = " + c[1]);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1})
    void reluApproachesOneOnlyAsItsLengthFreeMapDoes(double m) {
        DepthScales d = DepthScales.of(Nonlinearity.of(Activation.RELU), m, 0);
        assertEquals(Status.DIVERGENT, d.xiC().status());
        assertEquals(-6 / Math.log(m / 2), d.trainableDepthBound().value(), 1e-11);
        for (long seed = 1; seed <= 3; seed++) {
            double[] c = correlations(z -> Math.max(z, 0), m, seed);
            // the arc-cosine kernel's correlation map (Cho & Saul 2009), the same at every length and m
            double expected = c[0];
            for (int l = 2; l <= LAYERS; l++) {
                expected = (Math.sqrt(1 - expected * expected) + (Math.PI - Math.acos(expected)) * expected) / Math.PI;
            }
            assertEquals(expected, c[1], 0.06, "m = " + m + ", seed " + seed + ", c¹ = " + c[0]);
            assertTrue(1 - c[1] > 0.02, "1 − c²⁰ = " + (1 - c[1]));
        }
    }
}
