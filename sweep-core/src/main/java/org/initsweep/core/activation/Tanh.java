package org.initsweep.core.activation;

/**
 * φ(z) = tanh z; φ' = 1 − tanh² z; φ'' = −2 tanh z (1 − tanh² z). In float32 a rational minimax
 * approximation within a few ulp ({@link FloatTanh}).
 */
public record Tanh() implements Activation {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public double value(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z) {
        double t = Math.tanh(z);
        return 1 - t * t;
    }

    @Override
    public double secondDerivative(double z) {
        double t = Math.tanh(z);
        return -2 * t * (1 - t * t);
    }

    @Override
    public double gain() {
        return 1;
    }

    @Override
    public double[] bounds() {
        return new double[] {-1, 1};
    }

    @Override
    public Fused fused() {
        return Fused.TANH;
    }

    @Override
    public Reads backwardReads() {
        return Reads.A;
    }

    @Override
    public void forward(float[] z, float[] a, int len, boolean fma) {
        if (fma) {
            for (int i = 0; i < len; i++) {
                a[i] = FloatTanh.fma(z[i]);
            }
        } else {
            for (int i = 0; i < len; i++) {
                a[i] = FloatTanh.plain(z[i]);
            }
        }
    }

    @Override
    public void backward(float[] da, float[] z, float[] a, float[] dz, int len) {
        for (int i = 0; i < len; i++) {
            dz[i] = (1f - a[i] * a[i]) * da[i];
        }
    }
}
