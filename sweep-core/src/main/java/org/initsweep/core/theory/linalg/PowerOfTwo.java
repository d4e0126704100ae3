package org.initsweep.core.theory.linalg;

/**
 * Exact power-of-two scaling, so that matrix entries near either end of the double range (a
 * vanishing Jacobian's ~10⁻¹⁷⁰, whose squares underflow to 0) can be brought near 1 before squaring
 * and put back afterwards without rounding (as LAPACK's drivers scale by powers of the radix).
 */
final class PowerOfTwo {

    private PowerOfTwo() {
    }

    /**
     * The binary exponent of a magnitude, subnormals included.
     *
     * @param magnitude finite, ≥ 0
     * @return e with 2^e ≤ magnitude &lt; 2^(e+1); 0 for magnitude 0
     */
    static int exponent(double magnitude) {
        if (magnitude == 0) {
            return 0;
        }
        return magnitude >= Double.MIN_NORMAL ? Math.getExponent(magnitude)
                : Math.getExponent(magnitude * 0x1p54) - 54;
    }
}
