package org.initsweep.core.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.activation.FloatTanh;

/**
 * Register-tiled float32 matrix product on the JDK's Vector API ({@code jdk.incubator.vector}):
 * {@code C = A·B} for the small and medium layers of a sweep, where OpenBLAS's per-call packing
 * costs more than the arithmetic (batch 256, one Zen 4 core, 512-bit vectors: ≈ 110 GFLOP/s at
 * widths 64–256 where OpenBLAS reaches 70–95; see docs/benchmarks.md). Optionally applies the
 * layer's elementwise work to each finished block ({@link Epilogue}).
 *
 * <p>Each tile of C — 6 rows × 4 vectors of 16 lanes (AVX-512 has the 32 registers it needs), else 4 rows × 4,
 * 2 or 1 vectors of 16 (or 8) lanes — is held in vector registers
 * while k runs over the whole inner dimension, so every entry is one ordered chain of fused
 * multiply-adds {@code c = fma(a[i,0], b[0,j], 0); c = fma(a[i,1], b[1,j], c); …}; the column and
 * row tails use the same chain in scalar code ({@link Math#fma}). The result therefore depends
 * neither on the tile an entry falls in, nor on the vector width, nor on the thread, only on the
 * operands.
 *
 * <p>Only touched through {@link FloatKernels}, which checks {@link #usable()} first: loading this
 * class needs {@code --add-modules jdk.incubator.vector} (in {@code bin/jvm.options}, and added by
 * {@code spark-submit} since Spark 4.0).
 */
final class VectorGemm {

    // One species per JVM, chosen once: C2 intrinsifies vector ops through type profiles of the
    // JDK's shared FloatVector methods, and a second species in the same JVM pollutes them
    // (measured: a 512-bit tile first run after 256-bit ones fell to 1/8 of its speed, every op
    // boxed). 512-bit where the CPU has it (Zen 4, batch 256, width 64: ≈ 113 GFLOP/s against
    // ≈ 90 in 256-bit vectors, fewer instructions per FLOP), else 256-bit (AVX2).
    static final VectorSpecies<Float> S = species();
    /** Lanes per vector: 16 or 8. */
    private static final int L = S.length();
    private static final boolean SIX_ROWS = S.vectorBitSize() >= 512;
    private static final int SIGN = 0x80000000;
    private static final int ONE_BITS = Float.floatToRawIntBits(1f);

    /** System property: the vector width in bits (512 or 256) where the CPU has 512. */
    static final String BITS_PROPERTY = "initsweep.vectorBits";

    private static VectorSpecies<Float> species() {
        int preferred = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        int bits = Kernel.vectorBitsProperty(Math.min(preferred, 512));
        return bits >= 512 && preferred >= 512 ? FloatVector.SPECIES_512 : FloatVector.SPECIES_256;
    }

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

    /** Floats per vector: 16 or 8. */
    static int lanes() {
        return L;
    }

    /**
     * Vector width in bits this kernel uses: 512 where the CPU has 512-bit vectors, else 256; system
     * property {@code initsweep.vectorBits=256} forces 256 (the results are the same bits either way).
     */
    static int vectorBits() {
        return S.vectorBitSize();
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
        mul(a, rs, cs, b, c, m, n, k, null);
    }

