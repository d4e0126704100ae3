package org.initsweep.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Log1p} returns {@link StrictMath#log1p}'s bits, on every branch of the algorithm. */
class Log1pTest {

    private static void same(double x) {
        assertEquals(Double.doubleToRawLongBits(StrictMath.log1p(x)), Double.doubleToRawLongBits(Log1p.of(x)),
                () -> "log1p(" + x + ") = " + StrictMath.log1p(x) + ", got " + Log1p.of(x));
    }

    @Test
    void specialValuesAndBranchEdges() {
        double[] xs = {0.0, -0.0, -1.0, -1.5, -1e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 1e-17, -1e-17, 0x1p-29, -0x1p-29, 0x1p-54, 0x1p-55,
            0.41421, 0.41422, 0.41423, -0.2929, -0.29289, -0.29291, 1.0, 2.0, 0x1p53, 0x1p54, 0x1p60, 1e300,
            Math.sqrt(2) - 1, Math.E - 1, -0.5, 0.5, 1e-10, -1e-10, Math.nextDown(-1.0), Math.nextUp(-1.0)};
        for (double x : xs) {
            same(x);
        }
    }

    @Test
    void randomArguments() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 1_000_000; i++) {
            same(r.nextDouble()); // (0, 1]: exp(−|z|) in the binary cross-entropy
            same(Math.exp(-50 * r.nextDouble()));
            same(r.nextDouble(-1, 0));
            same(Math.exp(r.nextDouble(-700, 700)));
            same(Double.longBitsToDouble(r.nextLong())); // any bit pattern
        }
    }
}
