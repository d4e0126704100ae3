package org.initsweep.core.theory;

import org.initsweep.core.activation.Activation;

/**
 * How far one network's layer variances scatter about mean-field theory at finite width: the band
 * that measured {@code Var(a^[l])} of single networks fall in, where mean-field theory gives their
 * mean over weight draws.
 *
 * <p>Given layer l−1, the n = n^[l] pre-activations z_i of layer l are independent N(0, q^l) over the
 * Gaussian weights, and the layer's second moment is the mean over its units of φ(z_i)². By the delta
 * method the log of that mean has variance κ_l = (E[φ(z)⁴] / E[φ(z)²]² − 1) / n^[l] (z ~ N(0, q^l), by
 * quadrature): 2/n for a linear layer (ln of a χ²ₙ/n), 5/n for ReLU at any q (Hanin 2018, "Which neural
 * net architectures give rise to exploding and vanishing gradients?", Theorem 1: Var ln‖z^L‖² ≈
 * 5·Σ 1/n_l). Each layer's factor scales everything after it, so the logs add up: ln Var(a^[l]) is
 * close to normal (Hanin &amp; Nica 2019, "Products of many large random matrices and gradients in deep
 * neural networks") with variance s_l² = Σ_{k ≤ l} κ_k. Mean-field theory predicts the mean E[Var(a)],
 * so the typical network lies below it: ln Var(a^[l]) ≈ ln(predicted) − s_l²/2 ± s_l.
 *
 * <p>This is the scatter of one input's layer variance, exact to first order in 1/n for positively
 * homogeneous φ without bias (linear, ReLU, leaky ReLU). It bounds what initsweep measures from above:
 * Var(a^[l]) averages over a batch too, and inputs that are not fully correlated fluctuate partly
 * independently (for a linear layer κ becomes 2/(n·d_eff), d_eff the participation ratio of the batch's
 * Gram matrix), until depth correlates them (ReLU's correlation map drives every pair towards c = 1)
 * and the single-input value is reached. Where the length map contracts towards a fixed point (tanh,
 * σ_b² &gt; 0) earlier layers' fluctuations are partly forgotten, another reason s_l bounds from above.
 * So a measured layer outside ln(predicted) − s²/2 ± 2s disagrees with theory; one inside may scatter
 * less than s.
 */
public final class FiniteWidthSpread {

    private FiniteWidthSpread() {
    }

    /**
     * κ = (E[φ(z)⁴] / E[φ(z)²]² − 1) / n for z ~ N(0, q): the variance of ln of the mean of φ(z_i)²
     * over n independent units.
     *
     * @param phi the activation
     * @param q   Var(z) ≥ 0 (at q = 0 the limit q → 0⁺)
     * @param n   units, ≥ 1
     * @return κ in nats², or NaN where E[φ²] vanishes for every q (constant-zero φ)
     * @throws IllegalArgumentException if q is negative or NaN, or n &lt; 1
     */
    public static double perLayer(Activation phi, double q, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(q >= 0)) {
            throw new IllegalArgumentException("q must be >= 0, got " + q);
        }
        Nonlinearity f = Nonlinearity.of(phi);
        // Small q: E[φ⁴]/E[φ²]² has a finite limit, read at a q small enough to be it and large enough
        // to keep E[φ²]² far from underflow.
        double at = Math.max(q, 1e-12);
        double m2 = GaussHermite.gaussianExpectation(z -> {
            double v = f.value(z);
            return v * v;
        }, at);
        double m4 = GaussHermite.gaussianExpectation(z -> {
            double v = f.value(z);
            return v * v * v * v;
        }, at);
        if (!(m2 > 0) || !Double.isFinite(m4)) {
            return Double.NaN;
        }
        return Math.max(0, m4 / (m2 * m2) - 1) / n;
    }

    /**
     * s_l = √(Σ_{k ≤ l} κ_k) for the hidden layers l = 1..L: the standard deviation of ln Var(a^[l]) over
     * networks drawn with the same widths and variances.
     *
     * @param phi   the hidden activation
     * @param varZ  theory's Var(z^[l]), l = 1..L at least ({@link NetworkPrediction#varZ()})
     * @param units n^[0..L+1]
     * @return s_l at index l − 1, l = 1..L (nats)
     * @throws IllegalArgumentException if {@code varZ} is shorter than the L hidden layers of {@code units}
     */
    public static double[] lnVarianceSd(Activation phi, double[] varZ, int[] units) {
        int depth = units.length - 2;
        if (depth < 1 || varZ.length < depth) {
            throw new IllegalArgumentException("need Var(z) for " + depth + " hidden layers, got " + varZ.length);
        }
        double[] out = new double[depth];
        double sum = 0;
        for (int l = 1; l <= depth; l++) {
            sum += perLayer(phi, varZ[l - 1], units[l]);
            out[l - 1] = Math.sqrt(sum);
        }
        return out;
    }
}
