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

    private TruncatedNormal() {
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
