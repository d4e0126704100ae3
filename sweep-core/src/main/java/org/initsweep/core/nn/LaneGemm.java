package org.initsweep.core.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix product of {@link LaneNetwork}: R ≤ {@link #lanes()} independent products at once, one per
 * vector lane. Every matrix entry is a vector of the R runs' values side by side, so a product of a
 * {@code [batch, 4]} and a {@code [4, 4]} matrix (a width-4 layer) is 16 full-width FMAs per
 * instruction instead of a quarter-filled vector.
 *
 * <p>Lane r of entry (i, j) of C is the ordered chain s ← fma(A[i,q], B[q,j], s) for q = 0..k−1 from
 * s = 0, the chain {@link VectorGemm} computes for the same entry of one run's product: a run's bits do
 * not depend on its lane, on the runs in the other lanes, or on the vector width.
 *
 * <p>Matrices are float arrays of entries of {@link #lanes()} floats; an operand's entry (i, q) starts at
 * {@code (i·rowStride + q·colStride)·lanes}, so a transposed operand is a change of strides. C is dense
 * {@code [m, n]} entries.
 *
 * <p>C is computed in register tiles of 6 × 4 entries with 512-bit vectors (24 accumulators, 4 of B and
 * 1 of A in AVX-512's 32 registers: 10 loads per 24 FMAs) and 4 × 4 with narrower ones (AVX2 has 16
 * registers), then 4 × 1 and 1 × 4 tiles and single entries for the rest. The operands of a sweep's
 * layers mostly come from L2 (a width-16 layer's Z over 256 rows is 256 KB in 16 lanes), so loads per
 * FMA, not the FMAs, bound a smaller tile.
 */
final class LaneGemm {

    private static final VectorSpecies<Float> S = VectorGemm.S;
    private static final int L = S.length();
    private static final boolean SIX_ROWS = VectorGemm.vectorBits() >= 512;

    private LaneGemm() {
    }

    /** Runs per product: the lanes of the JVM's vector species (16 with AVX-512, 8 with AVX2). */
    static int lanes() {
        return L;
    }

    /**
     * C = A·B per lane.
     *
     * @param a  A {@code [m, k]} entries at (i·ars + q·acs)·lanes
     * @param b  B {@code [k, n]} entries at (q·brs + j·bcs)·lanes
     * @param c  C {@code [m, n]} entries, dense, overwritten
     */
    static void mul(float[] a, int ars, int acs, float[] b, int brs, int bcs, float[] c, int m, int n, int k) {
        int n4 = n & ~3;
        int i = 0;
        if (SIX_ROWS) {
            for (int six = VectorGemm.sixRowTiles(m); i < 6 * six; i += 6) {
                for (int j = 0; j < n4; j += 4) {
                    tile6x4(a, ars, acs, b, brs, bcs, c, n, k, i, j);
                }
            }
        }
        for (; i + 4 <= m; i += 4) {
            for (int j = 0; j < n4; j += 4) {
                tile4x4(a, ars, acs, b, brs, bcs, c, n, k, i, j);
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n4; j += 4) {
                tile1x4(a, ars, acs, b, brs, bcs, c, n, k, i, j);
            }
        }
        for (int j = n4; j < n; j++) {
            i = 0;
            for (; i + 4 <= m; i += 4) {
                tile4x1(a, ars, acs, b, brs, bcs, c, n, k, i, j);
            }
            for (; i < m; i++) {
                FloatVector s = FloatVector.zero(S);
                for (int q = 0; q < k; q++) {
                    s = FloatVector.fromArray(S, a, (i * ars + q * acs) * L)
                            .fma(FloatVector.fromArray(S, b, (q * brs + j * bcs) * L), s);
                }
                s.intoArray(c, (i * n + j) * L);
            }
        }
    }

    private static void tile6x4(float[] a, int ars, int acs, float[] b, int brs, int bcs, float[] c, int n, int k,
            int i, int j) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00, c43 = c00;
        FloatVector c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        int ar = ars * L;
        int bc = bcs * L;
        int ao = i * ar;
        int bo = j * bc;
        int aStep = acs * L;
        int bStep = brs * L;
        for (int q = 0; q < k; q++, ao += aStep, bo += bStep) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + bc);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * bc);
            FloatVector b3 = FloatVector.fromArray(S, b, bo + 3 * bc);
            FloatVector x = FloatVector.fromArray(S, a, ao);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.fromArray(S, a, ao + ar);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.fromArray(S, a, ao + 2 * ar);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.fromArray(S, a, ao + 3 * ar);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = FloatVector.fromArray(S, a, ao + 4 * ar);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            c43 = x.fma(b3, c43);
            x = FloatVector.fromArray(S, a, ao + 5 * ar);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            c53 = x.fma(b3, c53);
        }
        int co = (i * n + j) * L;
        int cr = n * L;
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c02.intoArray(c, co + 2 * L);
        c03.intoArray(c, co + 3 * L);
        c10.intoArray(c, co + cr);
        c11.intoArray(c, co + cr + L);
        c12.intoArray(c, co + cr + 2 * L);
        c13.intoArray(c, co + cr + 3 * L);
        c20.intoArray(c, co + 2 * cr);
        c21.intoArray(c, co + 2 * cr + L);
        c22.intoArray(c, co + 2 * cr + 2 * L);
        c23.intoArray(c, co + 2 * cr + 3 * L);
        c30.intoArray(c, co + 3 * cr);
        c31.intoArray(c, co + 3 * cr + L);
        c32.intoArray(c, co + 3 * cr + 2 * L);
        c33.intoArray(c, co + 3 * cr + 3 * L);
        c40.intoArray(c, co + 4 * cr);
        c41.intoArray(c, co + 4 * cr + L);
        c42.intoArray(c, co + 4 * cr + 2 * L);
        c43.intoArray(c, co + 4 * cr + 3 * L);
        c50.intoArray(c, co + 5 * cr);
        c51.intoArray(c, co + 5 * cr + L);
        c52.intoArray(c, co + 5 * cr + 2 * L);
        c53.intoArray(c, co + 5 * cr + 3 * L);
    }


    private static void tile4x4(float[] a, int ars, int acs, float[] b, int brs, int bcs, float[] c, int n, int k,
            int i, int j) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int ar = ars * L;
        int bc = bcs * L;
        for (int q = 0; q < k; q++) {
            int bo = (q * brs + j * bcs) * L;
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + bc);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * bc);
            FloatVector b3 = FloatVector.fromArray(S, b, bo + 3 * bc);
            int ao = (i * ars + q * acs) * L;
            FloatVector x = FloatVector.fromArray(S, a, ao);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.fromArray(S, a, ao + ar);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.fromArray(S, a, ao + 2 * ar);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.fromArray(S, a, ao + 3 * ar);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        int co = (i * n + j) * L;
        int cr = n * L;
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c02.intoArray(c, co + 2 * L);
        c03.intoArray(c, co + 3 * L);
        c10.intoArray(c, co + cr);
        c11.intoArray(c, co + cr + L);
        c12.intoArray(c, co + cr + 2 * L);
        c13.intoArray(c, co + cr + 3 * L);
        c20.intoArray(c, co + 2 * cr);
        c21.intoArray(c, co + 2 * cr + L);
        c22.intoArray(c, co + 2 * cr + 2 * L);
        c23.intoArray(c, co + 2 * cr + 3 * L);
        c30.intoArray(c, co + 3 * cr);
        c31.intoArray(c, co + 3 * cr + L);
        c32.intoArray(c, co + 3 * cr + 2 * L);
        c33.intoArray(c, co + 3 * cr + 3 * L);
    }

    private static void tile4x1(float[] a, int ars, int acs, float[] b, int brs, int bcs, float[] c, int n, int k,
            int i, int j) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        int ar = ars * L;
        for (int q = 0; q < k; q++) {
            FloatVector y = FloatVector.fromArray(S, b, (q * brs + j * bcs) * L);
            int ao = (i * ars + q * acs) * L;
            c0 = FloatVector.fromArray(S, a, ao).fma(y, c0);
            c1 = FloatVector.fromArray(S, a, ao + ar).fma(y, c1);
            c2 = FloatVector.fromArray(S, a, ao + 2 * ar).fma(y, c2);
            c3 = FloatVector.fromArray(S, a, ao + 3 * ar).fma(y, c3);
        }
        int co = (i * n + j) * L;
        int cr = n * L;
        c0.intoArray(c, co);
        c1.intoArray(c, co + cr);
        c2.intoArray(c, co + 2 * cr);
        c3.intoArray(c, co + 3 * cr);
    }

    private static void tile1x4(float[] a, int ars, int acs, float[] b, int brs, int bcs, float[] c, int n, int k,
            int i, int j) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        int bc = bcs * L;
        for (int q = 0; q < k; q++) {
            FloatVector x = FloatVector.fromArray(S, a, (i * ars + q * acs) * L);
            int bo = (q * brs + j * bcs) * L;
            c0 = x.fma(FloatVector.fromArray(S, b, bo), c0);
            c1 = x.fma(FloatVector.fromArray(S, b, bo + bc), c1);
            c2 = x.fma(FloatVector.fromArray(S, b, bo + 2 * bc), c2);
            c3 = x.fma(FloatVector.fromArray(S, b, bo + 3 * bc), c3);
        }
        int co = (i * n + j) * L;
        c0.intoArray(c, co);
        c1.intoArray(c, co + L);
        c2.intoArray(c, co + 2 * L);
        c3.intoArray(c, co + 3 * L);
    }
}