    /**
     * As {@link #mul(float[], int, int, float[], float[], int, int, int)}, then {@code e} applied to
     * each block of C right after it is stored (bias and φ, or φ' and column sums; see
     * {@link Epilogue}), so the elementwise work reads C from L1 rather than from a whole-matrix
     * pass. Blocks of a column are finished in increasing row order, so the column sums add rows
     * in order as {@link FloatKernels#colSum} does.
     *
     * @param e the epilogue, or null for a plain product
     */
    static void mul(float[] a, int rs, int cs, float[] b, float[] c, int m, int n, int k, Epilogue e) {
        if (e != null && !e.forward()) {
            java.util.Arrays.fill(e.db(), 0, n, 0f);
        }
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            tile4x4v(a, rs, cs, b, c, m, n, k, j, e);
        }
        if (j + 2 * L <= n) {
            tile4x2v(a, rs, cs, b, c, m, n, k, j, e);
            j += 2 * L;
        }
        for (; j + L <= n; j += L) {
            tile4x1v(a, rs, cs, b, c, m, n, k, j, e);
        }
        for (; j < n; j++) {
            tailColumn(a, rs, cs, b, c, m, n, k, j, e);
        }
    }

    /**
     * Z = Z + b, then A = φ(Z), over a whole {@code [rows × n]} matrix in vectors: for layers whose
     * product is not this kernel's (sgemm), operation for operation as {@code FloatKernels.addRow}
     * followed by φ's float32 loop with FMAs, so the values are the same bits.
     *
     * @param e a forward epilogue ({@link Epilogue#forward})
     */
    static void biasAndActivate(float[] z, int rows, int n, Epilogue e) {
        finishForward(z, 0, rows, 0, n, n, e);
    }

    /**
     * Applies {@code e} to rows i0..i0+rows-1, columns j0..j0+cols-1 of C (row-major, n columns):
     * a vector of columns at a time, the rest in scalar code with the same operations.
     */
    /**
     * The backward epilogue over a whole {@code [rows, n]} dA: dZ = dA ∘ φ' into {@code e.out()} and
     * db = Σ_rows dZ, rows in order (db zeroed first), the per-entry operations of the fused kernel.
     */
    static void derivativeAndBiasGradient(float[] da, int rows, int n, Epilogue e) {
        java.util.Arrays.fill(e.db(), 0, n, 0f);
        finishBackward(da, 0, rows, 0, n, n, e);
    }

    private static void finish(float[] c, int i0, int rows, int j0, int cols, int n, Epilogue e) {
        if (e == null) {
            return;
        }
        if (e.forward()) {
            finishForward(c, i0, rows, j0, cols, n, e);
        } else {
            finishBackward(c, i0, rows, j0, cols, n, e);
        }
    }

    // The two finishers keep every FloatVector local (the JDK's vector methods are always inlined,
    // ours might not be, and a vector passed to an out-of-line call is boxed on the heap).

    /** Z = C + b in C, then A = φ(Z): operation for operation as {@link Epilogue#activate(float)}. */
    private static void finishForward(float[] c, int i0, int rows, int j0, int cols, int n, Epilogue e) {
        float[] bias = e.bias();
        float[] out = e.out();
        Activation.Fused fn = out == c ? Activation.Fused.LINEAR : e.op();
        float slope = e.slope();
        int end = j0 + cols;
        for (int i = i0; i < i0 + rows; i++) {
            int j = j0;
            for (; j + L <= end; j += L) {
                int o = i * n + j;
                FloatVector z = FloatVector.fromArray(S, c, o).add(FloatVector.fromArray(S, bias, j));
                z.intoArray(c, o);
                switch (fn) {
                    case TANH -> {
                        // FloatTanh.fma without its clamp's two min/max (a third of the time: Java's
                        // NaN and −0 rules cost several instructions each): the rational approximation
                        // of z, then ±1 where |z| is past the clamp — what the clamped evaluation gives
                        // there, exactly (FloatTanhTest) — and NaN fails the comparison and stays NaN
                        FloatVector x = z;
                        FloatVector x2 = x.mul(x);
                        FloatVector p = x2.fma(FloatTanh.A13, FloatTanh.A11);
                        p = p.fma(x2, FloatVector.broadcast(S, FloatTanh.A9));
                        p = p.fma(x2, FloatVector.broadcast(S, FloatTanh.A7));
                        p = p.fma(x2, FloatVector.broadcast(S, FloatTanh.A5));
                        p = p.fma(x2, FloatVector.broadcast(S, FloatTanh.A3));
                        p = p.fma(x2, FloatVector.broadcast(S, FloatTanh.A1));
                        p = p.mul(x);
                        FloatVector q = x2.fma(FloatTanh.B6, FloatTanh.B4);
                        q = q.fma(x2, FloatVector.broadcast(S, FloatTanh.B2));
                        q = q.fma(x2, FloatVector.broadcast(S, FloatTanh.B0));
                        FloatVector one = x.reinterpretAsInts().and(SIGN).or(ONE_BITS).reinterpretAsFloats();
                        p.div(q).blend(one, x.abs().compare(VectorOperators.GT, FloatTanh.CLAMP_FMA)).intoArray(out, o);
                    }
                    case RELU -> z.max(0f).intoArray(out, o);
                    case LEAKY_RELU -> z.blend(z.mul(slope), z.compare(VectorOperators.LT, 0f)).intoArray(out, o);
                    case LINEAR, SIGMOID, NONE -> { }
                }
            }
            for (; j < end; j++) {
                int o = i * n + j;
                float z = c[o] + bias[j];
                c[o] = z;
                if (fn != Activation.Fused.LINEAR) {
                    out[o] = e.activate(z);
                }
            }
        }
    }

    /**
     * C is dA: dZ = dA ∘ φ' into {@code e.out} (unless it is C), and db += dZ row by row:
     * operation for operation as {@link Epilogue#derivative(float, float)} and
     * {@link FloatKernels#colSum}.
     */
    private static void finishBackward(float[] c, int i0, int rows, int j0, int cols, int n, Epilogue e) {
        float[] act = e.act();
        float[] out = e.out();
        float[] db = e.db();
        Activation.Fused fn = e.op();
        float slope = fn == Activation.Fused.RELU ? 0f : e.slope();
        int end = j0 + cols;
        for (int i = i0; i < i0 + rows; i++) {
            int j = j0;
            for (; j + L <= end; j += L) {
                int o = i * n + j;
                FloatVector da = FloatVector.fromArray(S, c, o);
                FloatVector dz = switch (fn) {
                    case TANH -> {
                        FloatVector a = FloatVector.fromArray(S, act, o);
                        yield FloatVector.broadcast(S, 1f).sub(a.mul(a)).mul(da);
                    }
                    case SIGMOID -> {
                        FloatVector a = FloatVector.fromArray(S, act, o);
                        yield FloatVector.broadcast(S, 1f).sub(a).mul(a).mul(da);
                    }
                    case RELU, LEAKY_RELU ->
                        da.mul(slope).blend(da, FloatVector.fromArray(S, act, o).compare(VectorOperators.GT, 0f));
                    case LINEAR, NONE -> da;
                };
                if (out != c) {
                    dz.intoArray(out, o);
                }
                FloatVector.fromArray(S, db, j).add(dz).intoArray(db, j);
            }
            for (; j < end; j++) {
                int o = i * n + j;
                float dz = e.derivative(c[o], act == null ? 0f : act[o]);
                if (out != c) {
                    out[o] = dz;
                }
                db[j] += dz;
            }
        }
    }

    /**
     * Column j of C in scalar code (the n mod L last columns; all of a layer with one output unit). Four rows'
     * chains run interleaved: one chain is bound by the FMA latency (4 cycles), four independent ones
     * by its throughput, each still summed in order of q.
     */
    private static void tailColumn(float[] a, int rs, int cs, float[] b, float[] c, int m, int n, int k, int j,
            Epilogue e) {
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
            finish(c, i, 4, j, 1, n, e);
        }
        for (; i < m; i++) {
            float s = 0f;
            int ao = i * rs;
            for (int q = 0; q < k; q++) {
                s = Math.fma(a[ao + q * cs], b[q * n + j], s);
            }
            c[i * n + j] = s;
            finish(c, i, 1, j, 1, n, e);
        }
    }

    /** Columns j..j+4L-1 of C, 4 rows at a time (16 accumulators), after {@link #rows6x4v}'s 6-row tiles. */
    private static void tile4x4v(float[] a, int rs, int cs, float[] b, float[] c, int m, int n, int k, int j,
            Epilogue e) {
        int i = SIX_ROWS ? rows6x4v(a, rs, cs, b, c, m, n, k, j, e) : 0;
        for (; i + 4 <= m; i += 4) {
            FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
            FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
            FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
            FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
            int a0 = i * rs;
            int a1 = a0 + rs;
            int a2 = a1 + rs;
            int a3 = a2 + rs;
            for (int q = 0; q < k; q++) {
                int bo = q * n + j;
                FloatVector b0 = FloatVector.fromArray(S, b, bo);
                FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
                FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
                FloatVector b3 = FloatVector.fromArray(S, b, bo + 3 * L);
                int qo = q * cs;
                FloatVector x = FloatVector.broadcast(S, a[a0 + qo]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                c02 = x.fma(b2, c02);
                c03 = x.fma(b3, c03);
                x = FloatVector.broadcast(S, a[a1 + qo]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                c12 = x.fma(b2, c12);
                c13 = x.fma(b3, c13);
                x = FloatVector.broadcast(S, a[a2 + qo]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                c22 = x.fma(b2, c22);
                c23 = x.fma(b3, c23);
                x = FloatVector.broadcast(S, a[a3 + qo]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                c32 = x.fma(b2, c32);
                c33 = x.fma(b3, c33);
            }
            int co = i * n + j;
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c02.intoArray(c, co + 2 * L);
            c03.intoArray(c, co + 3 * L);
            c10.intoArray(c, co + n);
            c11.intoArray(c, co + n + L);
            c12.intoArray(c, co + n + 2 * L);
            c13.intoArray(c, co + n + 3 * L);
            c20.intoArray(c, co + 2 * n);
            c21.intoArray(c, co + 2 * n + L);
            c22.intoArray(c, co + 2 * n + 2 * L);
            c23.intoArray(c, co + 2 * n + 3 * L);
            c30.intoArray(c, co + 3 * n);
            c31.intoArray(c, co + 3 * n + L);
            c32.intoArray(c, co + 3 * n + 2 * L);
            c33.intoArray(c, co + 3 * n + 3 * L);
            finish(c, i, 4, j, 4 * L, n, e);
        }
        rowTail(a, rs, cs, b, c, i, m, n, k, j, 4 * L, e);
    }

    /**
     * How many 6-row tiles to take of m rows before 4-row ones: all that fit, but two or three rows left over
     * are better taken as 8 or 9 rows (two 4-row tiles, and one single row) than one at a time.
     */
    static int sixRowTiles(int m) {
        int six = m / 6;
        return six > 0 && (m % 6 == 2 || m % 6 == 3) ? six - 1 : six;
    }

    /**
     * Columns j..j+4L-1 of C, 6 rows at a time (24 accumulators, 4 of B and a broadcast of A: AVX-512's 32
     * registers), as many tiles as leave a remainder the 4-row tiles take whole where they can.
     *
     * @return the first row not done
     */
    private static int rows6x4v(float[] a, int rs, int cs, float[] b, float[] c, int m, int n, int k, int j,
            Epilogue e) {
        int six = sixRowTiles(m);
        int i = 0;
        for (; i < 6 * six; i += 6) {
            FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
            FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
            FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
            FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
            FloatVector c40 = c00, c41 = c00, c42 = c00, c43 = c00;
            FloatVector c50 = c00, c51 = c00, c52 = c00, c53 = c00;
            int a0 = i * rs;
            for (int q = 0; q < k; q++) {
                int bo = q * n + j;
                FloatVector b0 = FloatVector.fromArray(S, b, bo);
                FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
                FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
                FloatVector b3 = FloatVector.fromArray(S, b, bo + 3 * L);
                int qo = q * cs;
                FloatVector x = FloatVector.broadcast(S, a[a0 + qo]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                c02 = x.fma(b2, c02);
                c03 = x.fma(b3, c03);
                x = FloatVector.broadcast(S, a[a0 + rs + qo]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                c12 = x.fma(b2, c12);
                c13 = x.fma(b3, c13);
                x = FloatVector.broadcast(S, a[a0 + 2 * rs + qo]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                c22 = x.fma(b2, c22);
                c23 = x.fma(b3, c23);
                x = FloatVector.broadcast(S, a[a0 + 3 * rs + qo]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                c32 = x.fma(b2, c32);
                c33 = x.fma(b3, c33);
                x = FloatVector.broadcast(S, a[a0 + 4 * rs + qo]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                c42 = x.fma(b2, c42);
                c43 = x.fma(b3, c43);
                x = FloatVector.broadcast(S, a[a0 + 5 * rs + qo]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
                c52 = x.fma(b2, c52);
                c53 = x.fma(b3, c53);
            }
            int co = i * n + j;
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c02.intoArray(c, co + 2 * L);
            c03.intoArray(c, co + 3 * L);
            c10.intoArray(c, co + n);
            c11.intoArray(c, co + n + L);
            c12.intoArray(c, co + n + 2 * L);
            c13.intoArray(c, co + n + 3 * L);
            c20.intoArray(c, co + 2 * n);
            c21.intoArray(c, co + 2 * n + L);
            c22.intoArray(c, co + 2 * n + 2 * L);
            c23.intoArray(c, co + 2 * n + 3 * L);
            c30.intoArray(c, co + 3 * n);
            c31.intoArray(c, co + 3 * n + L);
            c32.intoArray(c, co + 3 * n + 2 * L);
            c33.intoArray(c, co + 3 * n + 3 * L);
            c40.intoArray(c, co + 4 * n);
            c41.intoArray(c, co + 4 * n + L);
            c42.intoArray(c, co + 4 * n + 2 * L);
            c43.intoArray(c, co + 4 * n + 3 * L);
            c50.intoArray(c, co + 5 * n);
            c51.intoArray(c, co + 5 * n + L);
            c52.intoArray(c, co + 5 * n + 2 * L);
            c53.intoArray(c, co + 5 * n + 3 * L);
            finish(c, i, 6, j, 4 * L, n, e);
        }
        return i;
    }

    /** Columns j..j+2L-1 of C, 4 rows at a time (8 accumulators: enough chains to hide the FMA latency). */
    private static void tile4x2v(float[] a, int rs, int cs, float[] b, float[] c, int m, int n, int k, int j,
            Epilogue e) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
            FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
            int a0 = i * rs;
            for (int q = 0; q < k; q++) {
                int bo = q * n + j;
                FloatVector b0 = FloatVector.fromArray(S, b, bo);
                FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
                int ao = a0 + q * cs;
                FloatVector x = FloatVector.broadcast(S, a[ao]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = FloatVector.broadcast(S, a[ao + rs]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = FloatVector.broadcast(S, a[ao + 2 * rs]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = FloatVector.broadcast(S, a[ao + 3 * rs]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
            }
            int co = i * n + j;
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c10.intoArray(c, co + n);
            c11.intoArray(c, co + n + L);
            c20.intoArray(c, co + 2 * n);
            c21.intoArray(c, co + 2 * n + L);
            c30.intoArray(c, co + 3 * n);
            c31.intoArray(c, co + 3 * n + L);
            finish(c, i, 4, j, 2 * L, n, e);
        }
        rowTail(a, rs, cs, b, c, i, m, n, k, j, 2 * L, e);
    }

    /** Columns j..j+L-1 of C, 4 rows at a time (narrow layers and column remainders). */
    private static void tile4x1v(float[] a, int rs, int cs, float[] b, float[] c, int m, int n, int k, int j,
            Epilogue e) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
            int a0 = i * rs;
            for (int q = 0; q < k; q++) {
                FloatVector bv = FloatVector.fromArray(S, b, q * n + j);
                int ao = a0 + q * cs;
                c0 = FloatVector.broadcast(S, a[ao]).fma(bv, c0);
                c1 = FloatVector.broadcast(S, a[ao + rs]).fma(bv, c1);
                c2 = FloatVector.broadcast(S, a[ao + 2 * rs]).fma(bv, c2);
                c3 = FloatVector.broadcast(S, a[ao + 3 * rs]).fma(bv, c3);
            }
            int co = i * n + j;
            c0.intoArray(c, co);
            c1.intoArray(c, co + n);
            c2.intoArray(c, co + 2 * n);
            c3.intoArray(c, co + 3 * n);
            finish(c, i, 4, j, L, n, e);
        }
        rowTail(a, rs, cs, b, c, i, m, n, k, j, L, e);
    }

    /**
     * Rows i0..m-1 (fewer than 4, below the last 4-row tile) of columns j..j+cols-1, one row and one
     * vector at a time: the same FMA chain per entry as the tiles, in a loop too short to unroll.
     */
    private static void rowTail(float[] a, int rs, int cs, float[] b, float[] c, int i0, int m, int n, int k,
            int j, int cols, Epilogue e) {
        for (int i = i0; i < m; i++) {
            int ao = i * rs;
            for (int jv = j; jv < j + cols; jv += L) {
                FloatVector c0 = FloatVector.zero(S);
                for (int q = 0; q < k; q++) {
                    c0 = FloatVector.broadcast(S, a[ao + q * cs]).fma(FloatVector.fromArray(S, b, q * n + jv), c0);
                }
                c0.intoArray(c, i * n + jv);
            }
            finish(c, i, 1, j, cols, n, e);
        }
    }
}
