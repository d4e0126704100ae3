package org.initsweep.core.activation;

import java.util.Map;

/**
 * ELU (Clevert, Unterthiner &amp; Hochreiter 2016, "Fast and Accurate Deep Network Learning by
 * Exponential Linear Units"): φ(z) = z for z &gt; 0, α(e^z − 1) otherwise; φ' = 1 or αe^z;
 * φ'' = 0 or αe^z.
 *
 * @param alpha the negative saturation value −α, &gt; 0 (default 1)
 */
public record Elu(double alpha) implements ScalarActivation {

    /** Default α (as Keras and PyTorch). */
    public static final double DEFAULT_ALPHA = 1.0;

    /** @throws IllegalArgumentException if α is not positive and finite */
    public Elu {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("elu alpha must be > 0 and finite, got " + alpha);
        }
    }

    @Override
    public String name() {
        return "elu";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("alpha", alpha);
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : alpha * StrictMath.expm1(z);
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1 : alpha * StrictMath.exp(z);
    }

    @Override
    public double secondDerivative(double z) {
        return z > 0 ? 0 : alpha * StrictMath.exp(z);
    }

    /** (1 + α²)/2: the one-sided slopes 1 and α at 0, squared and averaged. */
    @Override
    public double gain() {
        return (1 + alpha * alpha) / 2;
    }
}
