package org.initsweep.core.activation;

import java.util.Map;

/**
 * φ(z) = z for z &gt; 0, slope·z otherwise (Maas et al. 2013); φ'(z) = 1 for z &gt; 0, else slope.
 *
 * @param slope negative-side slope, finite
 */
public record LeakyRelu(double slope) implements Activation {

    /** Default negative slope (as in most libraries). */
    public static final double DEFAULT_SLOPE = 0.01;

    /** @throws IllegalArgumentException if the slope is not finite */
    public LeakyRelu {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("leaky_relu slope must be finite, got " + slope);
        }
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("slope", slope);
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : slope * z;
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1 : slope;
    }

    @Override
    public double secondDerivative(double z) {
        return 0;
    }

    @Override
    public double gain() {
        return (1 + slope * slope) / 2;
    }

    @Override
    public boolean positivelyHomogeneous() {
        return true;
    }

    @Override
    public Fused fused() {
        return Fused.LEAKY_RELU;
    }

    @Override
    public double fusedSlope() {
        return slope;
    }

    @Override
    public void forward(float[] z, float[] a, int len, boolean fma) {
        float s = (float) slope;
        for (int i = 0; i < len; i++) {
            float v = z[i];
            a[i] = v < 0f ? s * v : v;
        }
    }

    @Override
    public void backward(float[] da, float[] z, float[] a, float[] dz, int len) {
        float s = (float) slope;
        for (int i = 0; i < len; i++) {
            dz[i] = z[i] > 0f ? da[i] : da[i] * s;
        }
    }
}
