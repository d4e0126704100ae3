package org.initsweep.core.activation;

/**
 * φ(z) = tanh z; φ' = sech² z = 1 − tanh² z; φ'' = −2 tanh z sech² z. The float64 forms compute
 * sech² z = 4e/(1 + e)² with e = e^{−2|z|}, which keeps its relative precision where 1 − tanh² z
 * cancels (|z| ≳ 5) and is not 0 where tanh z rounds to 1 (|z| ≳ 19), and cannot overflow; the
 * float32 kernels read φ' from a as 1 − a². In float32 a rational minimax approximation within a few
 * ulp ({@link FloatTanh}).
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
        double e = Math.exp(-2 * Math.abs(z));
        return 4 * e / ((1 + e) * (1 + e));
    }

    @Override
    public double secondDerivative(double z) {
        return -2 * Math.tanh(z) * derivative(z);
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
