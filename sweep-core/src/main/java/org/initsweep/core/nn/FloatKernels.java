package org.initsweep.core.nn;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The float32 loops of {@link FloatNetwork}'s Java kernel, on row-major {@code float[]}s. Plain Java
 * arithmetic (IEEE single precision, no fused multiply-add, a fixed summation order), so every
 * result is bit-identical on every JVM, machine, vector width and thread count; the inner loops
 * are contiguous so HotSpot's C2 vectorizes them.
 *
 * <p>Summation order: every matrix product accumulates its terms in increasing order of the summed
 * index, starting from 0 ({@code c = ((0 + t₀) + t₁) + …}); column sums likewise over rows.
 */
final class FloatKernels {

    /**
     * Whether {@link VectorGemm} can run here: the {@code jdk.incubator.vector} module is in the
     * boot layer ({@code --add-modules jdk.incubator.vector}) and the CPU has vectors of ≥ 256 bits.
     */
    static final boolean VECTOR_GEMM = org.initsweep.core.VectorApi.usable(() -> VectorGemm.usable());

    private FloatKernels() {
    }

    /** {@code c[b×n] = a[b×k] · w[k×n]}. */
    static void mulNN(float[] a, float[] w, float[] c, int b, int k, int n) {
        if (n == 1) {
            for (int i = 0; i < b; i++) {
                int ao = i * k;
                float s = 0f;
                for (int q = 0; q < k; q++) {
                    s += a[ao + q] * w[q];
                }
                c[i] = s;
            }
            return;
        }
        java.util.Arrays.fill(c, 0, b * n, 0f);
        for (int i = 0; i < b; i++) {
            int ao = i * k;
            int co = i * n;
            for (int q = 0; q < k; q++) {
                float s = a[ao + q];
                int wo = q * n;
                for (int j = 0; j < n; j++) {
                    c[co + j] += s * w[wo + j];
                }
            }
        }
    }

    /** {@code dw[k×n] = a[b×k]ᵀ · dz[b×n]} (sum over the batch, in row order). */
    static void mulTN(float[] a, float[] dz, float[] dw, int b, int k, int n) {
        java.util.Arrays.fill(dw, 0, k * n, 0f);
        if (n == 1) {
            for (int i = 0; i < b; i++) {
                float s = dz[i];
                int ao = i * k;
                for (int q = 0; q < k; q++) {
                    dw[q] += a[ao + q] * s;
                }
            }
            return;
        }
        for (int i = 0; i < b; i++) {
            int ao = i * k;
            int zo = i * n;
            for (int q = 0; q < k; q++) {
                float s = a[ao + q];
                int wo = q * n;
                for (int j = 0; j < n; j++) {
                    dw[wo + j] += s * dz[zo + j];
                }
            }
        }
    }

    /** {@code da[b×k] = dz[b×n] · w[k×n]ᵀ}, given {@code wt[n×k] = wᵀ}. */
    static void mulNT(float[] dz, float[] wt, float[] da, int b, int k, int n) {
        java.util.Arrays.fill(da, 0, b * k, 0f);
        for (int i = 0; i < b; i++) {
            int zo = i * n;
            int ao = i * k;
            for (int j = 0; j < n; j++) {
                float s = dz[zo + j];
                int wo = j * k;
                for (int q = 0; q < k; q++) {
                    da[ao + q] += s * wt[wo + q];
                }
            }
        }
    }

    /**
     * {@code wt[n×k] = w[k×n]ᵀ}. Eight rows of w at a time, so each row of wt is written eight
     * contiguous entries at once (25% faster than entry by entry at 64 × 64).
     */
    static void transpose(float[] w, float[] wt, int k, int n) {
        int q = 0;
        for (; q + 8 <= k; q += 8) {
            int w0 = q * n;
            for (int j = 0; j < n; j++) {
                int o = j * k + q;
                int i = w0 + j;
                wt[o] = w[i];
                wt[o + 1] = w[i + n];
                wt[o + 2] = w[i + 2 * n];
                wt[o + 3] = w[i + 3 * n];
                wt[o + 4] = w[i + 4 * n];
                wt[o + 5] = w[i + 5 * n];
                wt[o + 6] = w[i + 6 * n];
                wt[o + 7] = w[i + 7 * n];
            }
        }
        for (; q < k; q++) {
            int wo = q * n;
            for (int j = 0; j < n; j++) {
                wt[j * k + q] = w[wo + j];
            }
        }
    }

    /** {@code z[i,j] += bias[j]} on a {@code [b×n]} matrix. */
    static void addRow(float[] z, float[] bias, int b, int n) {
        for (int i = 0; i < b; i++) {
            int o = i * n;
            for (int j = 0; j < n; j++) {
                z[o + j] += bias[j];
            }
        }
    }

    /** {@code db[j] = Σ_i dz[i,j]}, rows in order. */
    static void colSum(float[] dz, float[] db, int b, int n) {
        java.util.Arrays.fill(db, 0, n, 0f);
        for (int i = 0; i < b; i++) {
            int o = i * n;
            for (int j = 0; j < n; j++) {
                db[j] += dz[o + j];
            }
        }
    }

    /** {@code w −= (dw ← dw·lr)} over {@code len} entries, as SGD's float32 step (gradient overwritten). */
    static void sgd(float[] w, float[] dw, float lr, int len) {
        for (int i = 0; i < len; i++) {
            float g = dw[i] * lr;
            dw[i] = g;
            w[i] -= g;
        }
    }

    /**
     * Row-major {@code c[m×n] = op(a)·op(b)} with OpenBLAS's {@code cblas_sgemm} on the arrays'
     * native buffers: the same library and single-thread setting ND4J's {@code Nd4j.gemm} uses, without
     * ND4J's per-call op set-up (≈ 10–40 µs, which dominates at small sizes).
     *
     * @param a {@code [m×k]}, or {@code [k×m]} if {@code ta}
     * @param b {@code [k×n]}, or {@code [n×k]} if {@code tb}
     * @param c {@code [m×n]}, overwritten
     */
    static void sgemm(boolean ta, boolean tb, int m, int n, int k, INDArray a, INDArray b, INDArray c) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                ta ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                tb ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, 1f, pointer(a), ta ? m : k, pointer(b), tb ? k : n, 0f, pointer(c), n);
    }

    private static FloatPointer pointer(INDArray x) {
        if (x.isView() || x.ordering() != 'c' || x.offset() != 0) {
            throw new IllegalStateException("sgemm operands must be whole c-order arrays");
        }
        Pointer p = x.data().addressPointer();
        return p instanceof FloatPointer f ? f : new FloatPointer(p);
    }

    /** Copies an array's entries (c order, any offset) into {@code dst}. */
    static void pull(INDArray src, float[] dst, int len) {
        if (src.isView() || src.ordering() != 'c') {
            src = src.dup('c');
        }
        FloatBuffer fb = src.data().asNioFloat();
        fb.position((int) src.offset());
        fb.get(dst, 0, len);
    }

    /** Writes {@code src} into an array allocated by this class (c order, not a view). */
    static void push(float[] src, INDArray dst, int len) {
        FloatBuffer fb = dst.data().asNioFloat();
        fb.position((int) dst.offset());
        fb.put(src, 0, len);
    }
}
