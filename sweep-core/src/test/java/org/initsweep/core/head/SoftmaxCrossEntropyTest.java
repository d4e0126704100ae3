package org.initsweep.core.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link SoftmaxCrossEntropy} by hand: probabilities, loss, accuracy, gradient and its variance. */
class SoftmaxCrossEntropyTest {

    private static final OutputHead H = OutputHead.forClasses(3);

    @Test
    void moreThanTwoClassesAreKSoftmaxUnits() {
        assertEquals(3, H.units());
        assertEquals(new SoftmaxCrossEntropy(3), H);
        assertThrows(IllegalArgumentException.class, () -> OutputHead.forClasses(1));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy(2));
    }

    @Test
    void probabilitiesByHand() {
        // z = (0, ln 2, ln 5): e^z = (1, 2, 5), p = (1/8, 2/8, 5/8); shifting z changes nothing
        float[] z = {0f, (float) Math.log(2), (float) Math.log(5), 1000f, 1000f + (float) Math.log(2), 1000f};
        float[] a = new float[6];
        H.activate(z, a, 2);
        assertEquals(0.125f, a[0], 1e-7f);
        assertEquals(0.25f, a[1], 1e-7f);
        assertEquals(0.625f, a[2], 1e-7f);
        // (1, 2, 1)/4 without overflow at z ≈ 1000 (where a float's ulp is 6e-5)
        assertEquals(0.25f, a[3], 1e-4f);
        assertEquals(0.5f, a[4], 1e-4f);
        INDArray za = Nd4j.create(new double[] {0, Math.log(2), Math.log(5)}, new long[] {1, 3}, 'c');
        INDArray aa = Nd4j.create(DataType.DOUBLE, 1, 3);
        H.activate(za, aa);
        assertEquals(0.625, aa.getDouble(0, 2), 1e-15);
    }

    @Test
    void lossIsMinusTheLogOfTheLabelsProbability() {
        double[] z = {0, Math.log(2), Math.log(5), 0, 0, 0};
        // −ln(5/8) and −ln(1/3)
        assertEquals((-Math.log(5.0 / 8) - Math.log(1.0 / 3)) / 2, H.loss(z, new int[] {2, 0}), 1e-15);
        // far outside any float: still finite, = the margin
        assertEquals(2000.0, H.loss(new double[] {1000, -1000, 0}, new int[] {1}), 1e-9);
        assertEquals(Double.NaN, H.loss(new double[] {Double.POSITIVE_INFINITY, 0, 0}, new int[] {0}));
        assertEquals(Double.NaN, H.loss(new double[] {0, Double.NEGATIVE_INFINITY, 0}, new int[] {0}));
    }

    @Test
    void accuracyIsTopOne() {
        double[] z = {0, 1, 2, 5, 1, 0, 0, 0, 0};
        // argmax 2 (label 2: right), 0 (label 1: wrong), 0 for a three-way tie (label 0: right)
        assertEquals(2.0 / 3, H.accuracy(z, new int[] {2, 1, 0}), 1e-15);
        assertEquals(Double.NaN, H.accuracy(new double[] {0, Double.NaN, 0}, new int[] {0}));
    }

    @Test
    void deltaIsProbabilityMinusOneHotOverTheBatch() {
        float[] dz = new float[6];
        H.delta(new float[] {0.125f, 0.25f, 0.625f, 0.5f, 0.25f, 0.25f}, new int[] {2, 0}, dz, 2);
        assertEquals(0.0625f, dz[0]);
        assertEquals(0.125f, dz[1]);
        assertEquals(-0.1875f, dz[2]);
        assertEquals(-0.25f, dz[3]);
    }

    @Test
    void gradientVarianceOnlyTheLabelsEntriesAreNonZero() {
        // p_y = 5/8 and 1/3, B = 2: the two non-zero gradients −(8/5)/2 and −3/2 among 6 entries
        double g1 = -8.0 / 5 / 2;
        double g2 = -3.0 / 2;
        double mean = (g1 + g2) / 6;
        double var = (g1 * g1 + g2 * g2) / 6 - mean * mean;
        assertEquals(var, H.outputGradVariance(new double[] {0, Math.log(2), Math.log(5), 0, 0, 0}, new int[] {2, 0}),
                1e-14);
        assertEquals(Double.POSITIVE_INFINITY, H.outputGradVariance(new double[] {0, 800, 0}, new int[] {0}));
    }
}
