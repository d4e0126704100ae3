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

    private static void check(INDArray x) {
        double[] m = FastMoments.of(x);
        assertEquals(x.meanNumber().doubleValue(), m[0], 1e-6 * (1 + Math.abs(m[0])));
        assertEquals(x.var(false).getDouble(0), m[1], 1e-5 * m[1]);
    }
}
