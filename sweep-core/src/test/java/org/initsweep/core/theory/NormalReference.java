package org.initsweep.core.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * Independent reference for Gaussian expectations in the tests: adaptive Simpson quadrature of
 * g(u)·e^{−u²/2}/√(2π) on [−12, 0] and [0, 12] (split at 0 so that a kink there is an end point).
 * Shares no code with {@link GaussHermite}.
 */
final class NormalReference {

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private NormalReference() {
    }

    /** E[g(u)], u ~ N(0, 1), to about 1e-14 absolute. */
    static double expectation(DoubleUnaryOperator g) {
        DoubleUnaryOperator f = u -> g.applyAsDouble(u) * INV_SQRT_2PI * Math.exp(-0.5 * u * u);
        return simpson(f, -12, 0) + simpson(f, 0, 12);
    }

    /** E[g(√q·u)], u ~ N(0, 1). */
    static double expectation(DoubleUnaryOperator g, double q) {
        double s = Math.sqrt(q);
        return expectation(u -> g.applyAsDouble(s * u));
    }

    private static double simpson(DoubleUnaryOperator f, double a, double b) {
        double fa = f.applyAsDouble(a);
        double fb = f.applyAsDouble(b);
        double fm = f.applyAsDouble(0.5 * (a + b));
        double whole = (b - a) / 6 * (fa + 4 * fm + fb);
        return adapt(f, a, b, 1e-15, whole, fa, fb, fm, 60);
    }

    private static double adapt(DoubleUnaryOperator f, double a, double b, double eps, double whole,
                                double fa, double fb, double fm, int depth) {
        double m = 0.5 * (a + b);
        double flm = f.applyAsDouble(0.5 * (a + m));
        double frm = f.applyAsDouble(0.5 * (m + b));
        double left = (m - a) / 6 * (fa + 4 * flm + fm);
        double right = (b - m) / 6 * (fm + 4 * frm + fb);
        double delta = left + right - whole;
        if (depth <= 0 || Math.abs(delta) <= 15 * eps) {
            return left + right + delta / 15;
        }
        return adapt(f, a, m, eps / 2, left, fa, fm, flm, depth - 1)
                + adapt(f, m, b, eps / 2, right, fm, fb, frm, depth - 1);
    }

    /** E[u^k] for u ~ N(0, 1): (k − 1)!! for even k, 0 for odd k. */
    static double normalMoment(int k) {
        if (k % 2 == 1) {
            return 0;
        }
        double moment = 1;
        for (int j = k - 1; j > 1; j -= 2) {
            moment *= j;
        }
        return moment;
    }
}
