package org.initsweep.core.theory;

import java.util.function.DoubleUnaryOperator;

import org.initsweep.core.activation.Activation;

/**
 * An element-wise non-linearity φ with its derivative φ', as plain scalar functions: all the
 * theory classes need of an activation ({@link LengthMap}, {@link CorrelationMap},
 * {@link DepthScales}, {@link DynamicalIsometry}).
 *
 * <p>Contract the quadrature rules rely on: φ and φ' are analytic except possibly at z = 0
 * (kinks and jumps there are exact panel ends), vary on a scale of order 1 or more away from 0,
 * grow at most polynomially, and are finite for every finite z (φ' at ±{@link Double#MAX_VALUE}
 * gives the large-length limit). At a kink φ' may take either one-sided value (a null set).
 *
 * @param name       a label for messages, e.g. {@code tanh}
 * @param phi        φ(z)
 * @param derivative φ'(z)
 */
public record Nonlinearity(String name, DoubleUnaryOperator phi, DoubleUnaryOperator derivative) {

    /**
     * Validates the components.
     *
     * @param name       label, not null
     * @param phi        φ, not null
     * @param derivative φ', not null
     * @throws IllegalArgumentException if an argument is null
     */
    public Nonlinearity {
        if (name == null || phi == null || derivative == null) {
            throw new IllegalArgumentException("name, phi and derivative must not be null");
        }
    }

    /**
     * Adapter from the activation of a run spec.
     *
     * @param activation the activation, not null
     * @return φ = {@code activation.value}, φ' = {@code activation.derivative}
     * @throws NullPointerException if {@code activation} is null
     */
    public static Nonlinearity of(Activation activation) {
        return new Nonlinearity(activation.label(), activation::value, activation::derivative);
    }

    /** @return φ(z) */
    public double value(double z) {
        return phi.applyAsDouble(z);
    }

    /** @return φ'(z) */
    public double derivativeAt(double z) {
        return derivative.applyAsDouble(z);
    }

    @Override
    public String toString() {
        return name;
    }
}
