package org.initsweep.analysis.compare;

/**
 * The 0.975 quantile of Student's t distribution, for 95% confidence intervals of a mean of n values
 * (df = n − 1): exact to three decimals from tables for df ≤ 10, the Cornish–Fisher expansion around
 * the normal quantile z = 1.959964 beyond (error below 2·10⁻³ at df = 11, falling as 1/df³;
 * Abramowitz &amp; Stegun 26.7.5).
 */
final class StudentT {

    /** t₀.₉₇₅ for df = 1..10 (Abramowitz &amp; Stegun, Table 26.10). */
    private static final double[] TABLE = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};

    private static final double Z = 1.959963984540054;

    private StudentT() {
    }

    /** @throws IllegalArgumentException if {@code df} &lt; 1 */
    static double quantile975(long df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be ≥ 1, got " + df);
        }
        if (df <= TABLE.length) {
            return TABLE[(int) df - 1];
        }
        double n = df;
        double z3 = Z * Z * Z;
        double z5 = z3 * Z * Z;
        double z7 = z5 * Z * Z;
        return Z + (z3 + Z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * Z) / (96 * n * n)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * Z) / (384 * n * n * n);
    }
}
