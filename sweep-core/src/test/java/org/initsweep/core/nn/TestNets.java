package org.initsweep.core.nn;

import java.util.SplittableRandom;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.init.WeightInitializer;

/** Test fixture: networks with reproducible, non-symmetric parameters, and their inputs. */
final class TestNets {

    private TestNets() {
    }

    /** {@code depth} hidden layers of {@code width} units, a two-class (sigmoid) head. */
    static Network network(int in, int depth, int width, Activation phi, boolean float64, Kernel kernel) {
        return Networks.create(Architecture.constant(in, depth, width, phi, OutputHead.forClasses(2)), float64, kernel);
    }

    /**
     * Sets every weight to {@code (u − 1/2)·gain/√fan_in} and every bias to {@code (u − 1/2)·biasScale},
     * u uniform on [0, 1) from {@code seed} (so Var(W) = gain²/(12·fan_in)).
     */
    static <N extends Network> N randomize(N net, long seed, double gain, double biasScale) {
        SplittableRandom rng = new SplittableRandom(seed);
        net.initialize((l, fanIn, fanOut, w, b) -> {
            for (int i = 0; i < fanIn * fanOut; i++) {
                w[i] = (float) ((rng.nextDouble() - 0.5) * gain / Math.sqrt(fanIn));
            }
            for (int j = 0; j < fanOut; j++) {
                b[j] = (float) (biasScale * (rng.nextDouble() - 0.5));
            }
        });
        return net;
    }

    /** Scaled-normal weights with multiplier m and N(0, σ_b²) biases from {@code seed}. */
    static <N extends Network> N init(N net, long seed, double m, double sigmaB2) {
        SplittableRandom rng = new SplittableRandom(seed);
        net.initialize((l, fanIn, fanOut, w, b) -> {
            WeightInitializer.fill(w, fanIn, fanOut, InitSpec.of(InitScheme.SCALED_NORMAL), m, rng);
            WeightInitializer.fillBias(b, fanOut, sigmaB2, rng);
        });
        return net;
    }

    /** Writes inputs and labels into a pass. */
    static void feed(Network.Pass p, float[] x, int[] y) {
        System.arraycopy(x, 0, p.input(), 0, x.length);
        System.arraycopy(y, 0, p.labels(), 0, y.length);
        p.inputChanged();
    }

    /** {@code n} standard normal floats from {@code seed}. */
    static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    /** Labels 0..classes−1 in a fixed, uneven pattern. */
    static int[] labels(int rows, int classes) {
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = classes == 2 ? (i * 7 % 3 == 0 ? 1 : 0) : (i * 7 + i / 3) % classes;
        }
        return y;
    }
}
