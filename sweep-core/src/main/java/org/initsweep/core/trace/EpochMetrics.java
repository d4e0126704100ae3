package org.initsweep.core.trace;

import java.io.Serializable;

/**
 * Loss and accuracy of the network after {@code epoch} epochs, on the training set and on the held-out
 * test set.
 *
 * @param epoch        0 = at initialization
 * @param loss         mean cross-entropy over the training set, nats per example
 * @param accuracy     fraction of training examples classified right (top-1), in [0, 1]; NaN if an
 *                     output is NaN
 * @param testLoss     the same over the test set; NaN when the run has no test set
 * @param testAccuracy the same over the test set; NaN when the run has no test set
 */
public record EpochMetrics(int epoch, double loss, double accuracy, double testLoss, double testAccuracy)
        implements Serializable {

    /** Training metrics only (no test set). */
    public EpochMetrics(int epoch, double loss, double accuracy) {
        this(epoch, loss, accuracy, Double.NaN, Double.NaN);
    }
}
