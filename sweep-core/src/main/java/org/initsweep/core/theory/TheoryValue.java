package org.initsweep.core.theory;

import java.io.Serializable;
import java.util.Locale;

/**
 * A number that theory predicts, with the reason when it is not a finite number: mean-field theory
 * has cells where a depth scale is infinite (the edge of chaos) and cells where it says nothing
 * (no fixed point of the length map), and a table must say which, never show a bare NaN.
 *
 * <ul>
 *   <li>{@link Status#FINITE}: {@code value} is a finite number.</li>
 *   <li>{@link Status#DIVERGENT}: {@code value} is {@link Double#POSITIVE_INFINITY}; the quantity
 *       (a depth scale, or a bound built on it) diverges — at the order-to-chaos transition χ₁ = 1
 *       for ξ_c (Schoenholz et al. 2017), or where the approach to q* is slower than
 *       exponential for ξ_q.</li>
 *   <li>{@link Status#NO_FIXED_POINT}: {@code value} is {@link Double#NaN}; the length map has no
 *       finite fixed point q* (it diverges: linear, ReLU, leaky ReLU — and any φ growing linearly —
 *       with σ_w²·E[φ(z)²]/E[z²] ≥ 1 at large q), so the quantity, defined at q*, does not exist.</li>
 * </ul>
 *
 * @param value  the number (finite, +∞ or NaN as the status says)
 * @param status why the value is what it is
 */
public record TheoryValue(double value, Status status) implements Serializable {

    /** Why a predicted value is finite, infinite or absent. */
    public enum Status {
        /** A finite number. */
        FINITE,
        /** +∞: the quantity diverges (e.g. ξ_c at χ₁ = 1). */
        DIVERGENT,
        /** NaN: the length map has no finite fixed point q*, where the quantity is defined. */
        NO_FIXED_POINT;

        /** @return {@code finite}, {@code divergent} or {@code no_fixed_point} (for tables) */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks that value and status agree.
     *
     * @param value  the number
     * @param status its status, not null
     * @throws IllegalArgumentException if the status is null, or FINITE with a non-finite value,
     *                                  DIVERGENT with a value other than +∞, NO_FIXED_POINT with a
     *                                  value other than NaN
     */
    public TheoryValue {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        boolean ok = switch (status) {
            case FINITE -> Double.isFinite(value);
            case DIVERGENT -> value == Double.POSITIVE_INFINITY;
            case NO_FIXED_POINT -> Double.isNaN(value);
        };
        if (!ok) {
            throw new IllegalArgumentException("value " + value + " does not match status " + status);
        }
    }

    /**
     * @param value a finite number
     * @return the finite value
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static TheoryValue finite(double value) {
        return new TheoryValue(value, Status.FINITE);
    }

    /** @return +∞ with status {@link Status#DIVERGENT} */
    public static TheoryValue divergent() {
        return new TheoryValue(Double.POSITIVE_INFINITY, Status.DIVERGENT);
    }

    /** @return NaN with status {@link Status#NO_FIXED_POINT} */
    public static TheoryValue noFixedPoint() {
        return new TheoryValue(Double.NaN, Status.NO_FIXED_POINT);
    }

    /** @return whether the status is {@link Status#FINITE} */
    public boolean isFinite() {
        return status == Status.FINITE;
    }

    /**
     * This value times a finite factor &gt; 0 (a bound built on a depth scale keeps its status).
     *
     * @param factor finite and &gt; 0
     * @return the scaled value
     * @throws IllegalArgumentException if {@code factor} is not finite and &gt; 0
     */
    public TheoryValue times(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be finite and > 0, got " + factor);
        }
        return status == Status.FINITE ? finite(value * factor) : this;
    }

    /** @return one line for reports: the number, {@code ∞ (divergent)} or {@code n/a (no fixed point)} */
    public String describe() {
        return switch (status) {
            case FINITE -> String.format(Locale.ROOT, "%.6g", value);
            case DIVERGENT -> "∞ (divergent)";
            case NO_FIXED_POINT -> "n/a (no fixed point)";
        };
    }
}
