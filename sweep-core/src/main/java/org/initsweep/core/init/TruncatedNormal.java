package org.initsweep.core.init;

import java.util.SplittableRandom;
import org.initsweep.core.math.StandardNormal;

/**
 * The normal distribution N(0, σ²) truncated to [a, b]: its variance in closed form and exact draws
 * by rejection from {@link Gaussian}.
 *
 * <p>Variance (Johnson, Kotz &amp; Balakrishnan, "Continuous Univariate Distributions" vol. 1, 2nd ed.,
 * §10.1, eq. 13.134): with α = a/σ, β = b/σ, Z = Φ(β) − Φ(α),
 * Var = σ²·[1 + (α·φ(α) − β·φ(β))/Z − ((φ(α) − φ(β))/Z)²], Φ and φ from {@link StandardNormal}.
 */
public final class TruncatedNormal {

    /** Consecutive rejections after which the interval is taken to hold no mass worth sampling. */
    private static final int MAX_REJECTIONS = 1_000_000;

    /**
     * The least probability of [a, b] under N(0, σ²) a spec may ask for: below it, rejection needs more
     * than 10⁴ draws a weight on average, and runs out of draws ({@value #MAX_REJECTIONS} in a row) within
     * a few million weights.
     */
    public static final double MIN_MASS = 1e-4;

    private TruncatedNormal() {
    }

    /** P(a ≤ X ≤ b) for X ~ N(0, σ²), from the nearer tail so that an interval far out keeps its digits. */
    public static double mass(double sigma, double a, double b) {
        if (a > 0) {
            return StandardNormal.cdf(-a / sigma) - StandardNormal.cdf(-b / sigma);
        }
        return StandardNormal.cdf(b / sigma) - StandardNormal.cdf(a / sigma);
    }

    /**
     * Variance of N(0, σ²) truncated to [a, b].
     *
     * @throws IllegalArgumentException if σ ≤ 0, a ≥ b, or [a, b] holds no probability in double
     */
    public static double variance(double sigma, double a, double b) {
        if (!(sigma > 0) || !(a < b)) {
            throw new IllegalArgumentException("a truncated normal needs σ > 0 and a < b, got σ = " + sigma
                    + ", [" + a + ", " + b + "]");
        }
        double al = a / sigma;
        double be = b / sigma;
        double z = StandardNormal.cdf(be) - StandardNormal.cdf(al);
        if (!(z > 0)) {
            throw new IllegalArgumentException("[" + a + ", " + b + "] holds no mass of N(0, " + sigma * sigma + ")");
        }
        double pa = Double.isInfinite(al) ? 0 : StandardNormal.pdf(al);
        double pb = Double.isInfinite(be) ? 0 : StandardNormal.pdf(be);
        double ta = Double.isInfinite(al) ? 0 : al * pa;
        double tb = Double.isInfinite(be) ? 0 : be * pb;
        double d = (pa - pb) / z;
        return sigma * sigma * (1 + (ta - tb) / z - d * d);
    }

    /**
     * One draw of N(0, σ²) restricted to [a, b], by rejection: exactly the truncated distribution.
     *
     * @throws IllegalArgumentException if a million draws in a row fall outside [a, b]
     */
    public static double next(SplittableRandom rng, double sigma, double a, double b) {
        for (int i = 0; i < MAX_REJECTIONS; i++) {
            double x = sigma * Gaussian.next(rng);
            if (x >= a && x <= b) {
                return x;
            }
        }
        throw new IllegalArgumentException("[" + a + ", " + b + "] holds almost none of N(0, " + sigma * sigma
                + "): a million draws fell outside");
    }
}
