package org.initsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Losses}: cross-entropy and accuracy of a sigmoid output by hand, finite or not. */
class LossesTest {

    @Test
    void crossEntropyByHand() {
        // z = 0: σ = 1/2 whatever the label, −ln(1/2) = ln 2
        assertEquals(Math.log(2), Losses.binaryCrossEntropy(new double[] {0, 0}, new double[] {1, 0}), 1e-15);
        // z = 2, y = 1: ln(1 + e^{−2}); z = 2, y = 0: 2 + ln(1 + e^{−2})
        double l = Math.log1p(Math.exp(-2));
        assertEquals((l + 2 + l) / 2, Losses.binaryCrossEntropy(new double[] {2, 2}, new double[] {1, 0}), 1e-15);
        // far past float range on the wrong side: finite, = |z|
        assertEquals(1000.0, Losses.binaryCrossEntropy(new double[] {-1000}, new double[] {1}), 1e-12);
        // an overflowed output makes the loss NaN, right side or wrong: the trainer's divergence signal
        assertEquals(Double.NaN, Losses.binaryCrossEntropy(new double[] {Double.POSITIVE_INFINITY}, new double[] {0}));
        assertEquals(Double.NaN, Losses.binaryCrossEntropy(new double[] {0, Double.NEGATIVE_INFINITY}, new double[] {1, 0}));
    }

    @Test
    void accuracyCountsTheSignAgainstTheLabel() {
        // right, wrong (−1 says 0, label 1), wrong (0.5 says 1, label 0), right (z = 0 says 0)
        assertEquals(0.5, Losses.accuracy(new double[] {1, -1, 0.5, 0}, new double[] {1, 1, 0, 0}), 0);
        // infinite outputs still predict a class
        assertEquals(1.0, Losses.accuracy(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
                new double[] {1, 0}), 0);
    }

    @Test
    void aNaNOutputHasNoAccuracy() {
        // without the check, NaN > 0 is false: "class 0", right for the two 0-labels, 2/3
        assertEquals(Double.NaN, Losses.accuracy(new double[] {Double.NaN, 1, Double.NaN}, new double[] {0, 1, 0}));
    }
}
