package org.initsweep.core.activation;

/**
 * φ(z) = σ(z) = 1 / (1 + e^{−z}); φ' = σ(1 − σ); φ'' = σ(1 − σ)(1 − 2σ). In float32, σ is computed in
 * double and rounded once.
 */
public record Sigmoid() implements Activation {

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public double value(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    @Override
    public double derivative(double z) {
        double s = value(z);
        return s * (1 - s);
    }

    @Override
    public double secondDerivative(double z) {
        double s = value(z);
        return s * (1 - s) * (1 - 2 * s);
    }

    /** σ(0) = 1/2 has no zero-mean small-signal limit: the slope² at 0, 1/16, which governs the backward pass. */
    @Override
    public double gain() {
        return 1.0 / 16;
    }

    @Override
    public double[] bounds() {
        return new double[] {0, 1};
    }

    @Override
    public Fused fused() {
        return Fused.SIGMOID;
    }

    @Override
    public Reads backwardReads() {
        return Reads.A;
    }

    /** σ(z) of a float, computed in double and rounded once to float. */
    public static float of(float z) {
        return (float) (1.0 / (1.0 + Math.exp(-(double) z)));
    }

    @Override
    public void forward(float[] z, float[] a, int len, boolean fma) {
        for (int i = 0; i < len; i++) {
            a[i] = of(z[i]);
        }
    }

    @Override
    public void backward(float[] da, float[] z, float[] a, float[] dz, int len) {
        for (int i = 0; i < len; i++) {
            dz[i] = (1f - a[i]) * a[i] * da[i];
        }
    }
}
