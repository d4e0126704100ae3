package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** FastMoments against ND4J's meanNumber/var on float32 and float64 arrays, views included. */
class FastMomentsTest {

    @Test
    void matchesNd4j() {
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray x = Nd4j.rand(dt, 37, 11).muli(3).addi(0.5);
            check(x);
            check(x.getColumn(3)); // a strided view
            check(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(5, 9),
                    org.nd4j.linalg.indexing.NDArrayIndex.all())); // an offset view
        }
    }

    @Test
    void nonFiniteEntriesPropagate() {
        INDArray x = Nd4j.create(new float[] {1, Float.NaN, 2}, new long[] {1, 3});
        assertTrue(Double.isNaN(FastMoments.of(x)[1]));
    }

    @Test
    void partialSumsGiveTheExactMomentsOfRepresentableData() {
        // 0..n-1 (n = 8·12 + 5, so the tail runs too): mean (n-1)/2 and variance (n²-1)/12 exactly
        int n = 101;
        float[] x = new float[n + 3];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        x[n] = 1e9f; // past n: must not be read
        double[] m = FastMoments.of(x, n);
        assertEquals((n - 1) / 2.0, m[0], 0.0);
        assertEquals((n * (double) n - 1) / 12, m[1], 1e-12 * m[1]);
        float[] inf = {1, 2, Float.POSITIVE_INFINITY, 4, 5, 6, 7, 8, 9};
        assertTrue(Double.isNaN(FastMoments.of(inf, 9)[1]));
    }

    @Test
    void vectorsGiveTheScalarSumsBits() {
        // every length mod 16 (whole vectors, a leftover block of 8, the scalar tail), NaN and ±∞,
        // and a trace-sized buffer; under -Dinitsweep.vectorBits=256 too (surefire's vector256 run)
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        java.util.List<Integer> lengths = new java.util.ArrayList<>();
        for (int n = 0; n <= 70; n++) {
            lengths.add(n);
        }
        lengths.add(256 * 64 + 13);
        for (int n : lengths) {
            float[] x = new float[n + 5];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (r.nextGaussian() * 3 + 0.7);
            }
            assertBits(FastMoments.scalar(x, n), VectorMoments.of(x, n), "n = " + n);
            if (n > 20) {
                x[n / 3] = Float.POSITIVE_INFINITY;
                assertBits(FastMoments.scalar(x, n), VectorMoments.of(x, n), "n = " + n + " with ∞");
                x[n / 2] = Float.NaN;
                assertBits(FastMoments.scalar(x, n), VectorMoments.of(x, n), "n = " + n + " with NaN");
            }
        }
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected[0]), Double.doubleToRawLongBits(actual[0]), what + " mean");
        assertEquals(Double.doubleToRawLongBits(expected[1]), Double.doubleToRawLongBits(actual[1]), what + " variance");
    }

    private static void check(INDArray x) {
        double[] m = FastMoments.of(x);
        assertEquals(x.meanNumber().doubleValue(), m[0], 1e-6 * (1 + Math.abs(m[0])));
        assertEquals(x.var(false).getDouble(0), m[1], 1e-5 * m[1]);
    }
}
