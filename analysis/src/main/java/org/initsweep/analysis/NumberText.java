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
     * beyond six decimals or fifteen whole digits, and for infinities and NaN, Java's form (1.0E-8, 1.0E308:
     * a file name holds it).
     *
     * @param x any double
     * @return its text; never empty
     */
    public static String of(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        BigDecimal d = BigDecimal.valueOf(x).stripTrailingZeros();
        return d.scale() > 0 && d.scale() <= 6 ? d.toPlainString() : Double.toString(x);
    }

    /**
     * A computed number (an axis tick, a σ_w² derived from m) to four significant digits, locale-independent:
     * plain between 10⁻³ and 10⁵ ("0.5", "1", "1.414", "49.52"), else "1.5e-05"; "∞", "−∞", "NaN".
     *
     * @param v any double
     * @return its text; never empty
     */
    public static String rounded(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return new BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(java.util.Locale.ROOT, "%.3e", v); // 1.500e-05
        int e = s.indexOf('e');
        String mant = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mant + s.substring(e);
    }
}
