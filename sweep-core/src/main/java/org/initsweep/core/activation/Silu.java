package org.initsweep.core.activation;

/**
 * SiLU, also called swish (Elfwing, Uchibe &amp; Doya 2018; Ramachandran, Zoph &amp; Le 2017 with β = 1):
 * φ(z) = z·σ(z), σ the logistic function; φ' = σ(1 + z(1 − σ)); φ'' = σ(1 − σ)(2 + z(1 − 2σ)).
 * The spec names {@code silu} and {@code swish} are the same function (label {@code silu}).
 */
public record Silu() implements ScalarActivation {

    @Override
    public String name() {
        return "silu";
    }

    /** σ(z) without overflow: e^{−|z|} is at most 1. */
    static double logistic(double z) {
        double e = StrictMath.exp(-Math.abs(z));
        return z >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /** 1 − σ(z) = σ(−z), without cancellation. */
    private static double complement(double z) {
        return logistic(-z);
    }

    @Override
    public double value(double z) {
        return z * logistic(z);
    }

    @Override
    public double derivative(double z) {
        double s = logistic(z);
        double c = complement(z);
        return s * (1 + (c == 0 ? 0 : z * c));
    }

    @Override
    public double secondDerivative(double z) {
        double s = logistic(z);
        double c = complement(z);
        return s * c == 0 ? 0 : s * c * (2 + z * (c - s));
    }

    /** φ'(0)² = σ(0)² = 1/4. */
    @Override
    public double gain() {
        return 0.25;
    }
}
