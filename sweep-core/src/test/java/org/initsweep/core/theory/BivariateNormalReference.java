package org.initsweep.core.theory;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Independent reference for E[f(u₁)g(u₂)], u₁ = √q z₁, u₂ = √q (c z₁ + √(1 − c²) z₂): polar
 * coordinates z₁ = r cos θ, z₂ = r sin θ, so u₂ = √q r cos(θ − α) with α = arccos c, and
 * E = (1/2π) ∫₀^{2π} dθ ∫₀^{12} r e^{−r²/2} f(√q r cos θ) g(√q r cos(θ − α)) dr. Kinks of f and
 * g at 0 lie on the rays θ = ±π/2 and θ = α ± π/2, where the angle integral is split; both
 * integrals are adaptive Simpson. A different geometry and rule from {@link BivariateGaussian};
 * slow (~10⁵–10⁶ evaluations); agrees with the closed forms to ~10⁻¹³, asserted to 10⁻¹⁰.
 */
final class BivariateNormalReference {

    private BivariateNormalReference() {
    }

    static double expectation(DoubleUnaryOperator f, DoubleUnaryOperator g, double q, double c) {
        double a = Math.sqrt(q);
        double alpha = Math.acos(c);
        double[] cuts = {0, Math.PI / 2, 3 * Math.PI / 2, mod(alpha + Math.PI / 2), mod(alpha - Math.PI / 2),
            2 * Math.PI};
        Arrays.sort(cuts);
        DoubleUnaryOperator angular = theta -> {
            double c1 = Math.cos(theta);
            double c2 = Math.cos(theta - alpha);
            return simpson(r -> r * Math.exp(-0.5 * r * r) * f.applyAsDouble(a * r * c1)
                    * g.applyAsDouble(a * r * c2), 0, 12, 1e-11);
        };
        double sum = 0;
        for (int i = 0; i + 1 < cuts.length; i++) {
            if (cuts[i + 1] > cuts[i]) {
                sum += simpson(angular, cuts[i], cuts[i + 1], 1e-10);
            }
        }
        return sum / (2 * Math.PI);
    }

    private static double mod(double theta) {
        double t = theta % (2 * Math.PI);
        return t < 0 ? t + 2 * Math.PI : t;
    }

    private static double simpson(DoubleUnaryOperator f, double a, double b, double eps) {
        double fa = f.applyAsDouble(a);
        double fb = f.applyAsDouble(b);
        double fm = f.applyAsDouble(0.5 * (a + b));
        return adapt(f, a, b, eps, (b - a) / 6 * (fa + 4 * fm + fb), fa, fb, fm, 40);
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
}
