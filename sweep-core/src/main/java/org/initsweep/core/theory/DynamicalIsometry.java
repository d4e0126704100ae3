package org.initsweep.core.theory;

import java.io.Serializable;

/**
 * The free-probability prediction of the spectrum of JJᵀ, J = ∂x<sup>L</sup>/∂x<sup>0</sup> =
 * D<sub>L</sub>W<sub>L</sub>···D<sub>1</sub>W<sub>1</sub> the input–output Jacobian of a deep
 * network of equal widths at initialization, D<sub>l</sub> = diag(φ'(h<sup>l</sup>)) with the
 * pre-activations h<sup>l</sup> ~ N(0, q*) at the length fixed point (Pennington, Schoenholz &amp;
 * Ganguli 2017, "Resurrecting the sigmoid in deep learning through dynamical isometry: theory and
 * practice", NeurIPS, arXiv:1711.04735, Sec. 2; Pennington, Schoenholz &amp; Ganguli 2018, "The
 * emergence of spectral universality in deep networks", AISTATS, arXiv:1802.09979).
 *
 * <p>With the W's and D's freely independent, S-transforms multiply (2017, eq. 12):
 * S<sub>JJᵀ</sub> = S<sub>WWᵀ</sub><sup>L</sup>·S<sub>D²</sub><sup>L</sup>. Writing
 * S(z) = (1/m₁)(1 + s·z + O(z²)) for a spectrum of mean m₁, one has s = 1 − m₂/m₁² = −var/m₁², so
 * the first two moments of the product follow from the first two of the factors:
 * <ul>
 *   <li>mean eigenvalue m₁ = (σ_w² μ₁)<sup>L</sup>, i.e. χ₁<sup>L</sup>;</li>
 *   <li>variance / mean² = L·(μ₂/μ₁² − 1 − s₁),</li>
 * </ul>
 * where μ<sub>k</sub> = E[φ'(h)<sup>2k</sup>], h ~ N(0, q*), are the moments of D², and s₁ is the
 * first coefficient of S<sub>WWᵀ</sub>(z) = σ_w⁻²(1 + s₁ z + …): s₁ = −1 for Gaussian weights
 * (WWᵀ is Wishart, S = σ_w⁻²/(1 + z)) and s₁ = 0 for scaled orthogonal ones (S = σ_w⁻²). This is
 * the variance σ²<sub>JJᵀ</sub> = L(μ₂/μ₁² − 1 − s₁) that the 2017 paper states at criticality
 * (σ_w²μ₁ = 1); the ratio holds for any σ_w². Examples: ReLU (μ₁ = μ₂ = p = 1/2 at any q*):
 * L/p = 2L Gaussian, L(1 − p)/p = L orthogonal; linear: L Gaussian, 0 orthogonal (the 2017 paper's
 * worked cases). Hand check at L = 1: for Gaussian W (variance σ_w²/N), (1/N)tr(WD²Wᵀ)² →
 * σ_w⁴(μ₁² + μ₂), variance σ_w⁴μ₂ = m₁²·(μ₂/μ₁² − 1 + 1); for orthogonal W the eigenvalues are
 * σ_w²φ'(h)², variance σ_w⁴(μ₂ − μ₁²).
 *
 * <p>Where the length map has no fixed point (q* = ∞) the moments are taken in the limit q → ∞
 * if they do not depend on q (as for every positively homogeneous φ: ReLU, leaky ReLU, linear),
 * otherwise the prediction is {@link TheoryValue.Status#NO_FIXED_POINT}.
 */
public final class DynamicalIsometry {

    /** How much μ<sub>k</sub> at q = 1 and q = ∞ may differ for them to count as independent of q. */
    static final double Q_INDEPENDENCE_TOL = 1e-12;

    private DynamicalIsometry() {
    }

    /** The weight ensemble, with its S-transform coefficient s₁. */
    public enum Weights {
        /** i.i.d. N(0, σ_w²/N): WWᵀ is Wishart, s₁ = −1. */
        GAUSSIAN(-1),
        /** σ_w times a Haar-random orthogonal matrix: WWᵀ = σ_w² I, s₁ = 0. */
        ORTHOGONAL(0);

        private final double s1;

        Weights(double s1) {
            this.s1 = s1;
        }

        /** @return s₁, the first coefficient of σ_w²·S<sub>WWᵀ</sub>(z) */
        public double s1() {
            return s1;
        }
    }

