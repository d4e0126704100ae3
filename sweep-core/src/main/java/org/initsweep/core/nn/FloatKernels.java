package org.initsweep.core.nn;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The float32 loops of {@link Mlp}'s Java kernel, on row-major {@code float[]}s. Plain Java
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
    static final boolean VECTOR_GEMM = vectorGemmUsable();

    private static boolean vectorGemmUsable() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorGemm.usable();
        } catch (LinkageError e) {
            return false;
        }
    }

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

    /** {@code w −= (dw ← dw·lr)} over {@code len} entries, as {@code Mlp.sgdStep} (gradient overwritten). */
    static void sgd(float[] w, float[] dw, float lr, int len) {
        for (int i = 0; i < len; i++) {
            float g = dw[i] * lr;
            dw[i] = g;
            w[i] -= g;
        }
    }

    // Rational minimax approximation of tanh on [−c, c] (odd degree-13 numerator over even degree-6
    // denominator, Eigen's generic_fast_tanh_float coefficients); outside, tanh rounds to ±1 in float.
    // Measured against the correctly rounded float tanh: at most 6 ulp, 0.9 ulp on average (ND4J's own
    // float tanh: mean 31 ulp, far more near 0).
    static final float TANH_CLAMP = 7.90531110763549805f;
    /**
     * The clamp of {@link #tanhFma}: the smallest float at which the fused evaluation rounds to exactly
     * 1 (at {@link #TANH_CLAMP} it gives 1 − 2⁻²², so saturated units would never reach ±1); no
     * float in [0, this] evaluates above 1 (checked exhaustively).
     */
    static final float TANH_CLAMP_FMA = 7.99881172180175781f;
    static final float A1 = 4.89352455891786e-03f;
    static final float A3 = 6.37261928875436e-04f;
    static final float A5 = 1.48572235717979e-05f;
    static final float A7 = 5.12229709037114e-08f;
    static final float A9 = -8.60467152213735e-11f;
    static final float A11 = 2.00018790482477e-13f;
    static final float A13 = -2.76076847742355e-16f;
    static final float B0 = 4.89352518554385e-03f;
    static final float B2 = 2.26843463243900e-03f;
    static final float B4 = 1.18534705686654e-04f;
    static final float B6 = 1.19825839466702e-06f;

    /** tanh in float32, within a few ulp; NaN stays NaN, ±∞ gives ±1. */
    static float tanh(float v) {
        float x = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, v));
        float x2 = x * x;
        float p = A13;
        p = p * x2 + A11;
        p = p * x2 + A9;
        p = p * x2 + A7;
        p = p * x2 + A5;
        p = p * x2 + A3;
        p = p * x2 + A1;
        p = p * x;
        float q = B6;
        q = q * x2 + B4;
        q = q * x2 + B2;
        q = q * x2 + B0;
        return p / q;
    }

    /**
     * {@link #tanh(float)} with each multiply-add of the two polynomials fused ({@link Math#fma}),
     * as {@link VectorGemm}'s epilogue computes it: 10 vector operations fewer per 16 entries (a
     * quarter of tanh's cost in 512-bit vectors on Zen 4) and at most as many ulp off. For networks
     * whose products run in {@link VectorGemm} only: {@code Math.fma} is one instruction on every CPU
     * with 256-bit vectors (AVX2 comes with FMA3), but a slow software routine without FMA hardware,
     * where {@link Mlp.Kernel#BLAS} keeps {@link #tanh(float)}.
     */
    static float tanhFma(float v) {
        float x = Math.max(-TANH_CLAMP_FMA, Math.min(TANH_CLAMP_FMA, v));
        float x2 = x * x;
        float p = Math.fma(x2, A13, A11);
        p = Math.fma(p, x2, A9);
        p = Math.fma(p, x2, A7);
        p = Math.fma(p, x2, A5);
        p = Math.fma(p, x2, A3);
        p = Math.fma(p, x2, A1);
        p = p * x;
        float q = Math.fma(x2, B6, B4);
        q = Math.fma(q, x2, B2);
        q = Math.fma(q, x2, B0);
        return p / q;
    }

    /** {@code a = tanh(z)} elementwise, by {@link #tanhFma} or {@link #tanh(float)}. */
    static void tanh(float[] z, float[] a, int len, boolean fma) {
        if (fma) {
            for (int i = 0; i < len; i++) {
                a[i] = tanhFma(z[i]);
            }
        } else {
            for (int i = 0; i < len; i++) {
                a[i] = tanh(z[i]);
            }
        }
    }

    /** σ(z) = 1/(1 + e^{−z}) computed in double, rounded once to float. */
    static float sigmoid(float z) {
        return (float) (1.0 / (1.0 + Math.exp(-(double) z)));
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
