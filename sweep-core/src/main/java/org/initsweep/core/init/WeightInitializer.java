package org.initsweep.core.init;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fills weight matrices and bias vectors from a run's own random stream.
 *
 * <p>Weights have shape {@code [fan_in, fan_out]}, row-major (so a layer computes {@code z = a·W + b}
 * on row-major batches {@code [batch, fan_in]}); this is the transpose of the article's
 * {@code W^[l]} of shape {@code [n^[l], n^[l-1]]}, with the same entry variance.
 *
 * <p>Values are drawn in double ({@link Gaussian} for normal schemes, {@link SplittableRandom#nextDouble()}
 * for uniform ones), scaled, and rounded once to float32, in row-major order from one stream: the
 * weights of a seed are the same on every JVM and machine, and a float64 network starts from exactly
 * the weights of the float32 one.
 */
public final class WeightInitializer {

    private WeightInitializer() {
    }

    /**
     * Fills {@code w[0 .. fanIn·fanOut)} (row-major {@code [fan_in, fan_out]}) according to {@code init}.
     *
     * @param w      receives the weights; longer arrays keep their tail
     * @param fanIn  n^[l-1] ≥ 1
     * @param fanOut n^[l] ≥ 1
     * @param init   scheme and parameter
     * @param m      variance multiplier (ignored by the fixed schemes; may be NaN for them)
     * @param rng    the run's stream, advanced by the draws
     * @throws IllegalArgumentException if a fan is &lt; 1, {@code w} is too short, or m is not
     *                                  positive and finite for a random scheme
     */
    public static void fill(float[] w, int fanIn, int fanOut, InitSpec init, double m, SplittableRandom rng) {
        if (fanIn < 1 || fanOut < 1 || (long) fanIn * fanOut > w.length) {
            throw new IllegalArgumentException("weights [" + fanIn + ", " + fanOut + "] do not fit an array of "
                    + w.length);
        }
        InitScheme s = init.scheme();
        if (s.scaledByMultiplier() && !(m > 0 && Double.isFinite(m))) {
            throw new IllegalArgumentException("multiplier must be > 0 for " + s.specName() + ", got " + m);
        }
        int len = fanIn * fanOut;
        switch (s) {
            case ZERO -> java.util.Arrays.fill(w, 0, len, 0f);
            case CONSTANT -> java.util.Arrays.fill(w, 0, len, (float) init.param());
            case IDENTITY_SCALED -> {
                java.util.Arrays.fill(w, 0, len, 0f);
                for (int i = 0; i < Math.min(fanIn, fanOut); i++) {
                    w[i * fanOut + i] = (float) init.param();
                }
            }
            case ORTHOGONAL -> orthogonal(w, fanIn, fanOut, m, rng);
            case TRUNC_NORMAL -> {
                double sigma = init.param() * Math.sqrt(m);
                for (int i = 0; i < len; i++) {
                    w[i] = (float) TruncatedNormal.next(rng, sigma, init.lower(), init.upper());
                }
            }
            default -> {
                double v = init.variance(fanIn, fanOut, m);
                switch (init.distribution()) {
                    case NORMAL -> gaussian(w, len, Math.sqrt(v), rng);
                    case UNIFORM -> {
                        // U(−r, r) has variance r²/3.
                        double r = Math.sqrt(3 * v);
                        for (int i = 0; i < len; i++) {
                            w[i] = (float) (r * (2 * rng.nextDouble() - 1));
                        }
                    }
                    case TRUNCATED_NORMAL -> {
                        double sigma = Math.sqrt(v) / Distribution.TRUNCATED_STD;
                        for (int i = 0; i < len; i++) {
                            w[i] = (float) TruncatedNormal.next(rng, sigma, -2 * sigma, 2 * sigma);
                        }
                    }
                }
            }
        }
    }

    /**
     * Fills biases {@code b[0 .. n)}: 0, or N(0, σ_b²) when {@code sigmaB2 > 0}.
     *
     * @param sigmaB2 bias variance ≥ 0
     */
    public static void fillBias(float[] b, int n, double sigmaB2, SplittableRandom rng) {
        if (sigmaB2 > 0) {
            gaussian(b, n, Math.sqrt(sigmaB2), rng);
        } else {
            java.util.Arrays.fill(b, 0, n, 0f);
        }
    }

    /**
     * As {@link #fill(float[], int, int, InitSpec, double, SplittableRandom)} for an ND4J matrix
     * {@code [fan_in, fan_out]} of any floating type (values rounded to float32 first).
     *
     * @throws IllegalArgumentException if {@code w} is not a matrix, or as the float[] form
     */
    public static void fill(INDArray w, InitSpec init, double m, SplittableRandom rng) {
        if (w.rank() != 2) {
            throw new IllegalArgumentException("weights must be [fan_in, fan_out], got rank " + w.rank());
        }
        float[] v = new float[(int) w.length()];
        fill(v, (int) w.rows(), (int) w.columns(), init, m, rng);
        write(v, w);
    }

    /** As {@link #fillBias(float[], int, double, SplittableRandom)} for an ND4J vector {@code [1, n]}. */
    public static void fillBias(INDArray b, double sigmaB2, SplittableRandom rng) {
        float[] v = new float[(int) b.length()];
        fillBias(v, v.length, sigmaB2, rng);
        write(v, b);
    }

    private static void gaussian(float[] x, int n, double sigma, SplittableRandom rng) {
        for (int i = 0; i < n; i++) {
            x[i] = (float) (sigma * Gaussian.next(rng));
        }
    }

    /** Values into an array of any shape, order and floating type (the training path fills float[]s). */
    private static void write(float[] v, INDArray x) {
        x.assign(Nd4j.createFromArray(v).reshape(x.shape()).castTo(x.dataType()));
    }

    /**
     * W = √m·Q: Q from the QR decomposition (in float64) of a Gaussian {@code [max, min]} matrix,
     * columns multiplied by sign(diag R) so Q is Haar-distributed (Mezzadri 2007, "How to generate
     * random matrices from the classical compact groups", §5), transposed when fan_in &lt; fan_out.
     */
    private static void orthogonal(float[] w, int fanIn, int fanOut, double m, SplittableRandom rng) {
        int tall = Math.max(fanIn, fanOut);
        int narrow = Math.min(fanIn, fanOut);
        double[][] cols = new double[narrow][tall]; // column-major: the reflections run down columns
        for (int i = 0; i < tall; i++) {
            for (int j = 0; j < narrow; j++) {
                cols[j][i] = Gaussian.next(rng);
            }
        }
        double[][] q = householderQ(cols, tall);
        double scale = Math.sqrt(m);
        for (int j = 0; j < narrow; j++) {
            for (int i = 0; i < tall; i++) {
                float v = (float) (scale * q[j][i]);
                if (fanIn >= fanOut) {
                    w[i * fanOut + j] = v;
                } else {
                    w[j * fanOut + i] = v;
                }
            }
        }
    }

    /**
     * The thin Q {@code [rows, a.length]} (column-major, columns of length {@code rows}) of
     * {@code A = Q·R} with diag(R) &gt; 0, by Householder reflections (Golub and Van Loan, "Matrix
     * Computations", 4th ed., §5.2.2), in plain Java: ND4J 1.0.0-M2.1's QR op takes 118 s and 8.8 GB of
     * native memory for one 1024 × 1024 matrix and kills the JVM on a 1 × 1 one; this takes 0.7 s and 24 MB
     * at 1024, and its bits do not depend on the machine's LAPACK. Overwrites {@code a}.
     *
     * @param a    columns of A, each of length {@code rows} ≥ {@code a.length}
     * @param rows rows of A
     */
    static double[][] householderQ(double[][] a, int rows) {
        int n = a.length;
        double[][] v = new double[n][];
        double[] sign = new double[n];
        for (int k = 0; k < n; k++) {
            double[] x = a[k];
            double norm = 0;
            for (int i = k; i < rows; i++) {
                norm += x[i] * x[i];
            }
            norm = Math.sqrt(norm);
            // R[k][k] = alpha; the reflection maps x[k..] to alpha·e_k. Its sign opposite x[k] avoids
            // cancellation in v = x − alpha·e_k.
            double alpha = x[k] >= 0 ? -norm : norm;
            double[] vk = new double[rows];
            System.arraycopy(x, k, vk, k, rows - k);
            vk[k] -= alpha;
            double vv = 0;
            for (int i = k; i < rows; i++) {
                vv += vk[i] * vk[i];
            }
            if (vv > 0) {
                double inv = 1 / Math.sqrt(vv);
                for (int i = k; i < rows; i++) {
                    vk[i] *= inv;
                }
                for (int j = k + 1; j < n; j++) {
                    reflect(vk, a[j], k, rows);
                }
            } else {
                vk = null; // x[k..] = 0: no reflection needed (a Gaussian matrix has this with probability 0)
            }
            v[k] = vk;
            sign[k] = alpha < 0 ? -1 : 1;
        }
        // Q = H_0·H_1·…·H_{n-1}·[I; 0], applied from the last reflection to the first, then Q·diag(sign R).
        double[][] q = new double[n][rows];
        for (int j = 0; j < n; j++) {
            q[j][j] = 1;
            for (int k = Math.min(j, n - 1); k >= 0; k--) {
                if (v[k] != null) {
                    reflect(v[k], q[j], k, rows);
                }
            }
            for (int i = 0; i < rows; i++) {
                q[j][i] *= sign[j];
            }
        }
        return q;
    }

    /** {@code y[k..rows) −= 2·v·(vᵀy)}: the Householder reflection I − 2vvᵀ, ‖v‖ = 1, v zero above k. */
    private static void reflect(double[] v, double[] y, int k, int rows) {
        double dot = 0;
        for (int i = k; i < rows; i++) {
            dot += v[i] * y[i];
        }
        double f = 2 * dot;
        for (int i = k; i < rows; i++) {
            y[i] -= f * v[i];
        }
    }
}
