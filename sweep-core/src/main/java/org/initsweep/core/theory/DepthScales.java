package org.initsweep.core.theory;

import java.io.Serializable;

/**
 * Everything mean-field theory says about one network (φ, σ_w², σ_b²) at its fixed point, on both
 * sides of the order-to-chaos transition (Poole et al. 2016; Schoenholz et al. 2017, "Deep
 * Information Propagation", ICLR):
 *
 * <ul>
 *   <li>q*: the fixed point of the length map ({@link LengthMap#fixedPoint(double)}, Poole eq. 4);</li>
 *   <li>χ₁ = σ_w²·E[φ'(√q* z)²] (Schoenholz eq. 3): the slope of the correlation map at c = 1
 *       and the per-layer factor of the gradient variance. If q* = ∞ it is the limit q → ∞
 *       (σ_w²/2 for ReLU, σ_w² for linear), which still tells how fast gradients explode;</li>
 *   <li>c* and χ_c: the stable fixed point of the correlation map and its slope there
 *       ({@link CorrelationMap#stableFixedPoint()}): c* = 1, χ_c = χ₁ in the ordered phase
 *       (χ₁ ≤ 1); c* &lt; 1, χ_c &lt; 1 in the chaotic phase (χ₁ &gt; 1);</li>
 *   <li>ξ_q = −1/ln|dq<sup>l</sup>/dq<sup>l−1</sup>| at q* (Schoenholz eq. 6), the depth over
 *       which the length relaxes by e; +∞ ({@link TheoryValue.Status#DIVERGENT}) when that slope
 *       is ≥ 1 (approach slower than exponential, e.g. every q fixed for ReLU at σ_w² = 2,
 *       σ_b² = 0);</li>
 *   <li>ξ_c = −1/ln χ_c (Schoenholz eq. 9), the depth over which two inputs' correlation relaxes
 *       to c* by e — finite on both sides, diverging at χ₁ = 1 (DIVERGENT when |χ₁ − 1| ≤ 10⁻¹²).
 *       Close to the transition ξ_c ≈ 1/|χ₁ − 1| on both sides (for smooth φ: χ_c(c*) ≈ 2 − χ₁
 *       on the chaotic side, from the quadratic expansion of the map about c = 1);</li>
 *   <li>ξ_∇ = −1/ln χ₁ ({@link #gradientDepthScale()}; Schoenholz §5, backpropagation), the depth over
 *       which the gradient's variance falls by e where χ₁ &lt; 1.</li>
 * </ul>
 * Where the length map has no finite fixed point (q* = ∞: linear, ReLU, leaky ReLU with χ₁ &gt; 1,
 * or χ₁ = 1 with σ_b² &gt; 0), q*, c*, χ_c, ξ_q and ξ_c are {@link TheoryValue#noFixedPoint()}.
 *
 * <p>When q* = 0 (σ_b² = 0, φ(0) = 0, ordered) the length shrinks to 0 and the correlation map
 * tends to that of φ's small-signal form: the identity for φ linear about 0 (linear, tanh: c<sup>l</sup>
 * stops changing, at c⁰ for a linear net) and, for ReLU and leaky ReLU, a map independent of the length
 * whose slope at c = 1 is 1 (c → 1 only polynomially in depth: for ReLU 1 − c<sup>l</sup> ∝ l⁻² once c is
 * close to 1; ZeroBiasCorrelationTest samples such networks). Either way no correlation is forgotten exponentially: c* = 1, χ_c = 1 and ξ_c = +∞
 * (DIVERGENT). The limit σ_b² → 0⁺ is not this: there q* &gt; 0 and χ_c = χ₁. The gradients still
 * vanish, by χ₁ = σ_w²·E[φ'(0±)²] per layer, so the trainability bound is 6·ξ_∇ there
 * ({@link #trainableDepthBound()}).
 *
 * <p>Accuracy: ξ_c to ~10⁻⁹ relative in the ordered phase (a one-dimensional integral). In the
 * chaotic phase c' − c is of order (χ₁ − 1)², so c* is found from 1 − c' and χ_c from χ₁ − χ_c, both
 * squared differences without cancellation ({@link CorrelationMap#stableFixedPoint()}); what remains
 * is the ~10⁻¹⁴ by which the one- and two-dimensional rules agree on χ₁, a relative error of about
 * 10⁻¹⁴/|χ₁ − 1| in ξ_c (tanh, σ_b² = 0.05: 4·10⁻⁷ at χ₁ − 1 = 4·10⁻⁸, checked against
 * ξ_c·(χ₁ − 1) → 1).
 *
 * <p>Cost: the fixed point q* (tens of length-map evaluations, ~0.1–1 ms) and, in the chaotic
 * phase only, c* (4–12 evaluations of the two-dimensional map and its slope, ~0.1–0.3 ms each for
 * tanh; more of them close to the critical line).
 *
 * @param qStar q*, units of the squared pre-activation
 * @param chi1  χ₁ (dimensionless)
 * @param cStar c*, in [0, 1]
 * @param chiC  χ_c at c*
 * @param xiQ   ξ_q, in layers
 * @param xiC   ξ_c, in layers
 */