    /**
     * The prediction for φ, σ_w², σ_b², depth L and a weight ensemble, with q* reached from the first layer's length
     * ({@link LengthMap#fixedPoint()}).
     *
     * @param phi     the non-linearity, not null
     * @param sigmaW2 σ_w², finite and &gt; 0
     * @param sigmaB2 σ_b², finite and ≥ 0
     * @param depth   number of layers L in the product, ≥ 1
     * @param weights the weight ensemble, not null
     * @return the predicted spectrum moments
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static Spectrum predict(Nonlinearity phi, double sigmaW2, double sigmaB2, int depth, Weights weights) {
        LengthMap lengths = new LengthMap(phi, sigmaW2, sigmaB2);
        checkDepth(depth);
        checkWeights(weights);
        TheoryValue qStar = lengths.fixedPoint();
        double q = qStar.isFinite() ? qStar.value() : Double.POSITIVE_INFINITY;
        double mu1 = slopeMoment(phi, 1, q);
        double mu2 = slopeMoment(phi, 2, q);
        if (!qStar.isFinite()) {
            boolean independent = Math.abs(mu1 - slopeMoment(phi, 1, 1)) <= Q_INDEPENDENCE_TOL
                    && Math.abs(mu2 - slopeMoment(phi, 2, 1)) <= Q_INDEPENDENCE_TOL;
            if (!independent) {
                return Spectrum.none(depth);
            }
        }
        return fromMoments(mu1, mu2, sigmaW2, depth, weights);
    }

    /**
     * The prediction for a network whose input has second moment q⁰ per feature, layer by layer along
     * the length map's path q<sup>1</sup> = σ_w²q⁰ + σ_b², q<sup>l+1</sup> = σ_w²E[φ(√q<sup>l</sup> z)²] + σ_b²
     * (Poole et al. 2016, eq. 3) instead of at its fixed point: the S-transforms of the layers still
     * multiply, so ln m₁ = Σ<sub>l</sub> ln(σ_w²μ₁(q<sup>l</sup>)) and variance / mean² =
     * Σ<sub>l</sub> (μ₂(q<sup>l</sup>)/μ₁(q<sup>l</sup>)² − 1 − s₁). Where q<sup>l</sup> has not settled within
     * the depth this is what a network of that depth has: at σ_b² = 0 q* = 0 is approached only as
     * q<sup>l</sup> ≈ 1/(2l) for tanh at σ_w² = 1, and {@link #predict} (at q*) would say isometry
     * (m₁ = 1, no spread) for a Jacobian whose mean eigenvalue is e⁻⁴ at L = 40.
     *
     * @param phi     the non-linearity, not null
     * @param sigmaW2 σ_w², finite and &gt; 0
     * @param sigmaB2 σ_b², finite and ≥ 0
     * @param depth   number of layers L in the product, ≥ 1
     * @param weights the weight ensemble, not null
     * @param q0      the input's second moment per feature, finite and ≥ 0
     * @return the predicted moments ({@code mu1}, {@code mu2} those of the last layer); NO_FIXED_POINT (all
     *         NaN) where a layer's φ' vanishes almost everywhere (μ₁ = 0: no spectrum to speak of)
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static Spectrum predictAlongPath(Nonlinearity phi, double sigmaW2, double sigmaB2, int depth,
            Weights weights, double q0) {
        return predictAlongPath(phi, sigmaW2, sigmaW2, sigmaB2, depth, weights, q0);
    }

    /**
     * {@link #predictAlongPath(Nonlinearity, double, double, int, Weights, double)} for a network whose first
     * layer has its own σ_w² (fan_in·Var(W) there, fan_in = n^[0] the input's features): Glorot's scale depends
     * on both fans, so a first layer from n^[0] ≠ n features differs from the square layers after it. Its
     * factor D_1W_1ᵀ adds ln(σ_w1²μ₁(q¹)) with q¹ = σ_w1²q⁰ + σ_b²; the layers after it use σ_w².
     *
     * @param sigmaW2First the first layer's σ_w², finite and &gt; 0
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static Spectrum predictAlongPath(Nonlinearity phi, double sigmaW2First, double sigmaW2, double sigmaB2,
            int depth, Weights weights, double q0) {
        LengthMap lengths = new LengthMap(phi, sigmaW2, sigmaB2);
        checkDepth(depth);
        checkWeights(weights);
        if (!(q0 >= 0) || Double.isInfinite(q0)) {
            throw new IllegalArgumentException("q0 must be finite and >= 0, got " + q0);
        }
        if (!(sigmaW2First > 0) || Double.isInfinite(sigmaW2First)) {
            throw new IllegalArgumentException("sigmaW2First must be finite and > 0, got " + sigmaW2First);
        }
        double q = sigmaW2First * q0 + sigmaB2;
        double logMean = 0;
        double relative = 0;
        double mu1 = Double.NaN;
        double mu2 = Double.NaN;
        for (int l = 1; l <= depth; l++) {
            mu1 = slopeMoment(phi, 1, q);
            mu2 = slopeMoment(phi, 2, q);
            if (!(mu1 > 0)) {
                return Spectrum.none(depth);
            }
            Spectrum layer = fromMoments(mu1, mu2, l == 1 ? sigmaW2First : sigmaW2, 1, weights);
            logMean += layer.logMean();
            relative += layer.relativeVariance();
            q = lengths.apply(q);
        }
        return new Spectrum(TheoryValue.Status.FINITE, mu1, mu2, logMean, relative, depth);
    }

    /**
     * The prediction from the moments μ₁ = E[φ'(h)²], μ₂ = E[φ'(h)⁴] directly.
     *
     * @param mu1     μ₁, finite and &gt; 0
     * @param mu2     μ₂, finite and ≥ μ₁² (Jensen)
     * @param sigmaW2 σ_w², finite and &gt; 0
     * @param depth   L, ≥ 1
     * @param weights the weight ensemble, not null
     * @return mean and variance of the eigenvalues of JJᵀ
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static Spectrum fromMoments(double mu1, double mu2, double sigmaW2, int depth, Weights weights) {
        checkDepth(depth);
        if (!(mu1 > 0) || Double.isInfinite(mu1)) {
            throw new IllegalArgumentException("mu1 must be finite and > 0, got " + mu1);
        }
        if (!(mu2 >= mu1 * mu1 * (1 - 1e-12)) || Double.isInfinite(mu2)) {
            throw new IllegalArgumentException("mu2 must be finite and >= mu1², got " + mu2 + " (mu1 = " + mu1 + ")");
        }
        if (!(sigmaW2 > 0) || Double.isInfinite(sigmaW2)) {
            throw new IllegalArgumentException("sigmaW2 must be finite and > 0, got " + sigmaW2);
        }
        checkWeights(weights);
        double logMean = depth * Math.log(sigmaW2 * mu1);
        double relative = depth * Math.max(0, mu2 / (mu1 * mu1) - 1 - weights.s1());
        return new Spectrum(TheoryValue.Status.FINITE, mu1, mu2, logMean, relative, depth);
    }

    /** E[φ'(√q z)^{2k}]. */
    static double slopeMoment(Nonlinearity phi, int k, double q) {
        return GaussHermite.gaussianExpectation(z -> Math.pow(phi.derivativeAt(z), 2 * k), q);
    }

