package org.initsweep.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mean and population variance of all entries of an array, computed in Java with double
 * accumulation (two passes: the mean, then the mean squared deviation; float32 arrays in eight
 * interleaved partial sums). A drop-in for
 * {@code TraceRecorder.moments}: ND4J's {@code meanNumber()} + {@code var(false)} cost about
 * 40 µs each in op set-up alone at the sizes of a sweep (≈ 4 ms per traced epoch of a 10-layer
 * net, more than the training of a narrow run); this costs a copy and two loops. Deterministic
 * (fixed summation order) and at least as accurate as ND4J's float reductions.
 */
public final class FastMoments {

    private FastMoments() {
    }

    /** {mean, population variance} of all entries; NaN/±Infinity propagate as in any sum. */
    public static double[] of(INDArray x) {
        int n = (int) x.length();
        if (x.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT) {
            float[] f = new float[n];
            FloatKernels.pull(x, f, n);
            return of(f, n);
        }
        double[] v = x.dup('c').data().asDouble();
        double sum = 0;
        for (double e : v) {
            sum += e;
        }
        double mean = sum / n;
        double ss = 0;
        for (double e : v) {
            double d = e - mean;
            ss += d * d;
        }
        return new double[] {mean, ss / n};
    }

    /**
     * {mean, population variance} of {@code x[0..n)}, accumulated in double in 8 interleaved partial
     * sums (entry i into sum i mod 8, combined pairwise in a fixed order, then the n mod 8 tail): eight
     * independent add chains instead of one make a traced epoch's moments ≈ 5× cheaper, and the
     * order is still fixed, so the result is deterministic.
     *
     * In vectors ({@link VectorMoments}, same bits) where the Vector API kernel runs.
     *
     * @throws ArrayIndexOutOfBoundsException if {@code n > x.length}
     */
    static double[] of(float[] x, int n) {
        return FloatKernels.VECTOR_GEMM ? VectorMoments.of(x, n) : scalar(x, n);
    }

    /** {@link #of(float[], int)} in scalar code: the definition {@link VectorMoments} reproduces. */
    static double[] scalar(float[] x, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
            s4 += x[i + 4];
            s5 += x[i + 5];
            s6 += x[i + 6];
            s7 += x[i + 7];
        }
        double sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; i < n; i++) {
            sum += x[i];
        }
        double mean = sum / n;
        s0 = 0; s1 = 0; s2 = 0; s3 = 0; s4 = 0; s5 = 0; s6 = 0; s7 = 0;
        i = 0;
        for (; i + 8 <= n; i += 8) {
            double d0 = x[i] - mean;
            double d1 = x[i + 1] - mean;
            double d2 = x[i + 2] - mean;
            double d3 = x[i + 3] - mean;
            double d4 = x[i + 4] - mean;
            double d5 = x[i + 5] - mean;
            double d6 = x[i + 6] - mean;
            double d7 = x[i + 7] - mean;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
            s4 += d4 * d4;
            s5 += d5 * d5;
            s6 += d6 * d6;
            s7 += d7 * d7;
        }
        double ss = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; i < n; i++) {
            double d = x[i] - mean;
            ss += d * d;
        }
        return new double[] {mean, ss / n};
    }
}
