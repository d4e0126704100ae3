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
 * @param unitMeanZSq    mean over the units of (the unit's mean z over the batch)²: a shift of the units'
 *                       means, which the variance over all entries mixes with their spread
 * @param deadFraction   share of the layer's units whose activation is exactly 0 for every example (dead
 *                       ReLUs; every unit of a zero-initialized layer)
 * @param saturatedFraction share of the activations (examples × units) within 0.01 of a bound of a bounded φ
 *                       (|tanh| &gt; 0.99, sigmoid outside [0.01, 0.99]); NaN for an unbounded φ
 */
public record LayerTrace(int epoch, int layer, int fanIn, int fanOut, double meanZ, double varZ,
        double meanA, double varA, double varGradA, double varGradW, double varW, double unitMeanZSq,
        double deadFraction, double saturatedFraction) implements Serializable {
}
