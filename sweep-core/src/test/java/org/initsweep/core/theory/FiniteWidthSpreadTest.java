package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.initsweep.core.activation.Activation;
import org.junit.jupiter.api.Test;

/**
 * The finite-width band against closed forms (linear 2/n, ReLU 5/n per layer) and against networks
 * drawn here: the log of a layer's second moment scatters by s_l and sits s_l²/2 below theory's mean.
 */
class FiniteWidthSpreadTest {

    @Test
    void perLayerVarianceMatchesTheClosedForms() {
        for (double q : new double[] {1e-6, 0.3, 1, 50}) {
            assertEquals(2.0 / 32, FiniteWidthSpread.perLayer(Activation.LINEAR, q, 32), 1e-12, "E[z⁴]/E[z²]² = 3");
            assertEquals(5.0 / 32, FiniteWidthSpread.perLayer(Activation.RELU, q, 32), 1e-12, "(3q²/2)/(q/2)² = 6");
        }
        // tanh is linear near 0 and a ±1 switch for large q: E[φ⁴]/E[φ²]² → 1
        assertEquals(2.0 / 64, FiniteWidthSpread.perLayer(Activation.TANH, 0, 64), 1e-9);
        assertTrue(FiniteWidthSpread.perLayer(Activation.TANH, 1e6, 64) < 0.01 / 64);
        assertEquals(2.0 / 64, FiniteWidthSpread.perLayer(Activation.LINEAR, 0, 64), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> FiniteWidthSpread.perLayer(Activation.RELU, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> FiniteWidthSpread.perLayer(Activation.RELU, -1, 8));
    }

    @Test
    void spreadAddsUpOverTheLayers() {
        int[] units = {10, 32, 32, 16, 1};
        double[] s = FiniteWidthSpread.lnVarianceSd(Activation.RELU, new double[] {1, 1, 1, 1}, units);
        assertEquals(3, s.length);
        assertEquals(Math.sqrt(5.0 / 32), s[0], 1e-12);
        assertEquals(Math.sqrt(10.0 / 32), s[1], 1e-12);
        assertEquals(Math.sqrt(10.0 / 32 + 5.0 / 16), s[2], 1e-12);
    }

    @Test
    void drawnReluAndLinearNetworksScatterAsPredicted() {
        check(Activation.RELU, z -> Math.max(0, z), 2.0);
        check(Activation.LINEAR, z -> z, 1.0);
    }

    @Test
    void tanhScattersNoMoreThanTheBand() {
        double[] measured = simulate(z -> Math.tanh(z), 1.0, 32, 10, 2000, 7);
        double s = FiniteWidthSpread.lnVarianceSd(Activation.TANH, varZ(Activation.TANH, 1.0, 10), units(32, 10))[9];
        assertTrue(sd(measured) <= 1.05 * s, "tanh at m = 1: sd " + sd(measured) + ", band " + s);
    }

    /**
     * Width 64, depth 10, input with ‖x‖²/n = 1; ln of the last layer's mean of a² over 3,000 draws. (At
     * width 32 the 1/n² terms left out by the delta method already add 6% to ReLU's sd.)
     */
    private static void check(Activation phi, DoubleUnaryOperator f, double m) {
        int width = 64;
        int depth = 10;
        double[] ln = simulate(f, m, width, depth, 3000, 1);
        double[] q = varZ(phi, m, depth);
        double predictedSecondMoment = new MeanField(phi, m, 0).meanPhiSquared(q[depth - 1]);
        double s = FiniteWidthSpread.lnVarianceSd(phi, q, units(width, depth))[depth - 1];
        // ReLU: s² = 10·5/64 = 0.78125; linear: 10·2/64 = 0.3125 (exactly 10·ψ'(32) = 0.3175)
        assertEquals(phi == Activation.RELU ? Math.sqrt(0.78125) : Math.sqrt(0.3125), s, 1e-9);
        assertEquals(s, sd(ln), 0.05 * s, phi.label() + ": sd of ln E_units[a²]");
        assertEquals(-s * s / 2, mean(ln) - Math.log(predictedSecondMoment), 0.1,
                phi.label() + ": the typical network lies s²/2 below theory's mean");
    }

    private static double[] varZ(Activation phi, double m, int depth) {
        MeanField f = new MeanField(phi, m, 0);
        double[] q = new double[depth];
        q[0] = m; // ‖x‖²/n = 1
        for (int l = 1; l < depth; l++) {
            q[l] = f.qMap(q[l - 1]);
        }
        return q;
    }

    private static int[] units(int width, int depth) {
        int[] u = new int[depth + 2];
        java.util.Arrays.fill(u, width);
        u[depth + 1] = 1;
        return u;
    }

    private static double[] simulate(DoubleUnaryOperator f, double m, int width, int depth, int draws, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[draws];
        double sdW = Math.sqrt(m / width);
        for (int d = 0; d < draws; d++) {
            double[] a = new double[width];
            double norm = 0;
            for (int i = 0; i < width; i++) {
                a[i] = rng.nextGaussian();
                norm += a[i] * a[i];
            }
            for (int i = 0; i < width; i++) {
                a[i] *= Math.sqrt(width / norm);
            }
            for (int l = 0; l < depth; l++) {
                double[] next = new double[width];
                for (int j = 0; j < width; j++) {
                    double z = 0;
                    for (int i = 0; i < width; i++) {
                        z += a[i] * rng.nextGaussian() * sdW;
                    }
                    next[j] = f.applyAsDouble(z);
                }
                a = next;
            }
            double second = 0;
            for (double v : a) {
                second += v * v;
            }
            out[d] = Math.log(second / width);
        }
        return out;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        double mu = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - mu) * (v - mu);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}
