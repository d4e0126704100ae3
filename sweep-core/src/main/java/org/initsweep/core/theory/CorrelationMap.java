package org.initsweep.core.theory;

/**
 * The correlation map of two inputs at the fixed length q* (Poole et al. 2016, eq. 5; Schoenholz
 * et al. 2017, eq. 4): with u₁ = √q z₁, u₂ = √q (c z₁ + √(1 − c²) z₂), z₁, z₂ independent N(0, 1),
 * the next layer's covariance is q₁₂ = σ_w²·E[φ(u₁)φ(u₂)] + σ_b² and its correlation
 * c' = q₁₂ / q. Its slope is χ_c(c) = dc'/dc = σ_w²·E[φ'(u₁)φ'(u₂)] (Price's theorem:
 * ∂E[f(u₁)g(u₂)]/∂Cov(u₁, u₂) = E[f'(u₁)g'(u₂)]); at c = 1 it is χ₁ (Schoenholz et al. 2017,
 * eq. 3), at the stable fixed point c* it is the argument of the logarithm in ξ_c (eq. 9).
 *
 * <p>Two-dimensional expectations use {@link BivariateGaussian} (~10⁻¹⁴, kinks included).
 * Immutable and pure.
 *
 * @param phi     the non-linearity
 * @param sigmaW2 weight variance σ_w², finite and &gt; 0
 * @param sigmaB2 bias variance σ_b², finite and ≥ 0
 * @param q       the length both inputs have, finite and &gt; 0 — the fixed point q* of the length
 *                map for c = 1 to be a fixed point (see {@link #atFixedPoint(LengthMap, double)})
 */
public record CorrelationMap(Nonlinearity phi, double sigmaW2, double sigmaB2, double q) {

    /** |χ₁ − 1| at or below this counts as exactly critical (rounding of the expectations). */
    public static final double UNIT_TOL = 1e-12;

    /** Largest |c'(1) − 1| accepted by {@link #stableFixedPoint()}: q must be the length fixed point. */
    static final double FIXED_LENGTH_TOL = 1e-9;

    private static final int MAX_NEWTON = 100;

    /**
     * Validates the components.
     *
     * @param phi     the non-linearity, not null
     * @param sigmaW2 σ_w², finite and &gt; 0
     * @param sigmaB2 σ_b², finite and ≥ 0
     * @param q       the length, finite and &gt; 0
     * @throws IllegalArgumentException if an argument is invalid (the message names it)
     */
    public CorrelationMap {
        new LengthMap(phi, sigmaW2, sigmaB2); // validates the shared components
        if (!(q > 0) || Double.isInfinite(q)) {
            throw new IllegalArgumentException("q must be finite and > 0, got " + q);
        }
    }

    /**
     * The correlation map of a length map at its fixed point.
     *
     * @param lengths the length map
     * @param qStar   its fixed point, finite and &gt; 0
     * @return the correlation map at q*
     * @throws IllegalArgumentException if {@code qStar} is not finite and &gt; 0
     */
    public static CorrelationMap atFixedPoint(LengthMap lengths, double qStar) {
        return new CorrelationMap(lengths.phi(), lengths.sigmaW2(), lengths.sigmaB2(), qStar);
    }

    /**
     * q₁₂ = σ_w²·E[φ(u₁)φ(u₂)] + σ_b² (Schoenholz et al. 2017, eq. 4).
     *
     * @param c input correlation, in [−1, 1]
     * @return the output covariance, in units of q
     * @throws IllegalArgumentException if c is outside [−1, 1]
     */
    public double covariance(double c) {
        return sigmaW2 * BivariateGaussian.expectation(phi.phi(), phi.phi(), q, q, c) + sigmaB2;
    }

    /**
     * c' = q₁₂ / q, the correlation one layer on.
     *
     * @param c input correlation, in [−1, 1]
     * @return the output correlation
     * @throws IllegalArgumentException if c is outside [−1, 1]
     */
    public double apply(double c) {
        return covariance(c) / q;
    }

    /**
     * 1 − c', without the cancellation of {@code 1 − apply(c)} as c → 1: at the length fixed point
     * (q = σ_w²·E[φ(u)²] + σ_b²) the bias cancels and E[φ(u₁)²] = E[φ(u₂)²], so
     * q − q₁₂ = σ_w²·½E[(φ(u₁) − φ(u₂))²], an integrand small wherever c is near 1, taken
     * node by node ({@link BivariateGaussian#squaredDifferences}). Keeps ~10⁻¹¹ relative accuracy at
     * 1 − c = 10⁻⁹, where {@code 1 − apply(c)} keeps ~10⁻⁵.
     *
     * @param c input correlation, in [−1, 1]
     * @return 1 − c' (dimensionless, ≥ 0), taking q as the fixed point q*
     * @throws IllegalArgumentException if c is outside [−1, 1]
     */
    public double complement(double c) {
        double[] out = new double[2];
        BivariateGaussian.squaredDifferences(phi.phi(), phi.phi(), null, null, q, q, c, out);
        return 0.5 * sigmaW2 * out[0] / q;
    }

