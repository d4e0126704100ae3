package org.initsweep.core;

import java.util.List;
import java.util.Locale;

/**
 * The engine's tuning knobs given as {@code -Dinitsweep.…} system properties (documented in
 * docs/benchmarks.md), read so that a value that cannot be used is refused by name instead of
 * falling back to the default unseen: a benchmark run with {@code -Dinitsweep.kernel=nd4jj} must not
 * quietly measure the default kernel. Pure functions of the JVM's properties.
 */
public final class SystemProperties {

    /** The prefix of the engine's properties. */
    public static final String PREFIX = "initsweep.";

    private SystemProperties() {
    }

    /**
     * An integer property.
     *
     * @param key      the property
     * @param fallback its value when unset
     * @param min      smallest value accepted
     * @return the value
     * @throws UserInputException if the property is set to text that is not an integer ≥ {@code min}
     */
    public static long integer(String key, long fallback, long min) {
        return integer(key, fallback, min, Long.MAX_VALUE);
    }

    /**
     * An integer property that must fit an {@code int} (a count of weights, a width).
     *
     * @param key      the property
     * @param fallback its value when unset
     * @param min      smallest value accepted
     * @return the value
     * @throws UserInputException if the property is set to text that is not an integer in [min, 2³¹ − 1]
     */
    public static int intValue(String key, int fallback, int min) {
        return (int) integer(key, fallback, min, Integer.MAX_VALUE);
    }

    private static long integer(String key, long fallback, long min, long max) {
        String v = System.getProperty(key);
        if (v == null) {
            return fallback;
        }
        String expected = max == Long.MAX_VALUE ? "an integer ≥ " + min : "an integer from " + min + " to " + max;
        long value;
        try {
            value = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw refused(key, v, expected);
        }
        if (value < min || value > max) {
            throw refused(key, v, expected);
        }
        return value;
    }

    /**
     * A property naming one of a few choices, case-insensitive.
     *
     * @param key      the property
     * @param fallback its value when unset, one of {@code choices}
     * @param choices  the accepted values, lower case
     * @return the value given, lower case, or {@code fallback}
     * @throws UserInputException if the property is set to text outside {@code choices}
     */
    public static String choice(String key, String fallback, List<String> choices) {
        String v = System.getProperty(key);
        if (v == null) {
            return fallback;
        }
        String value = v.strip().toLowerCase(Locale.ROOT);
        if (!choices.contains(value)) {
            throw refused(key, v, "one of " + String.join(", ", choices));
        }
        return value;
    }

    /**
     * Refuses an {@code initsweep.…} property (the prefix in any case) that nothing reads: a misspelt knob
     * ({@code -Dinitsweep.kernal=blas}) would otherwise leave the default in place unseen.
     *
     * @param known every {@code initsweep.…} key the command reads
     * @throws UserInputException naming every unknown key (in sorted order), each with the closest known one,
     *                             in one line: a run refused for one typo should not be refused again for the next
     */
    public static void refuseUnknown(java.util.Collection<String> known) {
        List<String> keys = new java.util.ArrayList<>();
        List<String> hints = new java.util.ArrayList<>();
        for (String key : new java.util.TreeSet<>(System.getProperties().stringPropertyNames())) {
            if (key.toLowerCase(Locale.ROOT).startsWith(PREFIX) && !known.contains(key)) {
                keys.add("-D" + key);
                hints.add(org.initsweep.core.spec.Suggestions.hint(key, known));
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        String reads = hints.contains("") ? "; it reads " + String.join(", ", new java.util.TreeSet<>(known)) : "";
        if (keys.size() == 1) {
            throw new UserInputException(keys.get(0) + " is not a property initsweep reads" + hints.get(0) + reads);
        }
        List<String> each = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            each.add(keys.get(i) + hints.get(i));
        }
        throw new UserInputException(String.join(", ", each) + " are not properties initsweep reads" + reads);
    }

    private static UserInputException refused(String key, String value, String expected) {
        return new UserInputException("-D" + key + " must be " + expected + ", got \"" + value + "\"");
    }
}
