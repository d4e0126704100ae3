package org.initsweep.core;

import java.util.Locale;

/** How messages and console lines write counts, sizes and numbers: "1 run", "12 runs", "456.3 KiB", "1e7". */
public final class Quantities {

    private static final String[] BINARY = {"KiB", "MiB", "GiB", "TiB", "PiB"};

    private Quantities() {
    }

    /**
     * @return {@code n} and {@code noun}, with an "s" unless {@code n} is 1 (for nouns whose plural
     *         takes a plain "s": run, cell, row, chunk)
     */
    public static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * A size in binary units: whole bytes below 1 KiB ({@code 48 B}), else one decimal of the largest unit
     * that leaves at least 1 ({@code 456.3 KiB}, {@code 1.5 GiB}).
     *
     * @param bytes a size ≥ 0, in bytes
     */
    public static String bytes(double bytes) {
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        double v = bytes / 1024;
        int i = 0;
        while (v >= 1024 && i < BINARY.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, BINARY[i]);
    }

    /**
     * A double in the shortest text that reads back to it, an exponent written as in JSON and Python
     * ({@code 1e7}, {@code -2.5e-5}), not in Java's form ({@code 1.0E7}); {@code 0.001}, {@code -1.0},
     * {@code NaN} and {@code Infinity} as Java writes them.
     */
    public static String number(double d) {
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        return (mantissa.endsWith(".0") ? mantissa.substring(0, mantissa.length() - 2) : mantissa) + "e" + s.substring(e + 1);
    }
}
