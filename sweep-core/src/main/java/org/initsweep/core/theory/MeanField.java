package org.initsweep.core.theory;

import java.io.Serializable;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import org.initsweep.core.activation.Activation;

/**
 * Mean-field (infinite-width) signal propagation through a deep fully connected network with
 * i.i.d. weights W<sub>ij</sub> ~ N(0, m / fan_in) and biases b<sub>i</sub> ~ N(0, σ_b²), i.e.
 * σ_w² = m in the notation of Poole et al. 2016, "Exponential expressivity in deep neural networks
 * through transient chaos" (NeurIPS), and Schoenholz et al. 2017, "Deep Information Propagation"
 * (ICLR).
 *
 * <p>Notation: z<sup>l</sup> = W<sup>l</sup> a<sup>l−1</sup> + b<sup>l</sup> is the pre-activation
 * of hidden layer l (l = 1..depth), a<sup>l</sup> = φ(z<sup>l</sup>), a<sup>0</sup> = x the input.
 * q<sup>l</sup> = Var(z<sup>l</sup><sub>i</sub>) (z is zero-mean under the theory); all q's are in
 * units of the squared pre-activation. Expectations over u ~ N(0, 1) ("∫Dz" in the papers) are
 * computed by {@link GaussHermite#gaussianExpectation(DoubleUnaryOperator, double)} to about
 * 10<sup>−15</sup>.
 *
 * <p>This is the per-activation view the predictions use (per-layer variances, χ₁ and the regime at
 * any q); its solvers are the theory's one set: the fixed point from {@link LengthMap}, the critical
 * multiplier from {@link CriticalLine}, the depth scales from {@link DepthScales}. They assume, as
 * {@code LengthMapTest} checks for every registered {@link Activation}, that q ↦ E[φ(√q u)²] is
 * non-decreasing, so the length map is monotone and its iteration from q<sub>0</sub> converges
 * monotonically to the nearest fixed point in the direction it starts moving.
 *
 * <p>The record is immutable; every method is a pure function of its components and arguments.
 *
 * @param activation the element-wise non-linearity φ
 * @param m          weight-variance multiplier σ_w²: Var(W) = m / fan_in; finite and &gt; 0
 * @param sigmaB2    bias variance σ_b²; finite and ≥ 0
 */
public record MeanField(Activation activation, double m, double sigmaB2) implements Serializable {

    /** Default half-width of the "critical" band of χ₁ used by {@link #regime()}: |χ₁ − 1| ≤ 10⁻³. */
    public static final double DEFAULT_REGIME_TOL = 1e-3;

    /**
     * Phase of the forward/backward signal, from the slope χ₁ of the correlation map at c = 1
     * (Poole et al. 2016; Schoenholz et al. 2017, eq. 3): ordered/vanishing (χ₁ &lt; 1),
     * the edge of chaos (χ₁ = 1), chaotic/exploding (χ₁ &gt; 1).
     */
    public enum Regime {
        /** χ₁ &lt; 1 − tol: ordered phase, gradients vanish exponentially with depth. */
        VANISHING,
        /** |χ₁ − 1| ≤ tol: the edge of chaos. */
        CRITICAL,
        /** χ₁ &gt; 1 + tol: chaotic phase, gradients explode exponentially with depth. */
        EXPLODING;

        /** @return {@code vanishing}, {@code critical} or {@code exploding} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Validates the components.
     *
     * @param activation the non-linearity, not null
     * @param m          weight-variance multiplier, finite and &gt; 0
     * @param sigmaB2    bias variance, finite and ≥ 0
     * @throws IllegalArgumentException if {@code activation} is null, {@code m} is not finite and
     *                                  &gt; 0, or {@code sigmaB2} is not finite and ≥ 0 (the message
     *                                  names the parameter and the rejected value)
     */
    public MeanField {
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        checkMultiplier(m);
        checkBiasVariance(sigmaB2);
    }

    // ---------------------------------------------------------------------------------------------
    // Gaussian moments of the activation

    /**
     * E[φ(√q u)], u ~ N(0, 1): the mean of a<sup>l</sup> when Var(z<sup>l</sup>) = q.
     *
     * @param q pre-activation variance, ≥ 0 or +∞ (limits as in
     *          {@link GaussHermite#gaussianExpectation(DoubleUnaryOperator, double)})
     * @return the mean, in units of φ
     * @throws IllegalArgumentException if {@code q} is negative or NaN
     */
    public double meanPhi(double q) {
        return GaussHermite.gaussianExpectation(activation::value, q);
    }

