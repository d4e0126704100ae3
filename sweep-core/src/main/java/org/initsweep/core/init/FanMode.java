package org.initsweep.core.init;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fan a variance-scaling init divides by (Keras {@code VarianceScaling(mode=…)}, PyTorch
 * {@code kaiming_normal_(mode=…)}): Var(W) = gain²·m / n with n the layer's fan_in, fan_out or their
 * mean. fan_in keeps the forward signal (n^[l-1]·Var(W) = 1 per unit gain), fan_out the backward one
 * (n^[l]·Var(W) = 1), fan_avg is Glorot &amp; Bengio's (2010, eq. 12) compromise between the two.
 */
public enum FanMode {
    /** n = fan_in = n^[l-1]. */
    FAN_IN,
    /** n = fan_out = n^[l]. */
    FAN_OUT,
    /** n = (fan_in + fan_out) / 2. */
    FAN_AVG;

    /**
     * The fan n this mode divides the variance by.
     *
     * @param fanIn  n^[l-1] ≥ 1
     * @param fanOut n^[l] ≥ 1
     */
    public double fan(int fanIn, int fanOut) {
        return switch (this) {
            case FAN_IN -> fanIn;
            case FAN_OUT -> fanOut;
            case FAN_AVG -> (fanIn + (double) fanOut) / 2;
        };
    }

    /** The spec name: {@code fan_in}, {@code fan_out}, {@code fan_avg}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Spec names of all modes. */
    public static List<String> specNames() {
        return Arrays.stream(values()).map(FanMode::specName).toList();
    }

    /** The mode with that spec name, if any. */
    public static Optional<FanMode> fromSpecName(String name) {
        return Arrays.stream(values()).filter(v -> v.specName().equals(name)).findFirst();
    }
}
