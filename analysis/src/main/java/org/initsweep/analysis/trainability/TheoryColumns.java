package org.initsweep.analysis.trainability;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.theory.DepthScales;
import org.initsweep.core.theory.Nonlinearity;
import org.initsweep.core.theory.TheoryValue;

/**
 * Mean-field theory's columns of a {@code trainability/} row: the length map's fixed point q* (Poole et al.
 * 2016 eq. 4), χ₁, the correlation map's stable fixed point c*, ξ_q, ξ_c and the trainable depth
 * bound 6·ξ_c ({@link DepthScales}, Schoenholz et al. 2017 eq. 3, 5, 6, 9 and Fig. 5) at the hidden
 * layers' weight variance σ_w² = fan_in·Var(W) = the init scheme's effective multiplier at equal fans
 * ({@link InitSpec#effectiveMultiplier}; = m for the 1/fan_in schemes, 2m for He), and σ_b².
 *
 * <p>The length map does not depend on the width, so a width profile has theory wherever its hidden
 * layers share one σ_w² (a fan_in scheme on any profile; Glorot where the widths shrink by one ratio).
 *
 * <p>Where a value is not a finite number the note says why: ξ_c diverges on the critical line
 * (χ₁ = 1; the value is +∞), the length map has no fixed point (linear or ReLU-like φ in the
 * exploding phase; null), a fixed init scheme, or a width profile whose hidden layers differ in σ_w², has
 * no single σ_w² (all null).
 *
 * @param sigmaW2 σ_w² of the hidden layers, or null
 * @param qStar   q*, the squared pre-activation length the layers settle to (0 where σ_b² = 0 lets the
 *                signal fade), or null where there is none (q* = ∞)
 * @param chi1    χ₁, or null
 * @param cStar   c*, the correlation two inputs settle to: 1 on the ordered side, below 1 in the chaotic
 *                phase; or null
 * @param xiQ     ξ_q in layers (+∞ where it diverges), or null
 * @param xiC     ξ_c in layers (+∞ on the critical line, and where q* = 0), or null
 * @param bound   6·ξ_c in layers, 6·ξ_∇ where q* = 0 ({@link DepthScales#trainableDepthBound()}; +∞ on the
 *                critical line), or null
 * @param note    why a value is null or infinite; null when all are finite
 */
