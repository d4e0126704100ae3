package org.initsweep.core.init;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The distribution a variance-scaling init draws from, all with mean 0 and the scheme's variance v
 * (Keras {@code VarianceScaling(distribution=…)}).
 */
public enum Distribution {
    /** N(0, v). */
    NORMAL,
    /**
     * N(0, σ²) truncated to [−2σ, 2σ], with σ = √v / 0.87962566103423978 so that the truncated
     * variance is exactly v (0.8796… is the standard deviation of a unit normal truncated at ±2, as
     * Keras corrects it).
     */
    TRUNCATED_NORMAL,
    /** U(−r, r) with r = √(3v). */
    UNIFORM;

    /** Standard deviation of N(0, 1) truncated to [−2, 2] (Keras' {@code VarianceScaling} constant). */
    public static final double TRUNCATED_STD = 0.87962566103423978;

    /** The spec name: {@code normal}, {@code truncated_normal}, {@code uniform}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Spec names of all distributions. */
    public static List<String> specNames() {
        return Arrays.stream(values()).map(Distribution::specName).toList();
    }

    /** The distribution with that spec name, if any. */
    public static Optional<Distribution> fromSpecName(String name) {
        return Arrays.stream(values()).filter(v -> v.specName().equals(name)).findFirst();
    }
}
