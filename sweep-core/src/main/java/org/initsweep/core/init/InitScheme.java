package org.initsweep.core.init;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Weight initialization schemes. Weights of a layer form a matrix of shape {@code [fan_in, fan_out]}
 * (see {@link WeightInitializer}); the variance of one entry, before the variance multiplier
 * {@code m} is applied, is given per scheme.
 *
 * <p>Every random scheme multiplies its variance by {@code m} (the sweep's multiplier axis), so
 * {@code fan_in · Var(W) = m · fan_in · base variance}. The three deterministic schemes ({@link #ZERO},
 * {@link #CONSTANT}, {@link #IDENTITY_SCALED}) are fixed by their own parameter and ignore {@code m}.
 */
public enum InitScheme {
    /** W = 0. Symmetry is never broken: all hidden units of a layer stay identical. */
    ZERO(false, null),
    /** W = value (parameter {@code value}, default 0.5). Same symmetry problem as zero. */
    CONSTANT(false, "value"),
    /** W ~ N(0, m / fan_in): the multiplier axis itself; m = 1 is LeCun, m = 2 is He. */
    SCALED_NORMAL(true, null),
    /** W ~ N(0, m · 1/fan_in) (LeCun et al. 1998, "Efficient BackProp"). */
    LECUN_NORMAL(true, null),
    /** W ~ N(0, m · 1/fan_in): what the deeplearning.ai article calls "Xavier" (= LeCun normal). */
    XAVIER_NORMAL(true, null),
    /** W ~ N(0, m · 2/(fan_in + fan_out)) (Glorot &amp; Bengio 2010, eq. 12 harmonic mean). */
    GLOROT_NORMAL(true, null),
    /** W ~ U(−r, r), r = √(6m/(fan_in + fan_out)), so Var = m · 2/(fan_in + fan_out) (Glorot &amp; Bengio 2010, eq. 16). */
    GLOROT_UNIFORM(true, null),
    /** W ~ N(0, m · 2/fan_in) (He et al. 2015, eq. 10). */
    HE_NORMAL(true, null),
    /** W ~ U(−r, r), r = √(6m/fan_in), so Var = m · 2/fan_in (He et al. 2015). */
    HE_UNIFORM(true, null),
    /** W ~ U(−√m/√fan_in, √m/√fan_in), so Var = m/(3 fan_in) (the article's "Uniform"). */
    UNIFORM_FAN_IN(true, null),
    /** W ~ N(0, m) (the article's "Standard Normal", too large for any fan_in &gt; 1). */
    STANDARD_NORMAL(true, null),
    /** W = α·I, rectangular identity where fan_in ≠ fan_out (parameter {@code alpha}, default 1). */
    IDENTITY_SCALED(false, "alpha"),
    /**
     * W = √m · Q with Q having orthonormal columns (or rows, when fan_in &lt; fan_out), from the QR
     * decomposition of a Gaussian matrix with the sign of R's diagonal fixed (Saxe et al. 2014;
     * Mezzadri 2007). For a square layer each entry has variance m / fan_in.
     */
    ORTHOGONAL(true, null);

    private final boolean scaledByMultiplier;
    private final String parameterName;

    InitScheme(boolean scaledByMultiplier, String parameterName) {
        this.scaledByMultiplier = scaledByMultiplier;
        this.parameterName = parameterName;
    }

    /** The spec name, e.g. {@code he_normal}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the weights scale with the variance multiplier m (false for the fixed schemes). */
    public boolean scaledByMultiplier() {
        return scaledByMultiplier;
    }

    /** The name of the scheme's one parameter ({@code value}, {@code alpha}), if it has one. */
    public Optional<String> parameterName() {
        return Optional.ofNullable(parameterName);
    }

    /** The default of the scheme's parameter: 0.5 for constant, 1 for identity_scaled, else 0. */
    public double defaultParameter() {
        return switch (this) {
            case CONSTANT -> 0.5;
            case IDENTITY_SCALED -> 1.0;
            default -> 0.0;
        };
    }

    /**
     * Var(W) of one entry for this scheme, as its formula states, for the random schemes;
     * {@code NaN} for the fixed ones (their "variance" is that of a deterministic matrix, measured
     * in the traces as {@code var_w}).
     *
     * @param fanIn  n^[l-1], ≥ 1
     * @param fanOut n^[l], ≥ 1
     * @param m      variance multiplier, &gt; 0
     */
    public double variance(int fanIn, int fanOut, double m) {
        return switch (this) {
            case ZERO, CONSTANT, IDENTITY_SCALED -> Double.NaN;
            case SCALED_NORMAL, LECUN_NORMAL, XAVIER_NORMAL -> m / fanIn;
            case GLOROT_NORMAL, GLOROT_UNIFORM -> 2 * m / (fanIn + (double) fanOut);
            case HE_NORMAL, HE_UNIFORM -> 2 * m / fanIn;
            case UNIFORM_FAN_IN -> m / (3.0 * fanIn);
            case STANDARD_NORMAL -> m;
            case ORTHOGONAL -> m / Math.max(fanIn, fanOut);
        };
    }

    /** Spec names of all schemes, in declaration order. */
    public static List<String> specNames() {
        return Arrays.stream(values()).map(InitScheme::specName).toList();
    }

    /** The scheme with that spec name, if any. */
    public static Optional<InitScheme> fromSpecName(String name) {
        return Arrays.stream(values()).filter(s -> s.specName().equals(name)).findFirst();
    }
}
