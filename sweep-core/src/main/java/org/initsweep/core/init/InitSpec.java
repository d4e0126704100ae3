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
     * Name used in result tables: {@code he_normal}, {@code identity_scaled(1.5)},
     * {@code constant(0.5)}. Part of every run's id.
     */
    public String label() {
        return scheme.parameterName().isPresent()
                ? scheme.specName() + "(" + param + ")"
                : scheme.specName();
    }
}
