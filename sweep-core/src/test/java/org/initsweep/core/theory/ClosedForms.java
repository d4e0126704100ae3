package org.initsweep.core.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * Closed forms the quadrature and the fixed points are checked against, and a test-local erf
 * activation (erf has no Java implementation to borrow). Shares no code with the classes tested.
 */
final class ClosedForms {

    private ClosedForms() {
    }

    /**
     * erf(x) by the series erf(x) = (2/√π)e^{−x²} Σ 2ⁿx^{2n+1}/(1·3···(2n+1)) (Abramowitz &amp; Stegun
     * 7.1.6; all terms positive, so no cancellation: ~1e-16 relative), ±1 beyond |x| = 6 where
     * erfc &lt; 2.2e-17.
     */
    static double erf(double x) {
        double t = Math.abs(x);
        if (t > 6) {
            return Math.signum(x);
        }
        double term = t;
        double sum = t;
        for (int n = 1; n < 400 && term > 1e-18 * sum; n++) {
            term *= 2 * t * t / (2 * n + 1);
            sum += term;
        }
        double r = 2 / Math.sqrt(Math.PI) * Math.exp(-t * t) * sum;
        return x < 0 ? -r : r;
    }

    /** φ(z) = erf(a z) and φ'(z) = (2a/√π)e^{−a²z²}. */
    static Nonlinearity erfActivation(double a) {
        return new Nonlinearity("erf(" + a + "z)", z -> erf(a * z),
                z -> 2 * a / Math.sqrt(Math.PI) * Math.exp(-a * a * z * z));
    }

    /**
     * E[erf(a u₁) erf(a u₂)] = (2/π) arcsin(2a²Σ₁₂ / √((1 + 2a²Σ₁₁)(1 + 2a²Σ₂₂))) (Williams 1998,
     * "Computation with infinite neural networks", Neural Computation 10: the arcsine kernel).
     */
    static double erfKernel(double a, double q1, double q2, double c) {
        double s12 = c * Math.sqrt(q1 * q2);
        double k = 2 * a * a;
        return 2 / Math.PI * Math.asin(k * s12 / Math.sqrt((1 + k * q1) * (1 + k * q2)));
    }

    /**
     * E[φ'(u₁)φ'(u₂)] for φ = erf(a·): (4a²/π)·E[e^{−a²(u₁² + u₂²)}] = (4a²/π)/√det(I + 2a²Σ)
     * (the Gaussian integral of e^{−½uᵀ(Σ⁻¹ + 2a²I)u}).
     */
    static double erfSlopeKernel(double a, double q1, double q2, double c) {
        double s12 = c * Math.sqrt(q1 * q2);
        double k = 2 * a * a;
        return 4 * a * a / Math.PI / Math.sqrt((1 + k * q1) * (1 + k * q2) - k * k * s12 * s12);
    }

    /** E[erf(a√q z)²] = (2/π) arcsin(2a²q/(1 + 2a²q)). */
    static double erfSecondMoment(double a, double q) {
        return erfKernel(a, q, q, 1);
    }

    /**
     * E[relu(u₁) relu(u₂)] = √(q₁q₂)·(sin θ + (π − θ) cos θ)/(2π), θ = arccos c: half the first-order
     * arc-cosine kernel of Cho &amp; Saul 2009, "Kernel methods for deep learning" (NeurIPS, Sec. 2.1):
     * k₁ = 2E[relu(w·x) relu(w·y)] = (1/π)‖x‖‖y‖ J₁(θ), J₁ = sin θ + (π − θ) cos θ.
     */
    static double reluKernel(double q1, double q2, double c) {
        double theta = Math.acos(c);
        return Math.sqrt(q1 * q2) * (Math.sin(theta) + (Math.PI - theta) * c) / (2 * Math.PI);
    }

    /** E[H(u₁)H(u₂)] = (π − θ)/(2π), the orthant probability (Cho &amp; Saul's k₀/2, J₀ = π − θ). */
    static double stepKernel(double c) {
        return (Math.PI - Math.acos(c)) / (2 * Math.PI);
    }

    /** Root of f on [lo, hi] by bisection, f(lo) and f(hi) of opposite signs. */
    static double bisect(DoubleUnaryOperator f, double lo, double hi) {
        double flo = f.applyAsDouble(lo);
        for (int i = 0; i < 200 && hi - lo > 1e-16 * Math.max(1, Math.abs(hi)); i++) {
            double mid = 0.5 * (lo + hi);
            double fm = f.applyAsDouble(mid);
            if ((fm > 0) == (flo > 0)) {
                lo = mid;
                flo = fm;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
