package org.initsweep.core.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Expectations E[f(u₁)·g(u₂)] over a pair of correlated centred Gaussians, the "∫Dz₁Dz₂" of the
 * correlation map (Poole et al. 2016, eq. 5; Schoenholz et al. 2017, eq. 4):
 * u₁ = √q₁·z₁, u₂ = √q₂·(c·z₁ + √(1 − c²)·z₂) with z₁, z₂ independent N(0, 1), so that
 * Var(u₁) = q₁, Var(u₂) = q₂ and Corr(u₁, u₂) = c.
 *
 * <p>Method: a tensor product of split composite Gauss–Legendre rules, the two-dimensional form of
 * {@link GaussHermite#gaussianExpectation(DoubleUnaryOperator, double)}. The outer integral over
 * z₁ ∈ [−{@value #CUTOFF}, {@value #CUTOFF}] is split at z₁ = 0, where f(√q₁ z₁) may have a kink
 * and the inner integral G(z₁) = E[g(√q₂ c z₁ + √q₂ √(1 − c²) z₂) | z₁] changes fastest. The
 * inner integral is split where the argument of g crosses 0, so a kink or jump of g at 0 sits on a
 * panel end and costs nothing (see {@code Inner} for its two equivalent forms). Panels grow
 * geometrically away from each split point (the first width from the scales of f, g and the
 * correlation, then ×2 per panel up to {@value #MAX_PANEL} standard deviations), each with a
 * {@value #PANEL_ORDER}-point Gauss–Legendre rule. Contract: f and g are analytic except possibly
 * at 0, vary on a scale of order 1 or more away from 0 (true of every activation and derivative
 * initsweep knows: kinks of relu, leaky relu, elu, selu at 0, jumps of their derivatives at 0),
 * and grow at most polynomially. Measured error (see {@code BivariateGaussianTest}): ≤ 10⁻¹⁴
 * against the closed forms of Cho &amp; Saul 2009 (ReLU, step) and Williams 1998 (erf and its
 * derivative) for q from 10⁻³ to 10³ and every c in [−1, 1] tried, including 1 − 10⁻⁹. At |c| = 1
 * the pair is degenerate (u₂ = ±√(q₂/q₁)·u₁) and the one-dimensional rule is used.
 *
 * <p>Cost: about 140 outer nodes for q ≲ 1 (more, logarithmically, for large q or |c| near 1),
 * each re-weighting a few hundred shared evaluations of g; outer nodes where f vanishes (half of
 * them for ReLU) are skipped. About 0.1–0.3 ms for tanh on one core.
 * Pure and thread-safe.
 */
public final class BivariateGaussian {

    /** Gauss–Legendre points per panel. */
    public static final int PANEL_ORDER = 12;

    /** Truncation of both standard-normal coordinates: the neglected mass is ~10⁻²³. */
    public static final double CUTOFF = 10.0;

    /** Widest panel, in units of the standard-normal coordinate. */
    public static final double MAX_PANEL = 3.0;

    /** Narrowest first panel: resolution limit for q up to ~10²⁰ or |c| within 10⁻²⁰ of 1. */
    private static final double MIN_PANEL = 1e-10;

    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

    private static final double[][] RULE = GaussHermite.gaussLegendreUnit(PANEL_ORDER);

    private BivariateGaussian() {
    }

    /**
     * E[f(u₁)·g(u₂)] for centred Gaussians with Var(u₁) = q₁, Var(u₂) = q₂, Corr(u₁, u₂) = c.
     *
     * @param f  function of u₁ (analytic except possibly at 0)
     * @param g  function of u₂ (analytic except possibly at 0)
     * @param q1 variance of u₁, finite and &gt; 0 (units of u₁²)
     * @param q2 variance of u₂, finite and &gt; 0
     * @param c  correlation, in [−1, 1]
     * @return the expectation, in units of f·g
     * @throws IllegalArgumentException if a variance is not finite and &gt; 0 or c is outside [−1, 1]
     * @throws NullPointerException     if f or g is null
     */
    public static double expectation(DoubleUnaryOperator f, DoubleUnaryOperator g, double q1, double q2,
            double c) {
        if (f == null || g == null) {
            throw new NullPointerException("f and g must not be null");
        }
        double[] out = new double[2];
        expectations(f, g, null, null, q1, q2, c, out);
        return out[0];
    }

    /**
     * E[(f₁(u₁) − g₁(u₂))²] and E[(f₂(u₁) − g₂(u₂))²] on the same nodes, written to {@code out[0]}
     * and {@code out[1]}, with each difference taken at every node before it is squared: a small
     * result (f = g and c near 1, where E[f(u₁)²] and E[f(u₁)f(u₂)] agree to many digits) keeps its
     * relative accuracy instead of losing it to the cancellation of the two.
     *
     * @param f1  function of u₁ (analytic except possibly at 0), not null
     * @param g1  function of u₂ (analytic except possibly at 0), not null
     * @param f2  second function of u₁, or null with g2 (then out[1] = 0)
     * @param g2  second function of u₂, or null with f2
     * @param q1  variance of u₁, finite and &gt; 0
     * @param q2  variance of u₂, finite and &gt; 0
     * @param c   correlation, in [−1, 1]
     * @param out receives the two expectations (units of f₁², f₂²), length ≥ 2
     * @throws IllegalArgumentException if a variance is not finite and &gt; 0 or c is outside [−1, 1]
     */
    static void squaredDifferences(DoubleUnaryOperator f1, DoubleUnaryOperator g1, DoubleUnaryOperator f2,
            DoubleUnaryOperator g2, double q1, double q2, double c, double[] out) {
        integrate(f1, g1, f2, g2, q1, q2, c, true, out);
    }

    /**
     * E[f₁(u₁)g₁(u₂)] and E[f₂(u₁)g₂(u₂)] on the same nodes (the correlation map and its slope
     * share them): written to {@code out[0]} and {@code out[1]}. f₂ and g₂ may both be null
     * (then out[1] = 0).
     */
    static void expectations(DoubleUnaryOperator f1, DoubleUnaryOperator g1, DoubleUnaryOperator f2,
            DoubleUnaryOperator g2, double q1, double q2, double c, double[] out) {
        integrate(f1, g1, f2, g2, q1, q2, c, false, out);
    }

    /** Both methods above: E[fᵢ(u₁)gᵢ(u₂)], or E[(fᵢ(u₁) − gᵢ(u₂))²] if {@code difference}. */
    private static void integrate(DoubleUnaryOperator f1, DoubleUnaryOperator g1, DoubleUnaryOperator f2,
            DoubleUnaryOperator g2, double q1, double q2, double c, boolean difference, double[] out) {
        checkVariance("q1", q1);
        checkVariance("q2", q2);
        if (!(c >= -1 && c <= 1)) {
            throw new IllegalArgumentException("c must be in [-1, 1], got " + c);
        }
        double s = Math.sqrt((1 - c) * (1 + c));
        double a1 = Math.sqrt(q1);
        double a2 = Math.sqrt(q2);
        if (s == 0) {
            degenerate(f1, g1, f2, g2, a1, c * a2, difference, out);
            return;
        }
        double a2c = a2 * c;
        double a2s = a2 * s;
        // Outer rule on z₁: scales of f (1/√q₁) and of G, a kink of g smoothed over √q₂·s, seen through √q₂·c.
        double[][] outer = layout(CUTOFF, clampWidth(Math.min(Math.min(1, 1 / a1),
                Math.min(1, a2s) / Math.abs(a2c))), MAX_PANEL);
        Inner inner = Inner.choose(g1, g2, a2c, a2s, outer[0].length);
        double[] z = outer[0];
        double[] w = outer[1];
        double[] g = new double[2];
        double sum1 = 0;
        double sum2 = 0;
        for (int i = 0; i < z.length; i++) {
            double u1 = a1 * z[i];
            double fa = f1.applyAsDouble(u1);
            double fb = f2 != null ? f2.applyAsDouble(u1) : 0;
            if (!difference && fa == 0 && fb == 0) {
                continue;
            }
            inner.integrate(z[i], difference, fa, fb, g);
            sum1 += w[i] * (difference ? g[0] : fa * g[0]);
            sum2 += w[i] * (difference ? g[1] : fb * g[1]);
        }
        out[0] = sum1;
        out[1] = sum2;
    }

    /**
     * The inner integral G(z₁) = ∫ ρ(z₂) g(√q₂ c z₁ + √q₂ s z₂) dz₂ (s = √(1 − c²)), in one of two
     * equivalent forms chosen by cost. In the argument w = √q₂ c z₁ + √q₂ s z₂ of g it is the
     * smoothing of g by N(μ, σ²), μ = √q₂ c z₁, σ = √q₂ s, so with one grid in w (graded from the
     * kink at w = 0, panels at most {@value #MAX_PANEL}·σ wide) g is evaluated once for all outer
     * nodes and each outer node only re-weights it; that grid needs ~10·|c|/s panels, so for c very
     * close to ±1 the inner rule is instead rebuilt in z₂ for every outer node, split where w = 0.
     */
    private abstract static class Inner {

        /**
         * out[i] = Gᵢ(z₁), or if {@code difference} the same smoothing of (fᵢ − gᵢ)², fᵢ = fᵢ(u₁) at
         * this outer node.
         */
        abstract void integrate(double z1, boolean difference, double f1, double f2, double[] out);

        /** The inner integrand: g, or (f − g)² for a squared difference. */
        static double term(boolean difference, double f, double g) {
            return difference ? square(f - g) : g;
        }

        static Inner choose(DoubleUnaryOperator g1, DoubleUnaryOperator g2, double a2c, double a2s,
                int outerNodes) {
            double first = clampWidth(Math.min(1, a2s));
            double widest = MAX_PANEL * a2s;
            double reach = CUTOFF * (Math.abs(a2c) + a2s);
            double sharedPanels = 2 * (Math.log(Math.max(widest / first, 1)) / Math.log(2) + 2 + reach / widest);
            double perNodePanels = 2 * (CUTOFF / MAX_PANEL + 4);
            if (sharedPanels < outerNodes * perNodePanels) {
                return new SharedGrid(g1, g2, a2c, a2s, layout(reach, first, widest));
            }
            return new PerNode(g1, g2, a2c, a2s);
        }
    }

    /** The inner rule on one grid in w shared by all outer nodes. */
    private static final class SharedGrid extends Inner {
        private final double[] w;
        private final double[] weight;
        private final double[] g1;
        private final double[] g2;
        private final double a2c;
        private final double sigma;

        SharedGrid(DoubleUnaryOperator g1, DoubleUnaryOperator g2, double a2c, double sigma, double[][] grid) {
            this.w = grid[0];
            this.weight = grid[2];
            this.a2c = a2c;
            this.sigma = sigma;
            this.g1 = new double[w.length];
            this.g2 = g2 == null ? null : new double[w.length];
            for (int k = 0; k < w.length; k++) {
                this.g1[k] = g1.applyAsDouble(w[k]);
                if (g2 != null) {
                    this.g2[k] = g2.applyAsDouble(w[k]);
                }
            }
        }

        @Override
        void integrate(double z1, boolean difference, double f1, double f2, double[] out) {
            double mu = a2c * z1;
            double lo = mu - CUTOFF * sigma;
            double hi = mu + CUTOFF * sigma;
            int k = Arrays.binarySearch(w, lo);
            if (k < 0) {
                k = -k - 1;
            }
            double inv = 1 / sigma;
            double sum1 = 0;
            double sum2 = 0;
            for (; k < w.length && w[k] <= hi; k++) {
                double t = (w[k] - mu) * inv;
                double d = weight[k] * Math.exp(-0.5 * t * t);
                sum1 += d * term(difference, f1, g1[k]);
                if (g2 != null) {
                    sum2 += d * term(difference, f2, g2[k]);
                }
            }
            out[0] = sum1 * inv * INV_SQRT_2PI;
            out[1] = sum2 * inv * INV_SQRT_2PI;
        }
    }

    /** The inner rule rebuilt in z₂ for every outer node, split where the argument of g is 0. */
    private static final class PerNode extends Inner {
        private final DoubleUnaryOperator g1;
        private final DoubleUnaryOperator g2;
        private final double a2c;
        private final double sigma;
        private final double first;

        PerNode(DoubleUnaryOperator g1, DoubleUnaryOperator g2, double a2c, double sigma) {
            this.g1 = g1;
            this.g2 = g2;
            this.a2c = a2c;
            this.sigma = sigma;
            this.first = clampWidth(Math.min(1, 1 / sigma));
        }

        @Override
        void integrate(double z1, boolean difference, double f1, double f2, double[] out) {
            double mu = a2c * z1;
            double split = Math.max(-CUTOFF, Math.min(CUTOFF, -mu / sigma));
            double[] x = RULE[0];
            double[] v = RULE[1];
            double sum1 = 0;
            double sum2 = 0;
            for (int side = -1; side <= 1; side += 2) {
                double end = side * CUTOFF;
                double from = split;
                double width = first;
                for (int panel = 0; (end - from) * side > 0; panel++) {
                    double to = panelEnd(from, end, side, width);
                    double lo = Math.min(from, to);
                    double span = Math.abs(to - from);
                    for (int j = 0; j < x.length; j++) {
                        double z = lo + span * x[j];
                        double d = span * v[j] * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
                        double arg = mu + sigma * z;
                        sum1 += d * term(difference, f1, g1.applyAsDouble(arg));
                        if (g2 != null) {
                            sum2 += d * term(difference, f2, g2.applyAsDouble(arg));
                        }
                    }
                    from = to;
                    if (panel > 0) {
                        width = Math.min(2 * width, MAX_PANEL);
                    }
                }
            }
            out[0] = sum1;
            out[1] = sum2;
        }
    }

    /**
     * Composite Gauss–Legendre nodes on [−reach, reach], graded from 0 on both sides: panel ends 0,
     * first, 2·first, 4·first, … with widths capped at {@code widest}, a short remainder absorbed.
     * Returns {nodes (ascending), weights × standard-normal density, weights}.
     */
    static double[][] layout(double reach, double first, double widest) {
        List<double[]> panels = new ArrayList<>();
        double from = 0;
        double width = first;
        for (int panel = 0; from < reach; panel++) {
            double to = panelEnd(from, reach, 1, width);
            panels.add(new double[] {from, to});
            from = to;
            if (panel > 0) {
                width = Math.min(2 * width, widest);
            }
        }
        double[] x = RULE[0];
        double[] v = RULE[1];
        int half = panels.size() * x.length;
        double[] nodes = new double[2 * half];
        double[] dens = new double[2 * half];
        double[] plain = new double[2 * half];
        int k = half;
        for (double[] p : panels) {
            double span = p[1] - p[0];
            for (int j = 0; j < x.length; j++) {
                double t = p[0] + span * x[j];
                nodes[k] = t;
                plain[k] = span * v[j];
                dens[k] = plain[k] * INV_SQRT_2PI * Math.exp(-0.5 * t * t);
                k++;
            }
        }
        for (int i = 0; i < half; i++) {
            nodes[half - 1 - i] = -nodes[half + i];
            plain[half - 1 - i] = plain[half + i];
            dens[half - 1 - i] = dens[half + i];
        }
        return new double[][] {nodes, dens, plain};
    }

    /** End of the panel that starts at {@code from} heading to {@code end}; a short remainder is absorbed. */
    private static double panelEnd(double from, double end, int side, double width) {
        double to = from + side * width;
        if ((end - to) * side < 0.5 * width) {
            return end;
        }
        return to;
    }

    /** |c| = 1: u₂ = (c√q₂/√q₁)·u₁, a one-dimensional expectation. */
    private static void degenerate(DoubleUnaryOperator f1, DoubleUnaryOperator g1, DoubleUnaryOperator f2,
            DoubleUnaryOperator g2, double a1, double b2, boolean difference, double[] out) {
        double scale = Math.max(a1, Math.abs(b2));
        double r1 = a1 / scale;
        double r2 = b2 / scale;
        double q = scale * scale;
        out[0] = GaussHermite.gaussianExpectation(z -> pair(difference, f1, g1, r1 * z, r2 * z), q);
        out[1] = f2 == null ? 0 : GaussHermite.gaussianExpectation(z -> pair(difference, f2, g2, r1 * z, r2 * z), q);
    }

    /** f(u₁)g(u₂), or (f(u₁) − g(u₂))² for a squared difference. */
    private static double pair(boolean difference, DoubleUnaryOperator f, DoubleUnaryOperator g, double u1,
            double u2) {
        double a = f.applyAsDouble(u1);
        double b = g.applyAsDouble(u2);
        return difference ? square(a - b) : a * b;
    }

    private static double square(double x) {
        return x * x;
    }

    private static double clampWidth(double w) {
        return Math.max(w, MIN_PANEL);
    }

    private static void checkVariance(String name, double q) {
        if (!(q > 0) || Double.isInfinite(q)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + q);
        }
    }
}
