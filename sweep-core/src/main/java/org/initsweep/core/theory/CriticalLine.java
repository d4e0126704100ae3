package org.initsweep.core.theory;

import java.util.OptionalDouble;

/**
 * The order-to-chaos line χ₁(σ_w², σ_b²) = 1 of the phase diagrams of Poole et al. 2016 (Fig. 2)
 * and Schoenholz et al. 2017 (Fig. 1), for any {@link Nonlinearity}. Examples: linear 1, ReLU 2,
 * leaky ReLU(s) 2/(1 + s²), tanh 1 at σ_b² = 0 and ≈ 1.76 at σ_b² = 0.05.
 */
public final class CriticalLine {

    /** Search range for the critical σ_w². */
    public static final double SIGMA_W2_MIN = 1e-6;

    /** Search range for the critical σ_w². */
    public static final double SIGMA_W2_MAX = 1e6;

    private CriticalLine() {
    }

    /** How far from 1 χ₁ may be at the ends of the final bisection bracket of a true crossing. */
    public static final double CROSSING_TOL = 1e-3;

    /**
     * The critical weight variance σ_w², or empty where there is none: {@link #crossing} without its
     * reasons.
     *
     * @param phi     the non-linearity, not null
     * @param sigmaB2 σ_b², finite and ≥ 0
     * @return the critical σ_w², or empty if χ₁ − 1 does not change sign in the search range or jumps
     *         over 0
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static OptionalDouble sigmaW2(Nonlinearity phi, double sigmaB2) {
        new LengthMap(phi, 1, sigmaB2);
        try {
            return OptionalDouble.of(crossing(phi, sigmaB2));
        } catch (IllegalStateException none) {
            return OptionalDouble.empty();
        }
    }

    /**
     * The critical weight variance σ_w² with χ₁ = 1 at the given σ_b² (χ₁ at the fixed point
     * reached from the first layer's length q¹ = σ_w² + σ_b², {@link LengthMap#fixedPoint()}; for q* = ∞
     * the q → ∞ limit, see {@link DepthScales}).
     *
     * <p>Method: χ₁ − 1 is bracketed by doubling/halving σ_w² from 1 within
     * [{@value #SIGMA_W2_MIN}, {@value #SIGMA_W2_MAX}] and bisected to a relative width of 10⁻¹³.
     * Assumed (true for the activations initsweep knows): χ₁ − 1 changes sign once, from negative
     * to positive, as σ_w² grows. For tanh at σ_b² = 0, χ₁ − 1 is of second order in σ_w² − 1 just
     * above 1, which bisection still resolves to ~10⁻⁷. A sign change is a crossing only if χ₁ is
     * continuous there: where the fixed point reached from q¹ changes branch, χ₁ jumps over 1
     * instead (GELU and SiLU at σ_b² = 0: q* = 0 with χ₁ = σ_w²·φ'(0)² = σ_w²/4 below the σ_w² whose
     * q¹ = σ_w² is the unstable fixed point, q* = ∞ with χ₁ = σ_w²/2 above), and no σ_w² has χ₁ = 1: both ends of the final
     * bracket must be within {@value #CROSSING_TOL} of 1.
     *
     * @param phi     the non-linearity, not null
     * @param sigmaB2 σ_b², finite and ≥ 0
     * @return the critical σ_w² &gt; 0
     * @throws IllegalArgumentException if an argument is invalid
     * @throws IllegalStateException    if χ₁ does not cross 1 for σ_w² in the search range, or jumps
     *                                  over 1 (the message says which)
     */
    public static double crossing(Nonlinearity phi, double sigmaB2) {
        new LengthMap(phi, 1, sigmaB2);
        double lo;
        double hi;
        if (excess(phi, 1, sigmaB2) < 0) {
            lo = 1;
            hi = 2;
            while (excess(phi, hi, sigmaB2) < 0) {
                lo = hi;
                hi *= 2;
                if (hi > SIGMA_W2_MAX) {
                    throw new IllegalStateException("chi1 < 1 for every m up to " + SIGMA_W2_MAX + " (" + phi.name()
                            + ", sigmaB2 = " + sigmaB2 + ")");
                }
            }
        } else {
            hi = 1;
            lo = 0.5;
            while (excess(phi, lo, sigmaB2) >= 0) {
                hi = lo;
                lo /= 2;
                if (lo < SIGMA_W2_MIN) {
                    throw new IllegalStateException("chi1 >= 1 for every m down to " + SIGMA_W2_MIN + " ("
                            + phi.name() + ", sigmaB2 = " + sigmaB2 + ")");
                }
            }
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (excess(phi, mid, sigmaB2) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double below = excess(phi, lo, sigmaB2);
        double above = excess(phi, hi, sigmaB2);
        if (Math.abs(below) > CROSSING_TOL || Math.abs(above) > CROSSING_TOL) {
            // hi may sit on the unstable fixed point itself (q¹ = q_u, which the iteration keeps): the
            // branches' values are a step of 1e-9 outside the bracket (10⁻¹³ wide), where q¹ has left it
            throw new Chi1JumpException(hi, 1 + excess(phi, lo * (1 - 1e-9), sigmaB2),
                    1 + excess(phi, hi * (1 + 1e-9), sigmaB2), phi.name(), sigmaB2);
        }
        return 0.5 * (lo + hi);
    }

    /** χ₁ − 1 at σ_w² (NaN χ₁, from an overflowing φ', counts as chaotic). */
    private static double excess(Nonlinearity phi, double sigmaW2, double sigmaB2) {
        LengthMap lengths = new LengthMap(phi, sigmaW2, sigmaB2);
        TheoryValue q = lengths.fixedPoint();
        double chi = lengths.chi(q.isFinite() ? q.value() : Double.POSITIVE_INFINITY);
        return Double.isNaN(chi) ? 1 : chi - 1;
    }
}
