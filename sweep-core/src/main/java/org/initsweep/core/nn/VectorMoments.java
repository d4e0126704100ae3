package org.initsweep.core.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FastMoments#of(float[], int)} in vectors, with the same bits: its eight partial sums
 * (entry i into sum i mod 8) are the eight double lanes here — one 512-bit vector, or two of 256
 * bits — each fed its entries in the same order, with a separate multiply and add as Java's scalar
 * {@code s += d * d}; the lanes are then combined exactly as the scalar code combines its sums. A
 * third cheaper than the scalar loop (which C2 does not vectorize: float-to-double widening into
 * interleaved sums), on the traces of every recorded epoch.
 *
 * <p>Reads floats in {@link VectorGemm}'s species only (a second {@code FloatVector} species in one
 * JVM slows the product kernel; see there). Only touched after {@link FloatKernels#VECTOR_GEMM}.
 */
final class VectorMoments {

    private static final VectorSpecies<Float> F = VectorGemm.S;
    /** Floats per vector: 16 (→ two 512-bit double vectors) or 8 (→ two 256-bit ones). */
    private static final int L = F.length();
    private static final VectorSpecies<Double> D = L == 16 ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;

    private VectorMoments() {
    }

    /** {mean, population variance} of {@code x[0..n)}, bit for bit as {@link FastMoments#of(float[], int)}. */
    static double[] of(float[] x, int n) {
        double[] s = new double[8];
        int i = sums(x, n, 0.0, false, s);
        for (; i + 8 <= n; i += 8) {
            for (int j = 0; j < 8; j++) {
                s[j] += x[i + j];
            }
        }
        double sum = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
        for (; i < n; i++) {
            sum += x[i];
        }
        double mean = sum / n;
        i = sums(x, n, mean, true, s);
        for (; i + 8 <= n; i += 8) {
            for (int j = 0; j < 8; j++) {
                double d = x[i + j] - mean;
                s[j] += d * d;
            }
        }
        double ss = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
        for (; i < n; i++) {
            double d = x[i] - mean;
            ss += d * d;
        }
        return new double[] {mean, ss / n};
    }

    /**
     * The eight partial sums over whole vectors of {@code x[0..n)} into {@code s}: of the entries,
     * or of their squared deviations from {@code mean}. Returns the first entry not summed.
     */
    private static int sums(float[] x, int n, double mean, boolean squares, double[] s) {
        DoubleVector m = DoubleVector.broadcast(D, mean);
        DoubleVector lo = DoubleVector.zero(D);  // sums 0..7 (512-bit) or 0..3 (256-bit)
        DoubleVector hi = DoubleVector.zero(D);  // unused (512-bit) or sums 4..7
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            DoubleVector p0 = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector p1 = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 1);
            if (squares) {
                p0 = p0.sub(m);
                p0 = p0.mul(p0);
                p1 = p1.sub(m);
                p1 = p1.mul(p1);
            }
            if (L == 16) {
                lo = lo.add(p0).add(p1);  // lane j: entry i + j, then i + 8 + j
            } else {
                lo = lo.add(p0);
                hi = hi.add(p1);
            }
        }
        if (L == 16) {
            lo.intoArray(s, 0);
        } else {
            lo.intoArray(s, 0);
            hi.intoArray(s, 4);
        }
        return i;
    }
}
