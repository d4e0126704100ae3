package org.initsweep.core.activation;

import org.initsweep.core.math.Log1p;

/**
 * Softplus (Dugas et al. 2001): φ(z) = ln(1 + e^z), computed as max(z, 0) + ln(1 + e^{−|z|}) so it
 * neither overflows nor loses z's digits; φ' = σ(z), the logistic function; φ'' = σ(1 − σ).
 * φ(0) = ln 2 &gt; 0: like the sigmoid, its outputs have a positive mean.
 */
public record Softplus() implements ScalarActivation {

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public double value(double z) {
        return Math.max(z, 0) + Log1p.of(StrictMath.exp(-Math.abs(z)));
    }

    @Override
    public double derivative(double z) {
        return Silu.logistic(z);
    }

    @Override
    public double secondDerivative(double z) {
        return Silu.logistic(z) * Silu.logistic(-z);
    }

    /** φ(0) ≠ 0, so no zero-mean small-signal limit: the slope² at 0, σ(0)² = 1/4, as for the sigmoid. */
    @Override
    public double gain() {
        return 0.25;
    }
}