public record TheoryColumns(Double sigmaW2, Double qStar, Double chi1, Double cStar, Double xiQ, Double xiC,
        Double bound, String note)
        implements Serializable {

    private static final Map<String, DepthScales> CACHE = new ConcurrentHashMap<>();

    /**
     * @param activation activation label ({@link Activation#label()})
     * @param init       init label ({@link InitSpec#label()})
     * @param width      constant hidden width, or null for a width profile
     * @param profile    the profile's hidden widths as in {@code runs.profile} ({@code [256,128,64]}), or null
     * @param multiplier the sweep multiplier m, or null for a fixed scheme
     * @param sigmaB2    σ_b² ≥ 0
     * @return the columns
     * @throws IllegalArgumentException if a label is unknown, or neither a width nor a profile is given
     */
    public static TheoryColumns of(String activation, String init, Integer width, String profile, Double multiplier,
            double sigmaB2) {
        InitSpec spec = InitSpec.fromLabel(init);
        if (multiplier == null || !spec.scheme().scaledByMultiplier()) {
            return none("fixed init scheme " + init + ": no weight variance σ_w² for mean-field theory");
        }
        if (spec.drawsNonZeroMean()) {
            return none(init + ": bounds not symmetric about 0 give weights of non-zero mean, which mean-field theory"
                    + " (i.i.d. zero-mean weights) does not describe");
        }
        int[] widths = org.initsweep.analysis.ChartGroup.hiddenWidths(width, profile);
        if (widths == null) {
            throw new IllegalArgumentException("a cell has a width or a profile");
        }
        double sigmaW2 = spec.sharedMultiplier(widths, multiplier);
        if (Double.isNaN(sigmaW2)) {
            return none("width profile " + profile + " with " + init + ": σ_w² = fan_in·Var(W) differs from hidden"
                    + " layer to hidden layer, and mean-field theory here takes one σ_w²");
        }
        DepthScales d = depthScales(Activation.fromLabel(activation), sigmaW2, sigmaB2);
        StringBuilder note = new StringBuilder();
        if (d.xiC().status() == TheoryValue.Status.NO_FIXED_POINT) {
            note.append(String.format(Locale.ROOT, "no fixed point: the lengths of %s grow without bound from the first"
                    + " layer's at σ_w² = %.6g, σ_b² = %.6g (q* = ∞), so ξ_q, ξ_c and 6·ξ_c do not exist", activation,
                    sigmaW2, sigmaB2));
        } else {
            if (d.boundFromGradients()) {
                note.append("σ_b² = 0 and q* = 0: two inputs' correlation never fades exponentially (ξ_c = ∞), "
                        + "the gradients vanish: the bound is 6·ξ_∇ = −6/ln χ₁");
            } else if (d.xiC().status() == TheoryValue.Status.DIVERGENT) {
                note.append("critical line χ₁ = 1: ξ_c and 6·ξ_c diverge");
            }
            if (d.xiQ().status() == TheoryValue.Status.DIVERGENT) {
                note.append(note.length() == 0 ? "" : "; ").append(everyLengthFixed(activation, sigmaW2, sigmaB2)
                        ? "ξ_q diverges: the length map is the identity here, every q^l = q¹ is a fixed point and"
                                + " nothing relaxes"
                        : "ξ_q diverges: the length approaches q* slower than exponentially");
            }
        }
        return new TheoryColumns(sigmaW2, value(d.qStar()), value(d.chi1()), value(d.cStar()), value(d.xiQ()),
                value(d.xiC()), value(d.trainableDepthBound()), note.length() == 0 ? null : note.toString());
    }

    /**
     * Whether the bound at this σ_w², σ_b² is the gradients' 6·ξ_∇ rather than 6·ξ_c: σ_b² = 0 leaving q* = 0
     * ({@link DepthScales#boundFromGradients()}), as the note of {@link #of} says.
     *
     * @param sigmaW2 σ_w² of the hidden layers, or null (no theory: false)
     */
    static boolean boundFromGradients(String activation, Double sigmaW2, double sigmaB2) {
        return sigmaW2 != null && depthScales(Activation.fromLabel(activation), sigmaW2, sigmaB2).boundFromGradients();
    }

    /** {@link DepthScales#of}, remembered per (φ, σ_w², σ_b²): a cell's theory is asked once per run. */
    static DepthScales depthScales(Activation activation, double sigmaW2, double sigmaB2) {
        return CACHE.computeIfAbsent(activation.label() + "|" + sigmaW2 + "|" + sigmaB2,
                k -> DepthScales.of(Nonlinearity.of(activation), sigmaW2, sigmaB2));
    }

    private static Double value(TheoryValue v) {
        return v.status() == TheoryValue.Status.NO_FIXED_POINT ? null : v.value();
    }

    /**
     * Whether the length map q ↦ σ_w²·E[φ(√q z)²] + σ_b² (Poole et al. 2016 eq. 3) is the identity: a positively
     * homogeneous φ (linear, ReLU, leaky ReLU) without bias at χ₁ = 1, checked on lengths a decade apart.
     */
    private static boolean everyLengthFixed(String activation, double sigmaW2, double sigmaB2) {
        org.initsweep.core.theory.LengthMap map = new org.initsweep.core.theory.LengthMap(
                Nonlinearity.of(Activation.fromLabel(activation)), sigmaW2, sigmaB2);
        for (double q : new double[] {0.1, 1, 10}) {
            if (Math.abs(map.apply(q) - q) > 1e-9 * q) {
                return false;
            }
        }
        return true;
    }

    private static TheoryColumns none(String why) {
        return new TheoryColumns(null, null, null, null, null, null, null, why);
    }
}
