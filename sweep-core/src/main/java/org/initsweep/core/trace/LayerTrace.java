package org.initsweep.core.trace;

import java.io.Serializable;

/**
 * Statistics of one layer at one recorded epoch, over the whole training set. Means and variances
 * are population moments over all entries (batch × units, or fan_in × fan_out for W); values are
 * dimensionless (inputs are standardized). NaN or ±Infinity where the run overflowed.
 *
 * @param epoch     epochs of training done (0 = at initialization)
 * @param layer     l = 1..L+1 (L+1 = the sigmoid output unit)
 * @param fanIn     n^[l-1]
 * @param fanOut    n^[l]
 * @param meanZ     mean of pre-activations z^[l]
 * @param varZ      variance of z^[l]
 * @param meanA     mean of activations a^[l]
 * @param varA      variance of a^[l]
 * @param varGradA  variance of ∂J/∂a^[l], J the mean cross-entropy over the training set
 * @param varGradW  variance of ∂J/∂W^[l]
 * @param varW      variance of the entries of W^[l]
 */
public record LayerTrace(int epoch, int layer, int fanIn, int fanOut, double meanZ, double varZ,
        double meanA, double varA, double varGradA, double varGradW, double varW) implements Serializable {
}