    private static void checkWeights(Weights weights) {
        if (weights == null) {
            throw new IllegalArgumentException("weights must not be null");
        }
    }

    private static void checkDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
    }

    /**
     * Predicted moments of the eigenvalue distribution of JJᵀ. When {@code status} is
     * {@link TheoryValue.Status#NO_FIXED_POINT} every number is NaN.
     *
     * @param status           FINITE, or NO_FIXED_POINT where theory gives no prediction
     * @param mu1              μ₁ = E[φ'(h)²] at q* ({@link #predictAlongPath}: at the last layer's q^L)
     * @param mu2              μ₂ = E[φ'(h)⁴] likewise
     * @param logMean          ln of the mean eigenvalue, L·ln(σ_w²μ₁) (along the path: the sum of the layers')
     * @param relativeVariance variance / mean² = L(μ₂/μ₁² − 1 − s₁) (along the path: the sum of the layers')
     * @param depth            L
     */
    public record Spectrum(TheoryValue.Status status, double mu1, double mu2, double logMean,
            double relativeVariance, int depth) implements Serializable {

        /** No prediction: every number NaN. */
        static Spectrum none(int depth) {
            return new Spectrum(TheoryValue.Status.NO_FIXED_POINT, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    depth);
        }

        /** @return the mean eigenvalue (σ_w²μ₁)<sup>L</sup> (may overflow to +∞ or underflow to 0 for large L) */
        public double mean() {
            return Math.exp(logMean);
        }

        /** @return the eigenvalue variance mean²·relativeVariance (may overflow or underflow likewise) */
        public double variance() {
            double mean = mean();
            return mean * mean * relativeVariance;
        }
    }
}
