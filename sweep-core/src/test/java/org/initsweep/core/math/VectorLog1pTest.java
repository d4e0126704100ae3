package org.initsweep.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorLog1p} gives {@link Log1p#of}'s bits (and so {@code StrictMath.log1p}'s, {@link Log1pTest})
 * entry by entry: over the binary cross-entropy's range ln(1 + e^{−|z|}), over random bit patterns in [0, 1),
 * and at every edge of fdlibm's branches, each placed in every lane of a vector and in the scalar tail.
 */
class VectorLog1pTest {

    private static final double[] EDGES = {0.0, -0.0, Double.MIN_VALUE, 0x1p-29, Math.nextDown(0x1p-29),
        Math.nextUp(0x1p-29), 0x1p-54, Math.nextDown(0x1p-54), fromHigh(0x3FDA827A),
        Math.nextDown(fromHigh(0x3FDA827A)), Math.nextUp(fromHigh(0x3FDA827A)), 1 - 0x1p-53, 1 - 0x1p-52,
        1 - 0x1p-21, 1 - 0x1p-20, 1 - 0x1p-19, 1.0,
        Math.nextUp(1.0), 2.0, 0.5, Double.NaN, -0.5, -1.0, -2.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Math.sqrt(2) - 1, Math.nextDown(Math.sqrt(2) - 1), 1e300, Math.exp(-20.1), Math.exp(-20.2)};

    @Test
    void crossEntropyTermsHaveTheScalarBits() {
        assumeTrue(vectors(), "no Vector API here");
        SplittableRandom r = new SplittableRandom(11);
        double[] x = new double[100_003];
        for (int i = 0; i < x.length; i++) {
            double scale = new double[] {1e-3, 0.3, 1, 4, 30}[i % 5];
            x[i] = Math.exp(-Math.abs((double) (float) (r.nextGaussian() * scale)));
        }
        check(x);
    }

    @Test
    void randomBitPatternsBelowOneHaveTheScalarBits() {
        assumeTrue(vectors(), "no Vector API here");
        SplittableRandom r = new SplittableRandom(12);
        long one = Double.doubleToRawLongBits(1.0);
        double[] x = new double[200_001];
        for (int i = 0; i < x.length; i++) {
            x[i] = Double.longBitsToDouble(r.nextLong(one));
        }
        check(x);
    }

    @Test
    void everyBranchEdgeInEveryLaneHasTheScalarBits() {
        assumeTrue(vectors(), "no Vector API here");
        int lanes = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
        for (double edge : EDGES) {
            for (int lane = 0; lane <= lanes; lane++) {
                double[] x = new double[2 * lanes + 3];
                for (int i = 0; i < x.length; i++) {
                    x[i] = 0.1 + 0.1 * i / x.length; // ordinary values beside it
                }
                x[lanes + lane] = edge; // lane `lanes` is the first entry of the tail
                check(x);
            }
        }
    }

    @Test
    void theArrayFormMayWriteInPlace() {
        double[] x = {0.25, 0.75, 1e-10, 0.5, 0.9, 0.1, 0.3, 0.6, 0.7};
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = StrictMath.log1p(x[i]);
        }
        Log1p.of(x, x, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(x[i]), "entry " + i);
        }
    }

    private static void check(double[] x) {
        double[] out = new double[x.length];
        VectorLog1p.of(x, out, x.length);
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            assertEquals(Double.doubleToLongBits(Log1p.of(xi)), Double.doubleToLongBits(out[i]),
                    () -> "log1p(" + xi + " = " + Double.toHexString(xi) + ")");
        }
    }

    private static boolean vectors() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorLog1p.usable();
    }

    private static double fromHigh(int high) {
        return Double.longBitsToDouble((long) high << 32);
    }
}