public record DepthScales(TheoryValue qStar, TheoryValue chi1, TheoryValue cStar, TheoryValue chiC,
        TheoryValue xiQ, TheoryValue xiC) implements Serializable {

    /**
     * Theory for φ with weight variance σ_w² and bias variance σ_b², the length fixed point
     * reached from the first layer's length ({@link LengthMap#fixedPoint()}).
     *
     * @param phi     the non-linearity, not null
     * @param sigmaW2 σ_w² = m, finite and &gt; 0
     * @param sigmaB2 σ_b², finite and ≥ 0
     * @return the depth scales
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static DepthScales of(Nonlinearity phi, double sigmaW2, double sigmaB2) {
        return of(phi, sigmaW2, sigmaB2, new LengthMap(phi, sigmaW2, sigmaB2).firstLength());
    }

    /**
     * As {@link #of(Nonlinearity, double, double)}, with the length fixed point reached from q⁰.
     *
     * @param phi     the non-linearity, not null
     * @param sigmaW2 σ_w², finite and &gt; 0
     * @param sigmaB2 σ_b², finite and ≥ 0
     * @param q0      the input length, finite and &gt; 0
     * @return the depth scales
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static DepthScales of(Nonlinearity phi, double sigmaW2, double sigmaB2, double q0) {
        LengthMap lengths = new LengthMap(phi, sigmaW2, sigmaB2);
        if (!(q0 > 0) || Double.isInfinite(q0)) {
            throw new IllegalArgumentException("q0 must be finite and > 0, got " + q0);
        }
        TheoryValue qStar = lengths.fixedPoint(q0);
        if (!qStar.isFinite()) {
            double limit = lengths.chi(Double.POSITIVE_INFINITY);
            TheoryValue chi1 = Double.isFinite(limit) ? TheoryValue.finite(limit) : TheoryValue.noFixedPoint();
            TheoryValue none = TheoryValue.noFixedPoint();
            return new DepthScales(qStar, chi1, none, none, none, none);
        }
        double q = qStar.value();
        double chi1 = lengths.chi(q);
        TheoryValue xiQ = depthScale(Math.abs(lengths.slope(q)));
        CorrelationMap.FixedPoint c = q == 0 ? new CorrelationMap.FixedPoint(1, 1)
                : chi1 <= 1 + CorrelationMap.UNIT_TOL ? new CorrelationMap.FixedPoint(1, chi1)
                : CorrelationMap.atFixedPoint(lengths, q).stableFixedPoint();
        TheoryValue xiC = q == 0 || Math.abs(chi1 - 1) <= CorrelationMap.UNIT_TOL
                ? TheoryValue.divergent()
                : depthScale(Math.abs(c.chiC()));
        return new DepthScales(qStar, TheoryValue.finite(chi1), TheoryValue.finite(c.cStar()),
                TheoryValue.finite(c.chiC()), xiQ, xiC);
    }

    /** −1/ln r for a contraction rate r ≥ 0: DIVERGENT when r is within 10⁻¹² of 1 or above. */
    private static TheoryValue depthScale(double rate) {
        if (rate >= 1 - CorrelationMap.UNIT_TOL) {
            return TheoryValue.divergent();
        }
        return TheoryValue.finite(-1 / Math.log(rate));
    }

    /**
     * ξ_∇ = −1/ln χ₁ (Schoenholz et al. 2017, §5: the gradient's variance changes by χ₁ per layer), the
     * depth over which vanishing gradients fall by e. It equals ξ_c in the ordered phase wherever q* &gt; 0
     * (there χ_c = χ₁).
     *
     * @return ξ_∇ in layers where χ₁ &lt; 1; DIVERGENT where χ₁ ≥ 1 (gradients do not vanish);
     *         NO_FIXED_POINT where χ₁ does not exist
     */
    public TheoryValue gradientDepthScale() {
        return chi1.isFinite() ? depthScale(chi1.value()) : chi1;
    }

    /**
     * The depth up to which theory calls the network trainable: {@link Trainability#DEPTH_SCALES}·ξ_c
     * (Schoenholz et al. 2017, Fig. 5), where neither the correlations (ξ_c) nor the gradients (ξ_∇) may
     * fade: 6·min(ξ_c, ξ_∇). The two coincide in the ordered phase, and ξ_∇ diverges in the chaotic one,
     * so this is 6·ξ_c except where q* = 0 (σ_b² = 0, ordered), whose correlations never fade
     * exponentially while its gradients vanish: 6·ξ_∇ there.
     *
     * @return the bound in layers, DIVERGENT at the edge of chaos, NO_FIXED_POINT where ξ_c does not exist
     */
    public TheoryValue trainableDepthBound() {
        return Trainability.depthBound(boundFromGradients() ? gradientDepthScale() : xiC);
    }

    /**
     * Whether {@link #trainableDepthBound()} is the gradients' 6·ξ_∇: where q* = 0 keeps every correlation
     * (ξ_c = ∞) while the gradients vanish (χ₁ &lt; 1).
     */
    public boolean boundFromGradients() {
        return qStar.isFinite() && qStar.value() == 0 && gradientDepthScale().isFinite();
    }
}
