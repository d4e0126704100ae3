package org.initsweep.core.activation;

import org.initsweep.core.math.StandardNormal;

/**
 * GELU in its exact form (Hendrycks &amp; Gimpel 2016, "Gaussian Error Linear Units", eq. 1):
 * φ(z) = z·Φ(z), Φ the standard normal distribution function (PyTorch's {@code approximate='none'});
 * φ' = Φ(z) + z·φ(z); φ'' = φ(z)·(2 − z²), φ the standard normal density.
 */
public record Gelu() implements ScalarActivation {

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public double value(double z) {
        return z * StandardNormal.cdf(z);
    }

    @Override
    public double derivative(double z) {
        // z·φ(z) → 0 as |z| → ∞; computed as 0 there rather than ∞·0
        double density = StandardNormal.pdf(z);
        return StandardNormal.cdf(z) + (density == 0 ? 0 : z * density);
    }

    @Override
    public double secondDerivative(double z) {
        double density = StandardNormal.pdf(z);
        return density == 0 ? 0 : density * (2 - z * z);
    }

    /** φ'(0)² = Φ(0)² = 1/4. */
    @Override
    public double gain() {
        return 0.25;
    }
}
