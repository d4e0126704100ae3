package org.initsweep.analysis;

import java.math.BigDecimal;

/**
 * Numbers as charts and their file names write them: a multiplier, a learning rate. One rule for
 * every label and file name, so that a chart's title and its file agree ({@code m = 2} in
 * {@code …_m2_…}, {@code sgd η = 0.0001} in {@code …_sgd_lr0.0001…}).
 */
public final class NumberText {

    private NumberText() {
    }

    /**
     * A number as short text, all its digits kept: 2, 0.5, 0.0001 (not 1.0E-4), 1.4142135623730951;
     * beyond six decimals, and for infinities and NaN, Java's form (1.0E-8).
     *
     * @param x any double
     * @return its text; never empty
     */
    public static String of(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e6) {
            return Long.toString((long) x);
        }
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        BigDecimal d = BigDecimal.valueOf(x).stripTrailingZeros();
        return d.scale() <= 6 ? d.toPlainString() : Double.toString(x);
    }
}
