package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link VectorGemm#mul} on shapes that exercise every tile (6 rows × 4 vectors with 16 lanes; 4 rows × 4, 2
 * and 1 vectors of 8 or 16 lanes), the row remainders (m mod 6 and mod 4; 14 and 15 rows as 6 + 4 + 4 (+ 1)),
 * the scalar column tail (n mod 8), and both strides of A (row-major and transposed). Each entry must equal,
 * bit for bit, the ordered fused multiply-add chain
 * {@code fma(a[i,k-1], b[k-1,j], … fma(a[i,0], b[0,j], 0))} (the determinism the kernel documents:
 * no entry depends on its tile), and that chain must be within float32 rounding of the exact
 * product computed in double.
 */
class VectorGemmTest {

    @ParameterizedTest(name = "[{0}×{2}]·[{2}×{1}] transposedA={3}")
    @CsvSource({
        "1, 1, 1, false", "3, 5, 7, false", "4, 8, 2, false", "256, 64, 2, false", "256, 64, 64, false",
        "37, 70, 13, false", "9, 131, 40, false", "5, 40, 256, true", "64, 64, 256, true",
        "7, 1, 256, true", "256, 7, 70, false", "6, 200, 3, true", "9, 117, 40, false", "37, 48, 13, true",
        "11, 16, 9, false", "14, 130, 9, false", "15, 64, 5, true"})
    void entriesAreTheOrderedFmaChain(int m, int n, int k, boolean transposedA) {
        SplittableRandom r = new SplittableRandom(31L * m + 7L * n + k);
        float[] a = gaussian(r, m * k);
        float[] b = gaussian(r, k * n);
        float[] c = gaussian(r, m * n); // garbage in C must be overwritten, not accumulated
        int rs = transposedA ? 1 : k;
        int cs = transposedA ? m : 1;
        VectorGemm.mul(a, rs, cs, b, c, m, n, k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float chain = 0f;
                double exact = 0;
                double scale = 0;
                for (int q = 0; q < k; q++) {
                    float x = a[i * rs + q * cs];
                    float y = b[q * n + j];
                    chain = Math.fma(x, y, chain);
                    exact += (double) x * y;
                    scale += Math.abs((double) x * y);
                }
                float got = c[i * n + j];
                assertEquals(Float.floatToIntBits(chain), Float.floatToIntBits(got),
                        "c[" + i + "," + j + "] = " + got + ", fma chain " + chain);
                // k roundings of at most 2^-24 of the running |sum| ≤ scale each
                assertTrue(Math.abs(got - exact) <= k * 0x1p-24 * scale + Float.MIN_NORMAL,
                        "c[" + i + "," + j + "] = " + got + " vs exact " + exact);
            }
        }
    }

    private static float[] gaussian(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return x;
    }
}
