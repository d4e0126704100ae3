package org.initsweep.core.theory;

import java.io.Serializable;
import java.util.function.DoublePredicate;

/**
 * The trainability bound of Schoenholz et al. 2017, "Deep Information Propagation" (ICLR),
 * Fig. 5: a random network of depth L can be trained (on MNIST and CIFAR-10 in the paper)
 * roughly while L ≲ 6·ξ_c, the line drawn over their Fig. 5, where ξ_c is the
 * correlation depth scale ({@link DepthScales#xiC()}); where the correlations never fade but the
 * gradients vanish (q* = 0 at σ_b² = 0), the gradients' ξ_∇ takes its place
 * ({@link DepthScales#trainableDepthBound()}). Because ξ_c diverges at the order-to-chaos
 * transition, for a given depth the trainable weight variances form an interval around the
 * critical σ_w² ({@link CriticalLine}), which {@link #trainableSigmaW2(Nonlinearity, double, int)}
 * finds.
 */
public final class Trainability {

    /** The number of correlation depth scales up to which a network trains: L ≲ 6·ξ_c (Fig. 5). */
    public static final double DEPTH_SCALES = 6;

    /** Relative precision of the ends of {@link #trainableSigmaW2}. */
    static final double RANGE_TOL = 1e-9;

    private Trainability() {
    }

    /**
     * The predicted trainable depth {@value #DEPTH_SCALES}·ξ_c.
     *
     * @param xiC ξ_c, not null
     * @return 6·ξ_c, +∞ (DIVERGENT) at the edge of chaos, NO_FIXED_POINT where ξ_c does not exist
     * @throws NullPointerException if {@code xiC} is null
     */
    public static TheoryValue depthBound(TheoryValue xiC) {
        return xiC.times(DEPTH_SCALES);
    }

    /**
     * Whether theory calls a network of this depth trainable: depth ≤ 6·ξ_c (always, where ξ_c
     * diverges; never where it does not exist — without a fixed point theory predicts nothing).
     *
     * @param depth number of hidden layers, ≥ 1
     * @param xiC   ξ_c, not null
     * @return the verdict
     * @throws IllegalArgumentException if {@code depth} &lt; 1
     */
    public static boolean predictsTrainable(int depth, TheoryValue xiC) {
        return withinBound(depth, depthBound(xiC));
    }

    private static boolean withinBound(int depth, TheoryValue bound) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        return switch (bound.status()) {
            case DIVERGENT -> true;
            case NO_FIXED_POINT -> false;
            case FINITE -> depth <= bound.value();
        };
    }

    /**
     * The interval of weight variances σ_w² for which theory calls a network of depth L
     * trainable (depth ≤ {@link DepthScales#trainableDepthBound()}) at the given φ and σ_b².
     *
     * <p>Method: the critical σ_w² (where ξ_c = ∞) is inside; each end is found by geometric
     * bisection to a relative width of 10⁻⁹ between it and the end of the search range
     * [{@value CriticalLine#SIGMA_W2_MIN}, {@value CriticalLine#SIGMA_W2_MAX}]. Assumed (as in
     * Schoenholz et al.'s Fig. 5): ξ_c grows with σ_w² up to the critical line and falls beyond,
     * and once the length map loses its fixed point it stays lost for larger σ_w². Each end says
     * why it is there ({@link Edge}). Cost: ~70 evaluations of {@link DepthScales}, 0.1–0.5 s.
     *
     * @param phi     the non-linearity, not null
     * @param sigmaB2 σ_b², finite and ≥ 0
     * @param depth   number of hidden layers L, ≥ 1
     * @return the interval
     * @throws IllegalArgumentException if an argument is invalid
     * @throws IllegalStateException    if φ has no critical σ_w² in the search range at this σ_b²
     */
    public static Range trainableSigmaW2(Nonlinearity phi, double sigmaB2, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        double critical = CriticalLine.sigmaW2(phi, sigmaB2).orElseThrow(() -> new IllegalStateException(
                "no order-to-chaos transition for " + phi + " at sigmaB2 = " + sigmaB2 + " with sigmaW2 in ["
                        + CriticalLine.SIGMA_W2_MIN + ", " + CriticalLine.SIGMA_W2_MAX + "]"));
        DoublePredicate trainable = m -> withinBound(depth, DepthScales.of(phi, m, sigmaB2).trainableDepthBound());
        double lower;
        Edge lowerEdge;
        if (trainable.test(CriticalLine.SIGMA_W2_MIN)) {
            lower = CriticalLine.SIGMA_W2_MIN;
            lowerEdge = Edge.SEARCH_LIMIT;
        } else {
            lower = boundary(trainable, CriticalLine.SIGMA_W2_MIN, critical)[1];
            lowerEdge = Edge.DEPTH_SCALE;
        }
        double upper;
        Edge upperEdge;
        if (trainable.test(CriticalLine.SIGMA_W2_MAX)) {
            upper = CriticalLine.SIGMA_W2_MAX;
            upperEdge = Edge.SEARCH_LIMIT;
        } else {
            double[] ends = boundary(trainable, CriticalLine.SIGMA_W2_MAX, critical);
            upper = ends[1];
            upperEdge = DepthScales.of(phi, ends[0], sigmaB2).xiC().status() == TheoryValue.Status.NO_FIXED_POINT
                    ? Edge.NO_FIXED_POINT
                    : Edge.DEPTH_SCALE;
        }
        return new Range(lower, upper, lowerEdge, upperEdge);
    }

    /**
     * Geometric bisection between {@code outside} (not trainable) and {@code inside} (trainable):
     * {last outside, last inside}.
     */
    private static double[] boundary(DoublePredicate trainable, double outside, double inside) {
        while (Math.abs(inside / outside - 1) > RANGE_TOL) {
            double mid = Math.sqrt(outside) * Math.sqrt(inside);
            if (mid == outside || mid == inside) {
                break;
            }
            if (trainable.test(mid)) {
                inside = mid;
            } else {
                outside = mid;
            }
        }
        return new double[] {outside, inside};
    }

    /** Why an end of a {@link Range} is where it is. */
    public enum Edge {
        /** {@link DepthScales#trainableDepthBound()} = L there (to the bisection's precision). */
        DEPTH_SCALE,
        /** Beyond it the length map has no fixed point, so theory gives no ξ_c (e.g. ReLU above σ_w² = 2). */
        NO_FIXED_POINT,
        /** The end of the search range; the interval may extend further. */
        SEARCH_LIMIT
    }

    /**
     * An interval [lower, upper] of σ_w² that theory calls trainable at one depth.
     *
     * @param lower     smallest trainable σ_w²
     * @param upper     largest trainable σ_w²
     * @param lowerEdge why the interval ends at {@code lower}
     * @param upperEdge why the interval ends at {@code upper}
     */
    public record Range(double lower, double upper, Edge lowerEdge, Edge upperEdge) implements Serializable {
    }
}
