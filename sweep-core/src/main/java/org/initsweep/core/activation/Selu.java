package org.initsweep.core.activation;

/**
 * SELU (Klambauer, Unterthiner, Mayr &amp; Hochreiter 2017, "Self-Normalizing Neural Networks", eq. 2):
 * φ(z) = λz for z &gt; 0, λα(e^z − 1) otherwise, with λ ≈ 1.0507 and α ≈ 1.6733 chosen so that with
 * LeCun-normal weights (m = 1) and no bias the map of (mean, variance) has the fixed point (0, 1):
 * E[φ(z)] = 0 and E[φ(z)²] = 1 for z ~ N(0, 1). φ' = λ or λαe^z; φ'' = 0 or λαe^z.
 */
public record Selu() implements ScalarActivation {

    /** λ of Klambauer et al. 2017 (their eq. 14, to the digits they publish). */
    public static final double LAMBDA = 1.0507009873554804934193349852946;
    /** α of Klambauer et al. 2017. */
    public static final double ALPHA = 1.6732632423543772848170429916717;

    @Override
    public String name() {
        return "selu";
    }

    @Override
    public double value(double z) {
        return z > 0 ? LAMBDA * z : LAMBDA * ALPHA * StrictMath.expm1(z);
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? LAMBDA : LAMBDA * ALPHA * StrictMath.exp(z);
    }

    @Override
    public double secondDerivative(double z) {
        return z > 0 ? 0 : LAMBDA * ALPHA * StrictMath.exp(z);
    }

    /** λ²(1 + α²)/2: the two one-sided slopes at 0, squared and averaged. */
    @Override
    public double gain() {
        return LAMBDA * LAMBDA * (1 + ALPHA * ALPHA) / 2;
    }
}