    /**
     * E[φ(√q u)²], u ~ N(0, 1): the second moment of a<sup>l</sup> when Var(z<sup>l</sup>) = q
     * (the integral in Poole et al. 2016, eq. 3).
     *
     * @param q pre-activation variance, ≥ 0 or +∞
     * @return the second moment, in units of φ²
     * @throws IllegalArgumentException if {@code q} is negative or NaN
     */
    public double meanPhiSquared(double q) {
        return GaussHermite.gaussianExpectation(z -> square(activation.value(z)), q);
    }

    /**
     * E[φ'(√q u)²], u ~ N(0, 1) (the integral in χ₁, Schoenholz et al. 2017, eq. 3). For (leaky) ReLU it does not depend on q, and q = 0 gives the limit q → 0⁺.
     *
     * @param q pre-activation variance, ≥ 0 or +∞
     * @return the mean squared slope (dimensionless)
     * @throws IllegalArgumentException if {@code q} is negative or NaN
     */
    public double meanDerivativeSquared(double q) {
        return GaussHermite.gaussianExpectation(z -> square(activation.derivative(z)), q);
    }

    // ---------------------------------------------------------------------------------------------
    // Length map and its fixed point

    /**
     * The length map q<sup>l</sup> = m·E[φ(√q<sup>l−1</sup> u)²] + σ_b² (Poole et al. 2016, eq. 3): the pre-activation variance of the next layer.
     *
     * @param q pre-activation variance of the previous layer, ≥ 0 or +∞
     * @return the next layer's pre-activation variance
     * @throws IllegalArgumentException if {@code q} is negative or NaN
     */
    public double qMap(double q) {
        return m * meanPhiSquared(q) + sigmaB2;
    }

    /**
     * Slope of the length map, dq<sup>l</sup>/dq<sup>l−1</sup> = m·E[φ'(√q u)² + φ(√q u)φ''(√q u)]
     * (the argument of the logarithm in Schoenholz et al. 2017, eq. 6), as {@link LengthMap#slope}
     * computes it (Stein's form, no φ'').
     *
     * @param q pre-activation variance, ≥ 0 or +∞
     * @return the slope (dimensionless)
     * @throws IllegalArgumentException if {@code q} is negative or NaN
     */
    public double qMapSlope(double q) {
        return lengths().slope(q);
    }

    /**
     * The fixed point q* reached by iterating {@link #qMap(double)} from the first layer's length
     * q¹ = m + σ_b² (standardized inputs, {@link LengthMap#fixedPoint()}).
     *
     * @return q* as in {@link #fixedPoint(double)}
     */
    public double fixedPoint() {
        return fixedPoint(lengths().firstLength());
    }

    /**
     * The fixed point q* = m·E[φ(√q* u)²] + σ_b² (Poole et al. 2016, eq. 4) that the iteration of
     * {@link #qMap(double)} from q<sub>0</sub> converges to, in units of the squared pre-activation:
     * {@link LengthMap#fixedPoint(double)}, with {@link Double#POSITIVE_INFINITY} where it has none
     * (linear or (leaky) ReLU with m·gain &gt; 1, or = 1 with σ_b² &gt; 0). Linear and (leaky) ReLU at
     * m·gain = 1 and σ_b² = 0 keep every q: q<sub>0</sub> is returned.
     *
     * @param q0 starting variance, finite and ≥ 0
     * @return q* ≥ 0, possibly {@link Double#POSITIVE_INFINITY}
     * @throws IllegalArgumentException if {@code q0} is negative, NaN or infinite
     */
    public double fixedPoint(double q0) {
        TheoryValue q = lengths().fixedPoint(q0);
        return q.isFinite() ? q.value() : Double.POSITIVE_INFINITY;
    }

    /** The same network as a {@link LengthMap}, whose solvers this view uses. */
    private LengthMap lengths() {
        return new LengthMap(Nonlinearity.of(activation), m, sigmaB2);
    }

    // ---------------------------------------------------------------------------------------------
    // χ₁, regime, critical multiplier

