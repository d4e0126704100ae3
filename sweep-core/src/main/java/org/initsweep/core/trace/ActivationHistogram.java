package org.initsweep.core.trace;

import java.io.Serializable;

/**
 * Distribution of one layer's activations a^[l] over the training set at one recorded epoch, on
 * fixed bin edges (so epochs, runs and init schemes compare bin by bin): [−1, 1] for tanh, [0, 1]
 * for sigmoid and the output unit, [−3, 3] otherwise. Values outside the edges count in the end
 * bins; NaN values are not counted.
 *
 * @param epoch  recorded epoch
 * @param layer  l = 1..L+1
 * @param edges  bin edges, ascending, {@code counts.length + 1} of them
 * @param counts activations per bin
 */
public record ActivationHistogram(int epoch, int layer, double[] edges, long[] counts) implements Serializable {
}
