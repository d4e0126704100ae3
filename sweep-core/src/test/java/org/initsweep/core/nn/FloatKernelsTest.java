package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link FloatKernels}' loops that no other test pins entry by entry. */
class FloatKernelsTest {

    @Test
    void transposeMovesEveryEntry() {
        // k below, at and across the 8-row blocks, with a tail; n from 1
        for (int k : new int[] {1, 7, 8, 9, 17, 64, 70}) {
            for (int n : new int[] {1, 3, 8, 64, 70}) {
                float[] w = new float[k * n];
                for (int i = 0; i < w.length; i++) {
                    w[i] = i + 1;
                }
                float[] wt = new float[k * n];
                FloatKernels.transpose(w, wt, k, n);
                for (int q = 0; q < k; q++) {
                    for (int j = 0; j < n; j++) {
                        assertEquals(w[q * n + j], wt[j * k + q], "k=" + k + " n=" + n + " at (" + q + "," + j + ")");
                    }
                }
            }
        }
    }
}
