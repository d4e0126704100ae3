package org.initsweep.core.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-tiled float32 matrix product on the JDK's Vector API ({@code jdk.incubator.vector}):
 * {@code C = A·B} for the small and medium layers of a sweep, where OpenBLAS's per-call packing
 * costs more than the arithmetic (batch 256, one Zen 4 core: at width 32 OpenBLAS reaches
 * ≈ 52 GFLOP/s and this kernel ≈ 92, at width 64 ≈ 70 against ≈ 90; equal at 256; see
 * docs/benchmarks.md).
 *
 * <p>Each 4-row × 4-vector tile of C is held in 16 vector registers while k runs over the whole
 * inner dimension, so every entry is one ordered chain of fused multiply-adds
 * {@code c = fma(a[i,0], b[0,j], 0); c = fma(a[i,1], b[1,j], c); …}; the column and row tails use
 * the same chain in scalar code ({@link Math#fma}). The result therefore depends neither on the
 * tile an entry falls in nor on the thread, only on the operands.
 *
 * <p>Only touched through {@link FloatKernels}, which checks {@link #usable()} first: loading this
 * class needs {@code --add-modules jdk.incubator.vector} (in {@code bin/jvm.options}, and added by
 * {@code spark-submit} since Spark 4.0).
 */
final class VectorGemm {

    // One species only: C2 intrinsifies vector ops through type profiles of the JDK's shared
    // FloatVector methods, and a second species in the same JVM pollutes them (measured: a 512-bit
    // tile first run after 256-bit ones fell to 1/8 of its speed, every op boxed). 256-bit is
    // within 10% of 512-bit at widths 32–256 on Zen 4 and native on every AVX2 machine.
    private static final VectorSpecies<Float> S8 = FloatVector.SPECIES_256;

    private VectorGemm() {
    }

    /**
     * Whether the JIT turns this kernel into machine vectors: 256-bit vectors or wider (AVX2 and
     * later). On narrower machines the Vector API falls back to scalar Java that is far slower than
     * OpenBLAS.
     */
    static boolean usable() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    /** Vector width in bits this kernel uses: 256. */
    static int vectorBits() {
        return 256;
    }

    /**
     * {@code c[m×n] = A·b}, where {@code A(i, q) = a[i·rs + q·cs]} is {@code [m×k]} read with any
     * strides (so {@code rs = k, cs = 1} is a row-major {@code [m×k]} and {@code rs = 1, cs = m} the
     * transpose of a row-major {@code [k×m]}), {@code b} is row-major {@code [k×n]} and {@code c}
     * row-major {@code [m×n]}, overwritten. {@code c} must not alias {@code a} or {@code b}.
     *
     * @throws ArrayIndexOutOfBoundsException if an array is shorter than its shape
     */
    static void mul(float[] a, int rs, int cs, float[] b, float[] c, int m, int n, int k) {
        int j = 0;
        for (; j + 32 <= n; j += 32) {
            tile4x32(a, rs, cs, b, c, m, n, k, j);
        }
        for (; j + 8 <= n; j += 8) {
            tile4x8(a, rs, cs, b, c, m, n, k, j);
        }
        for (; j < n; j++) {
            tailColumn(a, rs, cs, b, c, m, n, k, j);
        }
    }

    /**
     * Column j of C in scalar code (n mod 8 columns; all of a layer with one output unit). Four rows'
     * chains run interleaved: one chain is bound by the FMA latency (4 cycles), four independent ones
     * by its throughput, each still summed in order of q.
     */
    private static void tailColumn(float[] a, int rs, int cs, float[] b, float[] c, int m, int n, int k, int j) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            int ao = i * rs;
            for (int q = 0; q < k; q++) {
                float y = b[q * n + j];
                int o = ao + q * cs;
                s0 = Math.fma(a[o], y, s0);
                s1 = Math.fma(a[o + rs], y, s1);
                s2 = Math.fma(a[o + 2 * rs], y, s2);
                s3 = Math.fma(a[o + 3 * rs], y, s3);
            }
            c[i * n + j] = s0;
            c[(i + 1) * n + j] = s1;
            c[(i + 2) * n + j] = s2;
            c[(i + 3) * n + j] = s3;
        }
        for (; i < m; i++) {
            float s = 0f;
            int ao = i * rs;
            for (int q = 0; q < k; q++) {
                s = Math.fma(a[ao + q * cs], b[q * n + j], s);
            }
            c[i * n + j] = s;
        }
    }

    /** Columns j..j+31 of C, 4 rows at a time, 256-bit vectors. */
    private static void tile4x32(float[] a, int rs, int cs, float[] b, float[] c, int m, int n, int k, int j) {
        final int l = 8;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            FloatVector c00 = FloatVector.zero(S8), c01 = c00, c02 = c00, c03 = c00;
            FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
            FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
            FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
            int a0 = i * rs;
            int a1 = a0 + rs;
            int a2 = a1 + rs;
            int a3 = a2 + rs;
            for (int q = 0; q < k; q++) {
                int bo = q * n + j;
                FloatVector b0 = FloatVector.fromArray(S8, b, bo);
                FloatVector b1 = FloatVector.fromArray(S8, b, bo + l);
                FloatVector b2 = FloatVector.fromArray(S8, b, bo + 2 * l);
                FloatVector b3 = FloatVector.fromArray(S8, b, bo + 3 * l);
                int qo = q * cs;
                FloatVector x = FloatVector.broadcast(S8, a[a0 + qo]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                c02 = x.fma(b2, c02);
                c03 = x.fma(b3, c03);
                x = FloatVector.broadcast(S8, a[a1 + qo]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                c12 = x.fma(b2, c12);
                c13 = x.fma(b3, c13);
                x = FloatVector.broadcast(S8, a[a2 + qo]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                c22 = x.fma(b2, c22);
                c23 = x.fma(b3, c23);
                x = FloatVector.broadcast(S8, a[a3 + qo]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                c32 = x.fma(b2, c32);
                c33 = x.fma(b3, c33);
            }
            int co = i * n + j;
            c00.intoArray(c, co);
            c01.intoArray(c, co + l);
            c02.intoArray(c, co + 2 * l);
            c03.intoArray(c, co + 3 * l);
            c10.intoArray(c, co + n);
            c11.intoArray(c, co + n + l);
            c12.intoArray(c, co + n + 2 * l);
            c13.intoArray(c, co + n + 3 * l);
            c20.intoArray(c, co + 2 * n);
            c21.intoArray(c, co + 2 * n + l);
            c22.intoArray(c, co + 2 * n + 2 * l);
            c23.intoArray(c, co + 2 * n + 3 * l);
            c30.intoArray(c, co + 3 * n);
            c31.intoArray(c, co + 3 * n + l);
            c32.intoArray(c, co + 3 * n + 2 * l);
            c33.intoArray(c, co + 3 * n + 3 * l);
        }
        for (; i < m; i++) {
            FloatVector c0 = FloatVector.zero(S8), c1 = c0, c2 = c0, c3 = c0;
            int ao = i * rs;
            for (int q = 0; q < k; q++) {
                int bo = q * n + j;
                FloatVector x = FloatVector.broadcast(S8, a[ao + q * cs]);
                c0 = x.fma(FloatVector.fromArray(S8, b, bo), c0);
                c1 = x.fma(FloatVector.fromArray(S8, b, bo + l), c1);
                c2 = x.fma(FloatVector.fromArray(S8, b, bo + 2 * l), c2);
                c3 = x.fma(FloatVector.fromArray(S8, b, bo + 3 * l), c3);
            }
            c0.intoArray(c, i * n + j);
            c1.intoArray(c, i * n + j + l);
            c2.intoArray(c, i * n + j + 2 * l);
            c3.intoArray(c, i * n + j + 3 * l);
        }
    }

    /** Columns j..j+7 of C, 4 rows at a time (narrow layers and column remainders). */
    private static void tile4x8(float[] a, int rs, int cs, float[] b, float[] c, int m, int n, int k, int j) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            FloatVector c0 = FloatVector.zero(S8), c1 = c0, c2 = c0, c3 = c0;
            int a0 = i * rs;
            for (int q = 0; q < k; q++) {
                FloatVector bv = FloatVector.fromArray(S8, b, q * n + j);
                int ao = a0 + q * cs;
                c0 = FloatVector.broadcast(S8, a[ao]).fma(bv, c0);
                c1 = FloatVector.broadcast(S8, a[ao + rs]).fma(bv, c1);
                c2 = FloatVector.broadcast(S8, a[ao + 2 * rs]).fma(bv, c2);
                c3 = FloatVector.broadcast(S8, a[ao + 3 * rs]).fma(bv, c3);
            }
            int co = i * n + j;
            c0.intoArray(c, co);
            c1.intoArray(c, co + n);
            c2.intoArray(c, co + 2 * n);
            c3.intoArray(c, co + 3 * n);
        }
        for (; i < m; i++) {
            FloatVector c0 = FloatVector.zero(S8);
            int ao = i * rs;
            for (int q = 0; q < k; q++) {
                c0 = FloatVector.broadcast(S8, a[ao + q * cs]).fma(FloatVector.fromArray(S8, b, q * n + j), c0);
            }
            c0.intoArray(c, i * n + j);
        }
    }
}