    /**
     * χ₁ = m·E[φ'(√q* u)²] at the fixed point q* = {@link #fixedPoint()} (Poole et al. 2016;
     * Schoenholz et al. 2017, eq. 3): the slope of the correlation map at c = 1, and the per-layer
     * factor of the backward second moment for equal widths. Examples: linear m; (leaky) ReLU
     * m·(1 + slope²)/2 at any q*; tanh with q* = 0 (m ≤ 1, σ_b² = 0) m·φ'(0)² = m.
     *
     * @return χ₁ (dimensionless)
     */
    public double chi1() {
        return chi1(fixedPoint());
    }

    /**
     * m·E[φ'(√q u)²] at a given pre-activation variance q (χ₁ of Schoenholz et al. 2017, eq. 3,
     * evaluated away from the fixed point).
     *
     * @param q pre-activation variance, ≥ 0 or +∞
     * @return the slope factor (dimensionless)
     * @throws IllegalArgumentException if {@code q} is negative or NaN
     */
    public double chi1(double q) {
        return m * meanDerivativeSquared(q);
    }

    /**
     * The regime of {@link #chi1()} with the default band {@value #DEFAULT_REGIME_TOL}.
     *
     * @return the regime
     */
    public Regime regime() {
        return regime(DEFAULT_REGIME_TOL);
    }

    /**
     * The regime of {@link #chi1()}: see {@link #regimeOf(double, double)}.
     *
     * @param tol half-width of the critical band, finite and ≥ 0
     * @return the regime
     * @throws IllegalArgumentException if {@code tol} is negative, NaN or infinite
     */
    public Regime regime(double tol) {
        return regimeOf(chi1(), tol);
    }

    /**
     * Classifies χ₁: {@link Regime#VANISHING} if χ₁ &lt; 1 − tol, {@link Regime#EXPLODING} if
     * χ₁ &gt; 1 + tol, {@link Regime#CRITICAL} otherwise.
     *
     * @param chi1 the slope χ₁, not NaN
     * @param tol  half-width of the critical band, finite and ≥ 0
     * @return the regime
     * @throws IllegalArgumentException if {@code chi1} is NaN or {@code tol} is invalid
     */
    public static Regime regimeOf(double chi1, double tol) {
        if (Double.isNaN(chi1)) {
            throw new IllegalArgumentException("chi1 must not be NaN");
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol must be finite and >= 0, got " + tol);
        }
        if (chi1 < 1 - tol) {
            return Regime.VANISHING;
        }
        if (chi1 > 1 + tol) {
            return Regime.EXPLODING;
        }
        return Regime.CRITICAL;
    }

    /**
     * The critical weight-variance multiplier m<sub>c</sub> with χ₁(m<sub>c</sub>) = 1 at the given
     * σ_b²: the order-to-chaos line of the (σ_w², σ_b²) phase diagrams of Poole et al. 2016 and Schoenholz
     * et al. 2017, as {@link CriticalLine#crossing} finds it.
     * Examples: linear 1, ReLU 2, leaky ReLU(s) 2/(1 + s²), tanh 1 at σ_b² = 0 and ≈ 1.76 at
     * σ_b² = 0.05.
     *
     * @param activation the non-linearity, not null
     * @param sigmaB2    bias variance, finite and ≥ 0
     * @return m<sub>c</sub> &gt; 0
     * @throws IllegalArgumentException if an argument is invalid
     * @throws IllegalStateException    if χ₁ does not cross 1 for m in [10⁻⁶, 10⁶], or jumps over 1
     *                                  (GELU, SiLU at σ_b² = 0: {@link Chi1JumpException})
     */
    public static double criticalMultiplier(Activation activation, double sigmaB2) {
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        checkBiasVariance(sigmaB2);
        return CriticalLine.crossing(Nonlinearity.of(activation), sigmaB2);
    }

    // ---------------------------------------------------------------------------------------------
    // Depth scales

    /**
     * ξ_q = −1/ln(m·∫Dz [φ'(√q* z)² + φ(√q* z)φ''(√q* z)]) (Schoenholz et al. 2017, eq. 6): the
     * number of layers over which |q<sup>l</sup> − q*| shrinks by a factor e. The argument is
     * {@link #qMapSlope(double)} at q* = {@link #fixedPoint()}, which is ≤ 1 at an attracting fixed
     * point. Returns {@link Double#POSITIVE_INFINITY} when it is ≥ 1: the approach to q* is not
     * exponential (e.g. tanh at m = 1, σ_b² = 0, where q<sup>l</sup> ~ 1/(2l); ReLU at m = 2,
     * σ_b² = 0, where every q is fixed), or there is no finite q* to approach (q* = +∞).
     *
     * @return ξ_q in layers, &gt; 0, possibly +∞
     */
    public double depthScaleQ() {
        TheoryValue xiQ = DepthScales.of(Nonlinearity.of(activation), m, sigmaB2).xiQ();
        return xiQ.isFinite() ? xiQ.value() : Double.POSITIVE_INFINITY;
    }

