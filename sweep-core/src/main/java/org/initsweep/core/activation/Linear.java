package org.initsweep.core.activation;

/** φ(z) = z. A linear network's A is its Z and its dZ its dA (the same arrays). */
public record Linear() implements Activation {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public double value(double z) {
        return z;
    }

    @Override
    public double derivative(double z) {
        return 1;
    }

    @Override
    public double secondDerivative(double z) {
        return 0;
    }

    @Override
    public double gain() {
        return 1;
    }

    @Override
    public boolean positivelyHomogeneous() {
        return true;
    }

    @Override
    public Fused fused() {
        return Fused.LINEAR;
    }

    @Override
    public Reads backwardReads() {
        return Reads.NONE;
    }

    @Override
    public boolean identity() {
        return true;
    }

    @Override
    public void forward(float[] z, float[] a, int len, boolean fma) {
        if (a != z) {
            System.arraycopy(z, 0, a, 0, len);
        }
    }

    @Override
    public void backward(float[] da, float[] z, float[] a, float[] dz, int len) {
        if (dz != da) {
            System.arraycopy(da, 0, dz, 0, len);
        }
    }
}
