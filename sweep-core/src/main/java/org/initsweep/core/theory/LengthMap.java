package org.initsweep.core.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * The length map of mean-field signal propagation (Poole et al. 2016, "Exponential expressivity in
 * deep neural networks through transient chaos", NeurIPS, eq. 3; Schoenholz et al. 2017, "Deep
 * Information Propagation", ICLR, eq. 2) for weights W<sub>ij</sub> ~ N(0, σ_w²/fan_in) and biases
 * b<sub>i</sub> ~ N(0, σ_b²): the variance of the next layer's pre-activation,
 * q<sup>l</sup> = σ_w²·E[φ(√q<sup>l−1</sup> z)²] + σ_b², z ~ N(0, 1), with its slope, its fixed
 * point q* (eq. 4 of Poole et al.) and χ at a given length. q is in units of the squared
 * pre-activation; σ_w² is the multiplier m = fan_in·Var(W) of a run spec.
 *
 * <p>Expectations use {@link GaussHermite#gaussianExpectation(DoubleUnaryOperator, double)}
 * (~10⁻¹⁵). Immutable; every method is a pure function of the components and the argument.
 *
 * @param phi     the non-linearity
 * @param sigmaW2 weight variance σ_w², finite and &gt; 0
 * @param sigmaB2 bias variance σ_b², finite and ≥ 0
 */
public record LengthMap(Nonlinearity phi, double sigmaW2, double sigmaB2) {

    /**
     * The input's second moment per feature the theory assumes, q⁰ = E[x<sub>j</sub>²] = 1 (standardized
     * features): the first layer's length is then q¹ = σ_w²·q⁰ + σ_b² ({@link #firstLength()}).
     */
    public static final double INPUT_LENGTH = 1.0;

    /** Plain iterations before bracketing. */
    static final int MAX_ITERATIONS = 12;

    /** Growth of the length (over max(1, q⁰, σ_b²)) after which the plain iteration gives way to bracketing. */
    static final double GROWTH_BREAK = 1e8;

    /** Relative step at which the plain iteration has converged. */
    static final double RELATIVE_TOL = 1e-13;

    /** When 0 is a fixed point, iterates below this are taken as having reached it. */
    static final double ZERO_FLOOR = 1e-14;

    /**
     * Relative size of the rounding in apply(q): at large q a map that exceeds q by a constant
     * (ReLU at σ_w² = 2 with bias: q + σ_b²) is within this of q, and is not taken as crossing it.
     */
    static final double NOISE = 1e-12;

    /** Lengths beyond this count as diverged (no finite fixed point). */
    static final double Q_DIVERGED = 1e300;

    /**
     * Validates the components.
     *
     * @param phi     the non-linearity, not null
     * @param sigmaW2 σ_w², finite and &gt; 0
     * @param sigmaB2 σ_b², finite and ≥ 0
     * @throws IllegalArgumentException if {@code phi} is null, σ_w² is not finite and &gt; 0 or
     *                                  σ_b² is not finite and ≥ 0 (the message names the parameter
     *                                  and the value)
     */
    public LengthMap {
        if (phi == null) {
            throw new IllegalArgumentException("phi must not be null");
        }
        if (!(sigmaW2 > 0) || Double.isInfinite(sigmaW2)) {
            throw new IllegalArgumentException("sigmaW2 must be finite and > 0, got " + sigmaW2);
        }
        if (!(sigmaB2 >= 0) || Double.isInfinite(sigmaB2)) {
            throw new IllegalArgumentException("sigmaB2 must be finite and >= 0, got " + sigmaB2);
        }
    }

    /**
     * q<sup>l</sup> = σ_w²·E[φ(√q z)²] + σ_b² (Poole et al. 2016, eq. 3).
     *
     * @param q previous pre-activation variance, ≥ 0 or +∞ (limits as in
     *          {@link GaussHermite#gaussianExpectation})
     * @return the next pre-activation variance
     * @throws IllegalArgumentException if {@code q} is negative or NaN
     */
    public double apply(double q) {
        return sigmaW2 * GaussHermite.gaussianExpectation(z -> square(phi.value(z)), q) + sigmaB2;
    }

    /**
     * E[φ(√q z)], the mean activation at length q (enters the correlation map at c = 0, where
     * the two inputs are independent).
     *
     * @param q pre-activation variance, ≥ 0 or +∞
     * @return the mean, in units of φ
     * @throws IllegalArgumentException if {@code q} is negative or NaN
     */
    public double meanActivation(double q) {
        return GaussHermite.gaussianExpectation(phi.phi(), q);
    }

    /**
     * χ at length q: σ_w²·E[φ'(√q z)²] (Schoenholz et al. 2017, eq. 3 evaluated at q; χ₁ at
     * q = q*). The per-layer factor of the back-propagated gradient variance, and the slope of the
     * correlation map at c = 1.
     *
     * @param q pre-activation variance, ≥ 0 or +∞ (at 0 and +∞ the one-sided limits)
     * @return χ (dimensionless)
     * @throws IllegalArgumentException if {@code q} is negative or NaN
     */
    public double chi(double q) {
        return sigmaW2 * GaussHermite.gaussianExpectation(z -> square(phi.derivativeAt(z)), q);
    }

    /**
     * dq<sup>l</sup>/dq<sup>l−1</sup> at q, the argument of the logarithm in ξ_q (Schoenholz et
     * al. 2017, eq. 6: χ₁ + σ_w²∫Dz φ''(√q* z)φ(√q* z)). Computed in the form
     * (σ_w²/q)·E[u φ(u) φ'(u)], u ~ N(0, q), which is eq. 6's integrand after one integration by
     * parts (Stein's lemma) and needs no φ'' — so it also holds for kinked φ. At q = 0 the limit
     * σ_w²·(E[φ'(0±)²] + φ(0)·φ''(0)), φ''(0) by a central difference of φ' where φ(0) ≠ 0 (softplus;
     * sigmoid's is 0), where φ is smooth by the {@link Nonlinearity} contract; at q = +∞ the limit
     * σ_w²·(φ'(+∞)² + φ'(−∞)²)/2.
     *
     * @param q pre-activation variance, ≥ 0 or +∞
     * @return the slope (dimensionless)
     * @throws IllegalArgumentException if {@code q} is negative or NaN
     */
    public double slope(double q) {
        if (q == 0) {
            double atZero = phi.value(0);
            if (atZero == 0) {
                return chi(0);
            }
            double h = 1e-5; // truncation ~h²·φ⁽⁴⁾(0)/6 and rounding ~1e-16/h: both near 1e-11
            return chi(0) + sigmaW2 * atZero * (phi.derivativeAt(h) - phi.derivativeAt(-h)) / (2 * h);
        }
        if (q == Double.POSITIVE_INFINITY) {
            return chi(q);
        }
        return sigmaW2 / q * GaussHermite.gaussianExpectation(u -> u * phi.value(u) * phi.derivativeAt(u), q);
    }

    /**
     * The first hidden layer's length for inputs of second moment {@value #INPUT_LENGTH} per feature:
     * q¹ = σ_w²·q⁰ + σ_b² (Poole et al. 2016, eq. 3 at l = 1, where the input is not passed through φ).
     *
     * @return q¹, in units of the squared pre-activation
     */
    public double firstLength() {
        return sigmaW2 * INPUT_LENGTH + sigmaB2;
    }

    /**
     * The fixed point a network's lengths approach: the map iterated from the first layer's
     * {@link #firstLength()}, see {@link #fixedPoint(double)}. Where the map has two attracting fixed
     * points (GELU, SiLU without bias: 0 and ∞ on either side of an unstable one) this is the one the
     * network's own first layer leads to.
     *
     * @return q*
     */
    public TheoryValue fixedPoint() {
        return fixedPoint(firstLength());
    }

    /**
     * The fixed point q* = σ_w²·E[φ(√q* z)²] + σ_b² (Poole et al. 2016, eq. 4) that iterating the
     * map from q⁰ converges to.
     *
     * <p>Method: up to {@value #MAX_ITERATIONS} plain iterations, stopping at a relative step of
     * 10⁻¹³ and then polished by two Newton steps (slope from {@link #slope(double)}), so q* is
     * accurate to ~10⁻¹⁵ relative. If that has not converged (slow convergence near the edge of
     * chaos) or the length has grown by 10⁸, the root of apply(q) − q is bracketed from the last
     * iterate in the direction the iteration moves (halving down; up by factors 2, 4, 16, 256, …)
     * and found by Newton's method safeguarded by bisection (geometric while the bracket spans
     * more than a factor 2). When 0 is a fixed point (σ_b² = 0, φ(0) = 0) a decreasing iteration
     * below 10⁻¹⁴ returns 0, and q⁰ = 0 returns 0. A length beyond 10³⁰⁰ (or an overflow of φ)
     * means there is no finite fixed point: {@link TheoryValue#noFixedPoint()}; so does a map that
     * stays within 10⁻¹² (rounding) of the diagonal all the way up, such as q ↦ q + σ_b² (ReLU at
     * σ_w² = 2, or a fixed point beyond ~10¹²·σ_b²). Assumed, as for
     * every activation initsweep knows: the map is non-decreasing in q, so its iteration moves
     * monotonically to the nearest fixed point in the direction it starts, and beyond 10⁸ times the
     * starting scale it crosses the diagonal at most once.
     *
     * @param q0 input length q⁰, finite and ≥ 0
     * @return q* (finite, ≥ 0) or NO_FIXED_POINT
     * @throws IllegalArgumentException if {@code q0} is negative, NaN or infinite
     */
    public TheoryValue fixedPoint(double q0) {
        if (!(q0 >= 0) || Double.isInfinite(q0)) {
            throw new IllegalArgumentException("q0 must be finite and >= 0, got " + q0);
        }
        boolean zeroIsFixed = apply(0) == 0;
        if (q0 == 0 && zeroIsFixed) {
            return TheoryValue.finite(0);
        }
        double q = q0;
        double grown = GROWTH_BREAK * Math.max(1, Math.max(q0, sigmaB2));
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double next = apply(q);
            if (!(next <= Q_DIVERGED)) {
                return TheoryValue.noFixedPoint();
            }
            if (Math.abs(next - q) <= RELATIVE_TOL * Math.max(next, q)) {
                return TheoryValue.finite(polish(next));
            }
            if (zeroIsFixed && next < q && next < ZERO_FLOOR) {
                return TheoryValue.finite(0);
            }
            q = next;
            if (q > grown) {
                break;
            }
        }
        if (apply(q) < q) {
            double hi = q;
            double lo = q / 2;
            while (apply(lo) < lo) {
                hi = lo;
                lo /= 2;
                if (lo < ZERO_FLOOR) {
                    return TheoryValue.finite(zeroIsFixed ? 0 : solve(0, hi, q));
                }
            }
            return TheoryValue.finite(solve(lo, hi, q));
        }
        double lo = q;
        double factor = 2;
        double hi = Math.max(2 * q, ZERO_FLOOR);
        while (true) {
            double next = apply(hi);
            if (!(next <= Q_DIVERGED)) {
                return TheoryValue.noFixedPoint();
            }
            if (next < hi * (1 - NOISE)) {
                break; // clearly below the diagonal: a fixed point lies in [lo, hi]
            }
            if (hi >= Q_DIVERGED) {
                return TheoryValue.noFixedPoint();
            }
            lo = hi;
            factor = Math.min(factor * factor, 1e100);
            hi = Math.min(hi * factor, Q_DIVERGED);
        }
        return TheoryValue.finite(solve(lo, hi, Math.max(lo, Math.min(hi, q))));
    }

    /**
     * Newton steps q ← q + (apply(q) − q)/(1 − slope(q)) from a converged iterate: the plain
     * iteration stops with an error of about its last step × slope/(1 − slope), which these remove
     * (quadratic convergence). Skipped where the slope is within 10⁻³ of 1, where a step would
     * amplify rounding.
     */
    private double polish(double q) {
        for (int i = 0; i < 2 && q > 0; i++) {
            double s = slope(q);
            if (!(s < 1 - 1e-3)) {
                break;
            }
            double step = (apply(q) - q) / (1 - s);
            if (!(Math.abs(step) <= 1e-9 * q)) {
                break;
            }
            q += step;
        }
        return q;
    }

    /**
     * Root of apply(q) − q in [lo, hi], where its sign differs at the ends: Newton's method
     * (F' = slope − 1) from {@code start} kept inside the shrinking bracket, bisection where a
     * Newton step would leave it.
     */
    private double solve(double lo, double hi, double start) {
        boolean loAbove = apply(lo) >= lo;
        double q = start;
        for (int i = 0; i < 400 && hi - lo > 1e-15 * hi; i++) {
            double f = apply(q) - q;
            if (f == 0) {
                return q;
            }
            if ((f > 0) == loAbove) {
                lo = q;
            } else {
                hi = q;
            }
            double next = q - f / (slope(q) - 1);
            if (!(next > lo && next < hi)) {
                next = lo > 0 && hi > 2 * lo ? Math.sqrt(lo) * Math.sqrt(hi) : 0.5 * (lo + hi);
            }
            if (Math.abs(next - q) <= 1e-15 * Math.max(q, next)) {
                return next;
            }
            q = next;
        }
        return q;
    }

    private static double square(double x) {
        return x * x;
    }
}
