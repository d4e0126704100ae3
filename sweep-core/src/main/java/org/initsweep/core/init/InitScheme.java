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
    ZERO(false, null, 0.0, null, Double.NaN, null,
            (m, fanIn, fanOut) -> Double.NaN),
    /** W = value (parameter {@code value}, default 0.5). Same symmetry problem as zero. */
    CONSTANT(false, "value", 0.5, null, Double.NaN, null,
            (m, fanIn, fanOut) -> Double.NaN),
    /** W ~ N(0, m / fan_in): the multiplier axis itself; m = 1 is LeCun, m = 2 is He. */
    SCALED_NORMAL(true, null, 0.0, FanMode.FAN_IN, 1, Distribution.NORMAL,
            (m, fanIn, fanOut) -> m / fanIn),
    /** W ~ N(0, m · 1/fan_in) (LeCun et al. 1998, "Efficient BackProp"). */
    LECUN_NORMAL(true, null, 0.0, FanMode.FAN_IN, 1, Distribution.NORMAL,
            (m, fanIn, fanOut) -> m / fanIn),
    /** W ~ N(0, m · 1/fan_in): what the deeplearning.ai article calls "Xavier" (= LeCun normal). */
    XAVIER_NORMAL(true, null, 0.0, FanMode.FAN_IN, 1, Distribution.NORMAL,
            (m, fanIn, fanOut) -> m / fanIn),
    /** W ~ N(0, m · 2/(fan_in + fan_out)) (Glorot &amp; Bengio 2010, eq. 12 harmonic mean). */
    GLOROT_NORMAL(true, null, 0.0, FanMode.FAN_AVG, 1, Distribution.NORMAL,
            (m, fanIn, fanOut) -> 2 * m / (fanIn + (double) fanOut)),
    /** W ~ U(−r, r), r = √(6m/(fan_in + fan_out)), so Var = m · 2/(fan_in + fan_out) (Glorot &amp; Bengio 2010, eq. 16). */
    GLOROT_UNIFORM(true, null, 0.0, FanMode.FAN_AVG, 1, Distribution.UNIFORM,
            (m, fanIn, fanOut) -> 2 * m / (fanIn + (double) fanOut)),
    /** W ~ N(0, m · 2/fan_in) (He et al. 2015, eq. 10). */
    HE_NORMAL(true, null, 0.0, FanMode.FAN_IN, 2, Distribution.NORMAL,
            (m, fanIn, fanOut) -> 2 * m / fanIn),
    /** W ~ U(−r, r), r = √(6m/fan_in), so Var = m · 2/fan_in (He et al. 2015). */
    HE_UNIFORM(true, null, 0.0, FanMode.FAN_IN, 2, Distribution.UNIFORM,
            (m, fanIn, fanOut) -> 2 * m / fanIn),
    /** W ~ U(−√m/√fan_in, √m/√fan_in), so Var = m/(3 fan_in) (the article's "Uniform"). */
    UNIFORM_FAN_IN(true, null, 0.0, FanMode.FAN_IN, 1.0 / 3, Distribution.UNIFORM,
            (m, fanIn, fanOut) -> m / (3.0 * fanIn)),
    /** W ~ N(0, m) (the article's "Standard Normal", too large for any fan_in &gt; 1). */
    STANDARD_NORMAL(true, null, 0.0, null, Double.NaN, Distribution.NORMAL,
            (m, fanIn, fanOut) -> m),
    /** W = α·I, rectangular identity where fan_in ≠ fan_out (parameter {@code alpha}, default 1). */
    IDENTITY_SCALED(false, "alpha", 1.0, null, Double.NaN, null,
            (m, fanIn, fanOut) -> Double.NaN),
    /**
     * W = √m · Q with Q having orthonormal columns (or rows, when fan_in &lt; fan_out), from the QR
     * decomposition of a Gaussian matrix with the sign of R's diagonal fixed (Saxe et al. 2014;
     * Mezzadri 2007). For a square layer each entry has variance m / fan_in.
     */
    ORTHOGONAL(true, null, 0.0, null, Double.NaN, null,
            (m, fanIn, fanOut) -> m / Math.max(fanIn, fanOut)),
    /**
     * Keras {@code VarianceScaling(scale, mode, distribution)}: Var(W) = m · scale / n, n the fan of
     * {@code mode} (default fan_in), drawn from {@code distribution} (default truncated_normal, as
     * Keras). Parameter {@code scale}, default 1.
     */
    VARIANCE_SCALING(true, "scale", 1.0, FanMode.FAN_IN, Double.NaN, Distribution.TRUNCATED_NORMAL,
            (m, fanIn, fanOut) -> m / fanIn),
    /**
     * PyTorch {@code trunc_normal_(std, a, b)}: N(0, m·std²) truncated to the absolute bounds [a, b]
     * (defaults std 1, a = −2, b = 2); its variance is that of the truncated law
     * ({@link TruncatedNormal#variance}), below m·std². Parameter {@code std}, default 1.
     */
    TRUNC_NORMAL(true, "std", 1.0, null, Double.NaN, Distribution.TRUNCATED_NORMAL,
            (m, fanIn, fanOut) -> TruncatedNormal.variance(Math.sqrt(m), -2, 2));

    /** Var(W) of one entry from m and the layer's fans. */
    @FunctionalInterface
    private interface Variance {
        double of(double m, int fanIn, int fanOut);
    }

    private final boolean scaledByMultiplier;
    private final String parameterName;
    private final double defaultParameter;
    private final FanMode defaultMode;
    private final double fanGain;
    private final Distribution defaultDistribution;
    private final Variance variance;

    /**
     * Everything a scheme is, in one place: a new scheme is one constant (and, for a new way of filling
     * the matrix, its case in {@link WeightInitializer}).
     */
    InitScheme(boolean scaledByMultiplier, String parameterName, double defaultParameter, FanMode defaultMode,
            double fanGain, Distribution defaultDistribution, Variance variance) {
        this.scaledByMultiplier = scaledByMultiplier;
        this.parameterName = parameterName;
        this.defaultParameter = defaultParameter;
        this.defaultMode = defaultMode;
        this.fanGain = fanGain;
        this.defaultDistribution = defaultDistribution;
        this.variance = variance;
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
        return defaultParameter;
    }

    /**
     * The fan this scheme divides by unless the spec gives a {@code mode}: fan_avg for Glorot, fan_in
     * for the other variance-scaling schemes; null for the schemes without a fan (zero, constant,
     * identity_scaled, standard_normal, orthogonal, trunc_normal), which take no mode.
     */
    public FanMode defaultMode() {
        return defaultMode;
    }

    /**
     * gain² of a variance-scaling scheme, Var(W) = m · gain² / n: 1 for LeCun and Glorot (whose n is
     * fan_avg), 2 for He, 1/3 for fan-in uniform; NaN for the others (variance_scaling's is its
     * {@code scale}).
     */
    double fanGain() {
        return fanGain;
    }

    /**
     * The distribution the scheme draws from: uniform for the {@code *_uniform} schemes, truncated
     * normal for variance_scaling (Keras' default) and trunc_normal, normal for the other random ones;
     * null for the fixed schemes and orthogonal. Only variance_scaling lets the spec choose.
     */
    public Distribution defaultDistribution() {
        return defaultDistribution;
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
        return variance.of(m, fanIn, fanOut);
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
