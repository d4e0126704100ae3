package org.initsweep.spark;

/** Counts in messages and log lines: "1 run", "12 runs". */
public final class Plural {

    private Plural() {
    }

    /** {@code n} and {@code noun}, with an "s" unless {@code n} is 1 (the nouns used here take a plain "s"). */
    public static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
