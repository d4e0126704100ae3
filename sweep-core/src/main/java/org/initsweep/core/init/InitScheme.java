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
    ORTHOGONAL(true, null),
    /**
     * Keras {@code VarianceScaling(scale, mode, distribution)}: Var(W) = m · scale / n, n the fan of
     * {@code mode} (default fan_in), drawn from {@code distribution} (default truncated_normal, as
     * Keras). Parameter {@code scale}, default 1.
     */
    VARIANCE_SCALING(true, "scale"),
    /**
     * PyTorch {@code trunc_normal_(std, a, b)}: N(0, m·std²) truncated to the absolute bounds [a, b]
     * (defaults std 1, a = −2, b = 2); its variance is that of the truncated law
     * ({@link TruncatedNormal#variance}), below m·std². Parameter {@code std}, default 1.
     */
    TRUNC_NORMAL(true, "std");

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

    /**
     * The default of the scheme's parameter: 0.5 for constant, 1 for identity_scaled, variance_scaling's
     * scale and trunc_normal's std, else 0.
     */
    public double defaultParameter() {
        return switch (this) {
            case CONSTANT -> 0.5;
            case IDENTITY_SCALED, VARIANCE_SCALING, TRUNC_NORMAL -> 1.0;
            default -> 0.0;
        };
    }

    /**
     * The fan this scheme divides by unless the spec gives a {@code mode}: fan_avg for Glorot, fan_in
     * for the other variance-scaling schemes; null for the schemes without a fan (zero, constant,
     * identity_scaled, standard_normal, orthogonal, trunc_normal), which take no mode.
     */
    public FanMode defaultMode() {
        return switch (this) {
            case SCALED_NORMAL, LECUN_NORMAL, XAVIER_NORMAL, HE_NORMAL, HE_UNIFORM, UNIFORM_FAN_IN,
                 VARIANCE_SCALING -> FanMode.FAN_IN;
            case GLOROT_NORMAL, GLOROT_UNIFORM -> FanMode.FAN_AVG;
            case ZERO, CONSTANT, IDENTITY_SCALED, STANDARD_NORMAL, ORTHOGONAL, TRUNC_NORMAL -> null;
        };
    }

    /**
     * gain² of a variance-scaling scheme, Var(W) = m · gain² / n: 1 for LeCun and Glorot (whose n is
     * fan_avg), 2 for He, 1/3 for fan-in uniform; NaN for the others (variance_scaling's is its
     * {@code scale}).
     */
    double fanGain() {
        return switch (this) {
            case SCALED_NORMAL, LECUN_NORMAL, XAVIER_NORMAL, GLOROT_NORMAL, GLOROT_UNIFORM -> 1;
            case HE_NORMAL, HE_UNIFORM -> 2;
            case UNIFORM_FAN_IN -> 1.0 / 3;
            default -> Double.NaN;
        };
    }

    /**
     * The distribution the scheme draws from: uniform for the {@code *_uniform} schemes, truncated
     * normal for variance_scaling (Keras' default) and trunc_normal, normal for the other random ones;
     * null for the fixed schemes and orthogonal. Only variance_scaling lets the spec choose.
     */
    public Distribution defaultDistribution() {
        return switch (this) {
            case GLOROT_UNIFORM, HE_UNIFORM, UNIFORM_FAN_IN -> Distribution.UNIFORM;
            case VARIANCE_SCALING, TRUNC_NORMAL -> Distribution.TRUNCATED_NORMAL;
            case SCALED_NORMAL, LECUN_NORMAL, XAVIER_NORMAL, GLOROT_NORMAL, HE_NORMAL, STANDARD_NORMAL ->
                    Distribution.NORMAL;
            case ZERO, CONSTANT, IDENTITY_SCALED, ORTHOGONAL -> null;
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
            case VARIANCE_SCALING -> m / fanIn;
            case TRUNC_NORMAL -> TruncatedNormal.variance(Math.sqrt(m), -2, 2);
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