    /**
     * χ_c(c) = σ_w²·E[φ'(u₁)φ'(u₂)] = dc'/dc (Schoenholz et al. 2017, eqs. 3 and 9).
     *
     * @param c input correlation, in [−1, 1]
     * @return the slope (dimensionless)
     * @throws IllegalArgumentException if c is outside [−1, 1]
     */
    public double slope(double c) {
        return sigmaW2 * BivariateGaussian.expectation(phi.derivative(), phi.derivative(), q, q, c);
    }

    /**
     * The stable fixed point c* and the slope χ_c there.
     *
     * <p>Theory (as in Poole et al. 2016): by Mehler's expansion
     * E[φ(u₁)φ(u₂)] = Σ<sub>k</sub> a<sub>k</sub>² c<sup>k</sup> with a<sub>k</sub> the
     * normalised Hermite coefficients of φ(√q z), so on [0, 1] the map is increasing and convex,
     * c'(0) ≥ 0 and c'(1) = 1 at q = q*. Hence:
     * <ul>
     *   <li>χ₁ = c''s slope at 1 ≤ 1 (ordered phase and the edge of chaos): c* = 1, the only fixed
     *       point in [0, 1], and χ_c = χ₁;</li>
     *   <li>χ₁ &gt; 1 (chaotic phase): c = 1 is unstable and there is exactly one other fixed point
     *       c* ∈ [0, 1), with χ_c(c*) &lt; 1 (0 for odd φ without bias, whose map is odd).</li>
     * </ul>
     * Method for the chaotic phase: Newton's method on F(c) = c' − c = (1 − c) − {@link #complement}(c)
     * with F' = χ_c − 1, started from the root of the quadratic through F(0), F(1) = 0 and
     * F'(1) = χ₁ − 1 and safeguarded by bisection on a bracket [lo, hi] with F(lo) &gt; 0 &gt; F(hi);
     * it stops when the step is below 10⁻¹²·(1 − c) or |F| below 10⁻¹⁵·(1 − c). Near the critical
     * line 1 − c* and 1 − χ_c are both of order χ₁ − 1 while F is of order (χ₁ − 1)², so F is formed
     * from 1 − c' (no cancellation) and the tolerances are relative to 1 − c; likewise
     * χ_c − 1 = (χ₁ − 1) − σ_w²·½E[(φ'(u₁) − φ'(u₂))²]. So c* keeps its relative distance from 1,
     * and 1 − χ_c (hence ξ_c) its relative accuracy, down to the ~10⁻¹⁶ to which χ₁ − 1 is known.
     * Typically 4–8 evaluations of the map and its slope together.
     *
     * @return c* and χ_c(c*)
     * @throws IllegalStateException if q is not the length fixed point (|c'(1) − 1| &gt; 10⁻⁹),
     *                               or Newton/bisection does not converge (a bug)
     */
    public FixedPoint stableFixedPoint() {
        LengthMap lengths = new LengthMap(phi, sigmaW2, sigmaB2);
        double atOne = lengths.apply(q) / q;
        if (!(Math.abs(atOne - 1) <= FIXED_LENGTH_TOL)) {
            throw new IllegalStateException("q = " + q + " is not the fixed point of the length map ("
                    + phi + ", sigmaW2 = " + sigmaW2 + ", sigmaB2 = " + sigmaB2 + "): c'(1) = " + atOne);
        }
        double chi1 = lengths.chi(q);
        if (chi1 <= 1 + UNIT_TOL) {
            return new FixedPoint(1, chi1);
        }
        double mean = lengths.meanActivation(q);
        double f0 = (sigmaW2 * mean * mean + sigmaB2) / q;
        if (f0 == 0) {
            double meanSlope = GaussHermite.gaussianExpectation(phi.derivative(), q);
            return new FixedPoint(0, sigmaW2 * meanSlope * meanSlope);
        }
        double lo = 0;
        double hi = 1;
        double c = Math.max(0, 1 - (chi1 - 1) / (f0 + chi1 - 1));
        double[] differences = new double[2];
        for (int i = 0; i < MAX_NEWTON; i++) {
            BivariateGaussian.squaredDifferences(phi.phi(), phi.phi(), phi.derivative(), phi.derivative(), q, q, c,
                    differences);
            double gap = 1 - c;
            double f = gap - 0.5 * sigmaW2 * differences[0] / q;
            double slopeMinusOne = (chi1 - 1) - 0.5 * sigmaW2 * differences[1];
            if (Math.abs(f) <= 1e-15 * gap) {
                return new FixedPoint(c, 1 + slopeMinusOne);
            }
            if (f > 0) {
                lo = c;
            } else {
                hi = c;
            }
            double next = slopeMinusOne < 0 ? c - f / slopeMinusOne : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - c) <= 1e-12 * gap) {
                return new FixedPoint(c, 1 + slopeMinusOne);
            }
            c = next;
        }
        throw new IllegalStateException("correlation fixed point did not converge (" + phi + ", sigmaW2 = "
                + sigmaW2 + ", sigmaB2 = " + sigmaB2 + ", q = " + q + ")");
    }

    /**
     * The stable fixed point of the correlation map.
     *
     * @param cStar c*, in [0, 1]
     * @param chiC  χ_c = σ_w²·E[φ'(u₁)φ'(u₂)] at c* (χ₁ when c* = 1)
     */
    public record FixedPoint(double cStar, double chiC) {
    }
}