    /**
     * ξ_c = −1/ln χ_c (Schoenholz et al. 2017, eq. 9): the number of layers over which the
     * correlation of two inputs relaxes by a factor e towards the stable fixed point c* of the
     * correlation map, on both sides of the transition (see {@link DepthScales}, which computes it,
     * with the length fixed point from the first layer's length, {@link #fixedPoint()}):
     * <ul>
     *   <li>χ₁ &lt; 1 (ordered) with q* &gt; 0: c* = 1, χ_c = χ₁, ξ_c = −1/ln χ₁;</li>
     *   <li>q* = 0 (σ_b² = 0, ordered): {@link Double#POSITIVE_INFINITY} — the correlation of two
     *       inputs no longer relaxes exponentially (see {@link DepthScales});</li>
     *   <li>|χ₁ − 1| ≤ 10⁻¹²: {@link Double#POSITIVE_INFINITY} (the edge of chaos);</li>
     *   <li>χ₁ &gt; 1 (chaotic) with a finite q*: c* &lt; 1 and ξ_c = −1/ln χ_c(c*), finite;</li>
     *   <li>no finite q* (linear, (leaky) ReLU with χ₁ &gt; 1, or χ₁ = 1 with σ_b² &gt; 0):
     *       {@link Double#NaN} — {@link DepthScales#xiC()} carries the reason
     *       ({@link TheoryValue.Status#NO_FIXED_POINT}).</li>
     * </ul>
     *
     * @return ξ_c in layers, or +∞ or NaN as above
     */
    public double depthScaleC() {
        return DepthScales.of(Nonlinearity.of(activation), m, sigmaB2).xiC().value();
    }

    // ---------------------------------------------------------------------------------------------
    // Per-layer predictions

    /**
     * Predicted Var(z<sup>l</sup>) = q<sup>l</sup> for hidden layers l = 1..depth, given the input's
     * per-feature second moment q<sub>0</sub> = E[x<sub>j</sub>²]: q<sup>1</sup> = m·q<sub>0</sub> +
     * σ_b² (the input is not passed through φ), q<sup>l</sup> = {@link #qMap(double)}(q<sup>l−1</sup>)
     * (Poole et al. 2016, eq. 3). Widths do not enter (Var(W) is fan_in-normalised).
     *
     * @param q0    input second moment per feature, finite and ≥ 0 (units of x²)
     * @param depth number of hidden layers, ≥ 0
     * @return array of length {@code depth}; element l−1 is q<sup>l</sup> (may overflow to +∞ for
     *         an exploding unbounded φ)
     * @throws IllegalArgumentException if {@code q0} or {@code depth} is invalid
     */
    public double[] predictedVarZ(double q0, int depth) {
        checkQ0(q0);
        checkDepth(depth);
        double[] q = new double[depth];
        double current = m * q0 + sigmaB2;
        for (int l = 0; l < depth; l++) {
            if (l > 0) {
                current = qMap(current);
            }
            q[l] = current;
        }
        return q;
    }

    /**
     * Predicted Var(a<sup>l</sup>) = E[φ(√q<sup>l</sup> u)²] − E[φ(√q<sup>l</sup> u)]² for
     * l = 1..depth, with q<sup>l</sup> from {@link #predictedVarZ(double, int)}.
     *
     * @param q0    input second moment per feature, finite and ≥ 0
     * @param depth number of hidden layers, ≥ 0
     * @return array of length {@code depth}; element l−1 is Var(a<sup>l</sup>) in units of φ²
     * @throws IllegalArgumentException if {@code q0} or {@code depth} is invalid
     */
    public double[] predictedVarA(double q0, int depth) {
        double[] q = predictedVarZ(q0, depth);
        double[] var = new double[depth];
        for (int l = 0; l < depth; l++) {
            double second = meanPhiSquared(q[l]);
            if (Double.isInfinite(second)) {
                var[l] = Double.POSITIVE_INFINITY;
            } else {
                double mean = meanPhi(q[l]);
                var[l] = Math.max(0, second - mean * mean);
            }
        }
        return var;
    }

