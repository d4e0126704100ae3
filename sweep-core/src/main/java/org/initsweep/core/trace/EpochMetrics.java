package org.initsweep.core.trace;

import java.io.Serializable;

/**
 * Cost and accuracy of the network on the training set after {@code epoch} epochs.
 *
 * @param epoch    0 = at initialization
 * @param loss     mean binary cross-entropy, nats per example
 * @param accuracy fraction of examples classified right (σ(z) &gt; 1/2 ⇔ class 1), in [0, 1]
 */
public record EpochMetrics(int epoch, double loss, double accuracy) implements Serializable {
}
