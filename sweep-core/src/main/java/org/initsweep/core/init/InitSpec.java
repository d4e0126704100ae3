package org.initsweep.core.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a sweep's {@code inits} axis: a scheme, its parameter, and for the variance-scaling
 * schemes the fan mode and distribution.
 *
 * <p>Var(W) of an entry of a layer's {@code [fan_in, fan_out]} weights at multiplier m
 * ({@link #variance}): the scheme's own formula with its default mode; with another {@code mode},
 * m · gain² / n (n = fan_in, fan_out or (fan_in + fan_out)/2; gain² = 1 LeCun and Glorot, 2 He, 1/3
 * fan-in uniform, {@code scale} for variance_scaling); trunc_normal's is the truncated law's.
 *
 * @param scheme       the scheme
 * @param param        {@code value} of constant, {@code alpha} of identity_scaled, {@code scale} of
 *                     variance_scaling (&gt; 0), {@code std} of trunc_normal (&gt; 0); 0 for schemes
 *                     without a parameter
 * @param mode         the fan (null: the scheme's {@link InitScheme#defaultMode()}); only for
 *                     schemes that have one
 * @param distribution what variance_scaling draws from (null: its default, truncated normal); other
 *                     schemes keep their own
 * @param lower        trunc_normal's absolute lower bound a (default −2); NaN for other schemes
 * @param upper        trunc_normal's absolute upper bound b (default 2); NaN for other schemes
 */
public record InitSpec(InitScheme scheme, double param, FanMode mode, Distribution distribution, double lower,
        double upper) implements java.io.Serializable {

    /**
     * Fills in the scheme's defaults for null mode and distribution and NaN bounds.
     *
     * @throws IllegalArgumentException if the scheme is null, the parameter is not finite (or not
     *     positive for variance_scaling and trunc_normal), a mode is given to a scheme without a fan,
     *     a distribution to a scheme other than variance_scaling, bounds to a scheme other than
     *     trunc_normal, or trunc_normal's a ≥ b
     */
    public InitSpec {
        if (scheme == null) {
            throw new IllegalArgumentException("init scheme is null");
        }
        if (!Double.isFinite(param)) {
            throw new IllegalArgumentException("init parameter must be finite, got " + param);
        }
        if (scheme.parameterName().isEmpty() && param != 0) {
            throw new IllegalArgumentException(scheme.specName() + " takes no parameter");
        }
        if ((scheme == InitScheme.VARIANCE_SCALING || scheme == InitScheme.TRUNC_NORMAL) && !(param > 0)) {
            throw new IllegalArgumentException(scheme.specName() + ": " + scheme.parameterName().get()
                    + " must be > 0, got " + param);
        }
        if (mode == null) {
            mode = scheme.defaultMode();
        } else if (scheme.defaultMode() == null) {
            throw new IllegalArgumentException(scheme.specName() + " takes no mode");
        }
        if (distribution == null) {
            distribution = scheme.defaultDistribution();
        } else if (distribution != scheme.defaultDistribution() && scheme != InitScheme.VARIANCE_SCALING) {
            throw new IllegalArgumentException(scheme.specName() + " takes no distribution");
        }
        if (scheme == InitScheme.TRUNC_NORMAL) {
            lower = Double.isNaN(lower) ? -2 : lower;
            upper = Double.isNaN(upper) ? 2 : upper;
            if (!(lower < upper)) {
                throw new IllegalArgumentException("trunc_normal: a must be < b, got [" + lower + ", " + upper + "]");
            }
        } else if (!Double.isNaN(lower) || !Double.isNaN(upper)) {
            throw new IllegalArgumentException(scheme.specName() + " takes no bounds");
        }
    }

    /** The scheme with a parameter and its defaults otherwise. */
    public InitSpec(InitScheme scheme, double param) {
        this(scheme, param, null, null, Double.NaN, Double.NaN);
    }

    /** The scheme with its default parameter. */
    public static InitSpec of(InitScheme scheme) {
        return new InitSpec(scheme, scheme.defaultParameter());
    }

    /** The same init with the fan of {@code other} (null: the scheme's default). */
    public InitSpec withMode(FanMode other) {
        return new InitSpec(scheme, param, other, distribution, lower, upper);
    }

    /**
     * Var(W) of one entry at multiplier m; NaN for the fixed schemes.
     *
     * @param fanIn  n^[l-1] ≥ 1
     * @param fanOut n^[l] ≥ 1
     * @param m      variance multiplier, &gt; 0
     */
    public double variance(int fanIn, int fanOut, double m) {
        if (scheme == InitScheme.VARIANCE_SCALING) {
            return m * param / mode.fan(fanIn, fanOut);
        }
        if (scheme == InitScheme.TRUNC_NORMAL) {
            return TruncatedNormal.variance(param * Math.sqrt(m), lower, upper);
        }
        if (mode == scheme.defaultMode()) {
            return scheme.variance(fanIn, fanOut, m); // the scheme's formula, operation for operation
        }
        return m * scheme.fanGain() / mode.fan(fanIn, fanOut);
    }

    /**
     * The effective multiplier fan_in·Var(W) of a layer with this init at sweep multiplier m: what
     * mean-field theory calls σ_w². m itself for scaled_normal/LeCun; 2m for He; 2m·fan_in/(fan_in +
     * fan_out) for Glorot; m/3 for fan-in uniform; m·fan_in/fan_out with mode fan_out; NaN for the
     * fixed schemes.
     */
    public double effectiveMultiplier(int fanIn, int fanOut, double m) {
        return fanIn * variance(fanIn, fanOut, m);
    }

    /**
     * Whether a scheme scaled by m draws weights of non-zero mean, which mean-field theory (i.i.d. zero-mean W)
     * does not describe: a trunc_normal whose bounds are not symmetric about 0 (a ≠ −b), e.g. [−0.5, 1] or
     * [1, 2]. Its mean adds a term common to all units of a layer (mean·Σ a) that the length map leaves out,
     * so nothing is predicted for it.
     */
    public boolean drawsNonZeroMean() {
        return scheme == InitScheme.TRUNC_NORMAL && lower != -upper;
    }

    /**
     * Whether Var(W) is m times its value at m = 1, so that σ_w² = unit·m for one unit per fan: every
     * scheme scaled by the multiplier but trunc_normal, whose bounds stay where they are as m widens the
     * normal it cuts (its variance tends to the uniform's (b − a)²/12, not to ∞).
     */
    public boolean proportionalToMultiplier() {
        return scheme.scaledByMultiplier() && scheme != InitScheme.TRUNC_NORMAL;
    }

    /**
     * The sweep multiplier m at which a layer's {@link #effectiveMultiplier} is {@code sigmaW2}: the inverse
     * of m ↦ σ_w²(m), which increases with m. For a scheme {@linkplain #proportionalToMultiplier()
     * proportional} to m, σ_w² divided by its value at m = 1; for trunc_normal the root of
     * fan_in·Var(N(0, m·std²) cut to [a, b]) = σ_w², by bisection on ln m to 10⁻¹² relative.
     *
     * @param fanIn   n^[l-1] ≥ 1
     * @param fanOut  n^[l] ≥ 1
     * @param sigmaW2 the σ_w² wanted, &gt; 0
     * @return m &gt; 0; NaN for a fixed scheme, a σ_w² that is not finite and &gt; 0, or one trunc_normal
     *         never reaches (at or beyond fan_in·(b − a)²/12, or where no m in [10⁻³⁰⁰, 10³⁰⁰] gives it)
     */
    public double multiplierFor(int fanIn, int fanOut, double sigmaW2) {
        if (!scheme.scaledByMultiplier() || !(sigmaW2 > 0) || Double.isInfinite(sigmaW2)) {
            return Double.NaN;
        }
        if (proportionalToMultiplier()) {
            return sigmaW2 / effectiveMultiplier(fanIn, fanOut, 1.0);
        }
        if (sigmaW2 >= fanIn * (upper - lower) * (upper - lower) / 12) {
            return Double.NaN; // the cut law tends to the uniform on [a, b] as m grows, and never reaches its variance
        }
        java.util.function.DoubleUnaryOperator excess = lnM -> {
            double m = Math.exp(lnM);
            try {
                return effectiveMultiplier(fanIn, fanOut, m) - sigmaW2;
            } catch (IllegalArgumentException noMass) { // σ so small that [a, b] away from 0 holds nothing
                return -sigmaW2;
            }
        };
        double lo = 0;
        double hi = 0;
        if (excess.applyAsDouble(0) < 0) {
            while (excess.applyAsDouble(hi) < 0) {
                lo = hi;
                hi = hi == 0 ? 1 : 2 * hi;
                if (hi > 700) {
                    return Double.NaN;
                }
            }
        } else {
            while (excess.applyAsDouble(lo) >= 0) {
                hi = lo;
                lo = lo == 0 ? -1 : 2 * lo;
                if (lo < -700) {
                    return Double.NaN;
                }
            }
        }
        while (hi - lo > 1e-12 * Math.max(1, Math.abs(lo))) {
            double mid = 0.5 * (lo + hi);
            if (excess.applyAsDouble(mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    /**
     * σ_w² = fan_in·Var(W) shared by the hidden-to-hidden layers of a width profile (fan_in n^[l-1],
     * fan_out n^[l]), equal to 10⁻¹² relative: what one mean-field map with one σ_w² describes (the first
     * layer reads the input, whose width the profile does not fix). A profile of one hidden layer [n] has
     * no such layer: it gets the constant width n's σ_w², fan_in = fan_out = n, as a constant-width net
     * of depth 1 does. Examples: any fan_in scheme m (2m for He); Glorot on a halving profile 4m/3;
     * He fan_out 4m on it.
     *
     * @param widths the hidden widths, at least one
     * @param m      the sweep's multiplier
     * @return the shared σ_w², or NaN where the layers' differ (or for a fixed scheme)
     * @throws IllegalArgumentException if {@code widths} is empty
     */
    public double sharedMultiplier(int[] widths, double m) {
        if (widths.length == 0) {
            throw new IllegalArgumentException("a width profile has at least one hidden layer");
        }
        if (widths.length == 1) {
            return effectiveMultiplier(widths[0], widths[0], m);
        }
        double shared = Double.NaN;
        for (int l = 1; l < widths.length; l++) {
            double s = effectiveMultiplier(widths[l - 1], widths[l], m);
            if (l == 1) {
                shared = s;
            } else if (!(Math.abs(s - shared) <= 1e-12 * Math.abs(shared))) {
                return Double.NaN;
            }
        }
        return shared;
    }

    /**
     * Name used in result tables and run ids: the scheme, then its non-default settings —
     * {@code he_normal}, {@code identity_scaled(1.5)}, {@code constant(0.5)},
     * {@code lecun_normal(mode=fan_out)}, {@code variance_scaling(scale=2.0,mode=fan_avg,distribution=uniform)},
     * {@code trunc_normal(std=0.02,a=-0.04,b=0.04)}. Inits without extra settings keep the names of
     * earlier versions (their runs keep their ids).
     */
    public String label() {
        List<String> parts = new ArrayList<>();
        boolean named = scheme == InitScheme.VARIANCE_SCALING || scheme == InitScheme.TRUNC_NORMAL;
        if (named && param != scheme.defaultParameter()) {
            parts.add(scheme.parameterName().get() + "=" + param);
        }
        if (mode != scheme.defaultMode()) {
            parts.add("mode=" + mode.specName());
        }
        if (distribution != scheme.defaultDistribution()) {
            parts.add("distribution=" + distribution.specName());
        }
        if (scheme == InitScheme.TRUNC_NORMAL) {
            if (lower != -2) {
                parts.add("a=" + lower);
            }
            if (upper != 2) {
                parts.add("b=" + upper);
            }
        }
        if (!named && scheme.parameterName().isPresent()) {
            parts.add(0, Double.toString(param));
        }
        return parts.isEmpty() ? scheme.specName() : scheme.specName() + "(" + String.join(",", parts) + ")";
    }

    /**
     * Parses a {@link #label()} back.
     *
     * @throws IllegalArgumentException if the text is not a label this class writes
     */
    public static InitSpec fromLabel(String label) {
        int open = label.indexOf('(');
        boolean args = open >= 0 && label.endsWith(")");
        String name = args ? label.substring(0, open) : label;
        InitScheme scheme = InitScheme.fromSpecName(name)
                .orElseThrow(() -> new IllegalArgumentException("not an init label: " + label));
        if (!args) {
            return of(scheme);
        }
        double param = scheme.defaultParameter();
        FanMode mode = null;
        Distribution distribution = null;
        double lower = Double.NaN;
        double upper = Double.NaN;
        try {
            for (String part : label.substring(open + 1, label.length() - 1).split(",")) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    param = Double.parseDouble(part);
                    continue;
                }
                String key = part.substring(0, eq);
                String value = part.substring(eq + 1);
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "mode" -> mode = FanMode.fromSpecName(value).orElseThrow(IllegalArgumentException::new);
                    case "distribution" -> distribution = Distribution.fromSpecName(value)
                            .orElseThrow(IllegalArgumentException::new);
                    case "a" -> lower = Double.parseDouble(value);
                    case "b" -> upper = Double.parseDouble(value);
                    case "scale", "std" -> param = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException();
                }
            }
            return new InitSpec(scheme, param, mode, distribution, lower, upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an init label: " + label, e);
        }
    }
}