    /**
     * Backward factor of layer l: Var(∂J/∂a<sup>l−1</sup>) = factor·Var(∂J/∂a<sup>l</sup>) with
     * factor = m·(fan_out/fan_in)·E[φ'(√q<sup>l</sup> u)²], where fan_in = width of layer l−1 and
     * fan_out = width of layer l (∂J/∂a<sup>l−1</sup> = W<sup>lᵀ</sup>(φ'(z<sup>l</sup>) ⊙
     * ∂J/∂a<sup>l</sup>) sums fan_out terms with Var(W) = m/fan_in; with the mean-field assumption of
     * Schoenholz et al. 2017 that the weights used in the backward pass are independent of the forward
     * pass). For equal fans this is χ₁ at q<sup>l</sup>.
     *
     * @param q      pre-activation variance q<sup>l</sup> of layer l, ≥ 0 or +∞
     * @param fanIn  width of layer l − 1, ≥ 1
     * @param fanOut width of layer l, ≥ 1
     * @return the factor (dimensionless)
     * @throws IllegalArgumentException if an argument is invalid
     */
    public double gradientFactor(double q, int fanIn, int fanOut) {
        if (fanIn < 1) {
            throw new IllegalArgumentException("fanIn must be >= 1, got " + fanIn);
        }
        if (fanOut < 1) {
            throw new IllegalArgumentException("fanOut must be >= 1, got " + fanOut);
        }
        return m * ((double) fanOut / fanIn) * meanDerivativeSquared(q);
    }

    /**
     * Predicted Var(∂J/∂a<sup>l</sup>) for l = 1..depth in a network of equal hidden widths:
     * Var(∂J/∂a<sup>depth</sup>) = {@code outputGradVar} (what the output layer sends back to the
     * last hidden layer), and Var(∂J/∂a<sup>l−1</sup>) = {@link #gradientFactor(double, int, int)}
     * (q<sup>l</sup>, n, n)·Var(∂J/∂a<sup>l</sup>) for l = depth..2, with q<sup>l</sup> from
     * {@link #predictedVarZ(double, int)} (the gradient recursion of Schoenholz et al. 2017, whose per-layer
     * factor is χ₁ at the fixed point).
     *
     * @param q0            input second moment per feature, finite and ≥ 0
     * @param depth         number of hidden layers, ≥ 0
     * @param outputGradVar Var(∂J/∂a<sup>depth</sup>), finite and ≥ 0 (units of J²/φ²)
     * @return array of length {@code depth}; element l−1 is Var(∂J/∂a<sup>l</sup>)
     * @throws IllegalArgumentException if an argument is invalid
     */
    public double[] predictedVarGradA(double q0, int depth, double outputGradVar) {
        if (!(outputGradVar >= 0) || Double.isInfinite(outputGradVar)) {
            throw new IllegalArgumentException(
                    "outputGradVar must be finite and >= 0, got " + outputGradVar);
        }
        double[] q = predictedVarZ(q0, depth);
        double[] grad = new double[depth];
        if (depth == 0) {
            return grad;
        }
        grad[depth - 1] = outputGradVar;
        for (int i = depth - 2; i >= 0; i--) {
            grad[i] = chi1(q[i + 1]) * grad[i + 1];
        }
        return grad;
    }

    // ---------------------------------------------------------------------------------------------
    // Validation

    private static void checkMultiplier(double m) {
        if (!(m > 0) || Double.isInfinite(m)) {
            throw new IllegalArgumentException("m must be finite and > 0, got " + m);
        }
    }

    private static void checkBiasVariance(double sigmaB2) {
        if (!(sigmaB2 >= 0) || Double.isInfinite(sigmaB2)) {
            throw new IllegalArgumentException("sigmaB2 must be finite and >= 0, got " + sigmaB2);
        }
    }

    private static void checkQ0(double q0) {
        if (!(q0 >= 0) || Double.isInfinite(q0)) {
            throw new IllegalArgumentException("q0 must be finite and >= 0, got " + q0);
        }
    }

    private static void checkDepth(int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0, got " + depth);
        }
    }

    private static double square(double x) {
        return x * x;
    }
}
