package org.initsweep.core.trace;

import java.io.Serializable;

/**
 * The spectrum of a network's input–output Jacobian J = ∂a^[L]/∂x {@code [n^[L], n^[0]]} at one
 * recorded epoch, averaged over a few training inputs: what dynamical isometry (Pennington, Schoenholz
 * &amp; Ganguli 2017) is about — the eigenvalues λ of JJᵀ (the squared singular values of J, with
 * n^[L] − n^[0] zeros where J is wider than tall) concentrated near 1.
 *
 * @param epoch       epochs of training done
 * @param inputs      training inputs averaged over
 * @param meanEig     mean of the n^[L] eigenvalues of JJᵀ, tr(JJᵀ)/n^[L]
 * @param varEig      their population variance, tr((JJᵀ)²)/n^[L] − meanEig²
 * @param relativeVariance each input's varEig / meanEig², then averaged over the inputs (free probability's
 *                    prediction is of this ratio; the ratio of the averages would add the inputs' differences
 *                    in scale); NaN where an input's mean is outside [10⁻¹⁵⁰, 10¹⁵⁰], beyond which squared
 *                    eigenvalues leave double's range
 * @param maxSingular largest singular value of J (mean over the inputs)
 * @param minSingular smallest of its min(n^[L], n^[0]) singular values (mean over the inputs)
 * @param exact       whether every singular value was computed (small layers) or the moments were
 *                    estimated from random probes and the extremes by Lanczos iteration
 */
public record JacobianStats(int epoch, int inputs, double meanEig, double varEig, double relativeVariance,
        double maxSingular, double minSingular, boolean exact) implements Serializable {

    /** The means whose variance / mean² double still holds: beyond, squared eigenvalues leave its range. */
    public static final double MIN_MEAN = 1e-150;
    /** See {@link #MIN_MEAN}. */
    public static final double MAX_MEAN = 1e150;
}
