package org.initsweep.core.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number from bytes without making a String in the common case, with exactly the
 * value of {@link Double#parseDouble}: when the significand has at most 15 digits (ignoring leading
 * zeros: below 2^53) and the decimal exponent is within ±22, both the significand and the power of
 * ten are exact doubles and one IEEE division or multiplication rounds correctly (Clinger 1990, "How
 * to read floating point numbers accurately", the fast path). Other numbers go to
 * {@code Double.parseDouble}.
 *
 * <p>Accepted syntax: optional spaces or tabs, an optional sign, digits with an optional decimal
 * point (at least one digit), an optional exponent {@code e}/{@code E} with optional sign and digits,
 * optional spaces or tabs. No hexadecimal, no {@code NaN} or {@code Infinity}, no {@code d}/{@code f}
 * suffixes, no thousands separators.
 */
final class NumberParser {

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    /** Largest significand the fast path takes: below 2^53, so it is an exact double. */
    private static final long EXACT = 1L << 53;

    private NumberParser() {
    }

    /**
     * @return the value, possibly ±Infinity for a huge exponent; NaN if the text is not a number in
     *     the syntax above
     */
    static double parse(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        while (end > i && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        int start = i;
        boolean negative = false;
        if (i < end && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        long significand = 0;
        int digits = 0;
        int scale = 0;
        boolean overflow = false;
        boolean any = false;
        for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
            any = true;
            if (significand < EXACT / 10 + 1 && !overflow) {
                significand = significand * 10 + (b[i] - '0');
            } else {
                overflow = true;
            }
        }
        if (i < end && b[i] == '.') {
            i++;
            for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
                any = true;
                if (!overflow && significand < EXACT / 10 + 1) {
                    significand = significand * 10 + (b[i] - '0');
                    scale--;
                } else {
                    overflow = true;
                }
            }
        }
        if (!any) {
            return Double.NaN;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negExp = false;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                negExp = b[i] == '-';
                i++;
            }
            int expStart = i;
            int exp = 0;
            for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
                if (exp < 100_000) {
                    exp = exp * 10 + (b[i] - '0');
                } else {
                    overflow = true;
                }
            }
            if (i == expStart) {
                return Double.NaN;
            }
            scale += negExp ? -exp : exp;
        }
        if (i != end) {
            return Double.NaN;
        }
        if (!overflow && significand < EXACT && scale >= -22 && scale <= 22) {
            double v = scale >= 0 ? significand * POW10[scale] : significand / POW10[-scale];
            return negative ? -v : v;
        }
        // Syntax checked above, so parseDouble sees only what this class accepts.
        return Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
    }

    /** Whether the text names a non-finite value (nan, inf, infinity, with optional sign). */
    static boolean namesNonFinite(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("+") || t.startsWith("-")) {
            t = t.substring(1);
        }
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }
}
