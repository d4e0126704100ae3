package org.initsweep.core.activation;

/** φ(z) = max(0, z); φ'(z) = 1 for z &gt; 0, else 0 (the left derivative at the kink). */
public record Relu() implements Activation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : 0;
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1 : 0;
    }

    @Override
    public double secondDerivative(double z) {
        return 0;
    }

    @Override
    public double gain() {
        return 0.5;
    }

    @Override
    public boolean positivelyHomogeneous() {
        return true;
    }

    @Override
    public Fused fused() {
        return Fused.RELU;
    }

    @Override
    public void forward(float[] z, float[] a, int len, boolean fma) {
        for (int i = 0; i < len; i++) {
            a[i] = Math.max(z[i], 0f);
        }
    }

    @Override
    public void backward(float[] da, float[] z, float[] a, float[] dz, int len) {
        // da·0 rather than 0: a non-finite gradient stays visible as NaN, as in the fused kernel.
        for (int i = 0; i < len; i++) {
            dz[i] = z[i] > 0f ? da[i] : da[i] * 0f;
        }
    }
}
