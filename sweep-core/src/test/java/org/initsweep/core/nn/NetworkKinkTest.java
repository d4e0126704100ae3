package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.initsweep.core.activation.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * (Leaky) ReLU at its kink: a dead layer (W = 0, b = 0) has z = 0 exactly, and every kernel must take
 * φ'(0) as the left derivative, as {@link Activation#derivative} does — 0 for ReLU (so the layer's
 * weights get no gradient), the slope for leaky ReLU. ND4J's own ReLU backward op passes the whole
 * gradient at 0.
 */
class NetworkKinkTest {

    @ParameterizedTest(name = "{0} {1} float64={2}")
    @CsvSource({"0, ND4J, true", "0, ND4J, false", "0, AUTO, false", "0, BLAS, false",
        "0.2, ND4J, true", "0.2, AUTO, false", "0.2, BLAS, false"})
    void gradientAtZeroIsTheLeftDerivative(double slope, Kernel kernel, boolean float64) {
        Activation phi = slope == 0 ? Activation.RELU : Activation.leakyRelu(slope);
        int batch = 40;
        int width = 24; // wide enough for the vector kernel's fused backward
        Network net = TestNets.network(2, 2, width, phi, float64, kernel);
        SplittableRandom rng = new SplittableRandom(3);
        // layer 1 dead: z1 = 0 exactly; layers 2 and 3 random, so ∂J/∂a1 ≠ 0
        net.initialize((l, fanIn, fanOut, w, b) -> {
            for (int i = 0; i < fanIn * fanOut; i++) {
                w[i] = l == 1 ? 0f : (float) (rng.nextDouble() - 0.5);
            }
            Arrays.fill(b, 0, fanOut, l == 2 ? 0.1f : 0f);
        });
        Network.Pass p = net.newPass(batch);
        int[] y = new int[batch];
        for (int i = 0; i < batch; i++) {
            y[i] = rng.nextBoolean() ? 1 : 0;
        }
        float[] x = TestNets.gaussian(batch * 2, 4);
        TestNets.feed(p, x, y);
        net.forward(p);
        net.backward(p);
        assertEquals(0, maxAbs(p.toDoubles(Network.Buffer.Z, 1)), "z1 is exactly 0");
        double[] da = p.toDoubles(Network.Buffer.DA, 1);
        double[] dz = p.toDoubles(Network.Buffer.DZ, 1);
        assertTrue(maxAbs(da) > 1e-4, "gradient reaches layer 1");
        for (int i = 0; i < da.length; i++) {
            assertEquals(slope * da[i], dz[i], 1e-7 * Math.abs(da[i]), "dz1[" + i + "] = φ'(0)·da1");
        }
        if (slope == 0) {
            assertEquals(0, net.gradientMoments(1)[1], "a dead ReLU layer's weights get no gradient");
            assertEquals(0, net.gradientMoments(1)[0]);
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }
}
