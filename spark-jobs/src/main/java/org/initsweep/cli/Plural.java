package org.initsweep.cli;

/** Counts in the command line's messages: "1 run", "12 runs". */
final class Plural {

    private Plural() {
    }

    /** {@code n} and {@code noun}, with an "s" unless {@code n} is 1 (the nouns used here take a plain "s"). */
    static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
