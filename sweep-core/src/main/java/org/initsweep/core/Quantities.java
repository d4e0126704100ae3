package org.initsweep.core;

import java.util.Locale;

/** How messages and console lines write counts and sizes: "1 run", "12 runs", "456.3 KiB". */
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
}
