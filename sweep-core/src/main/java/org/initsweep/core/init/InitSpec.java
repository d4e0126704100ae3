package org.initsweep.core.init;

/**
 * One entry of a sweep's {@code inits} axis: a scheme and its parameter.
 *
 * @param scheme the scheme
 * @param param  {@code value} of constant, {@code alpha} of identity_scaled; 0 for schemes without
 *               a parameter
 */
public record InitSpec(InitScheme scheme, double param) implements java.io.Serializable {

    /** @throws IllegalArgumentException if the scheme is null or the parameter is not finite */
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
    }

    /** The scheme with its default parameter. */
    public static InitSpec of(InitScheme scheme) {
        return new InitSpec(scheme, scheme.defaultParameter());
    }

    /**
     * Parses a {@link #label()} back: {@code he_normal}, {@code identity_scaled(1.5)}.
     *
     * @throws IllegalArgumentException if the text is not a label this class writes
     */
    public static InitSpec fromLabel(String label) {
        int open = label.indexOf('(');
        String name = open >= 0 && label.endsWith(")") ? label.substring(0, open) : label;
        InitScheme scheme = InitScheme.fromSpecName(name)
                .orElseThrow(() -> new IllegalArgumentException("not an init label: " + label));
        if (open < 0) {
            return of(scheme);
        }
        try {
            return new InitSpec(scheme, Double.parseDouble(label.substring(open + 1, label.length() - 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an init label: " + label, e);
        }
    }

    /**
     * The effective multiplier fan_in·Var(W) of a layer with this init at sweep multiplier m: what
     * mean-field theory calls σ_w². m itself for scaled_normal/LeCun; 2m for He; 2m·fan_in/(fan_in +
     * fan_out) for Glorot; m/3 for fan-in uniform; NaN for the fixed schemes.
     */
    public double effectiveMultiplier(int fanIn, int fanOut, double m) {
        return fanIn * scheme.variance(fanIn, fanOut, m);
    }

    /**
     * Name used in result tables: {@code he_normal}, {@code identity_scaled(1.5)},
     * {@code constant(0.5)}. Part of every run's id.
     */
    public String label() {
        return scheme.parameterName().isPresent()
                ? scheme.specName() + "(" + param + ")"
                : scheme.specName();
    }
}
