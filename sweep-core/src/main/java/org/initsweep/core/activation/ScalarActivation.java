package org.initsweep.core.activation;

/**
 * An activation whose float32 loops evaluate its scalar forms in double and round once:
 * {@code a = (float) φ(z)}, {@code dz = da · (float) φ'(z)}. For the smooth modern functions (SELU,
 * GELU, SiLU, ELU, softplus) that the matrix kernel does not fuse; their scalar forms use
 * {@link StrictMath}, so the bits are the same on every JVM and machine.
 */
interface ScalarActivation extends Activation {

    @Override
    default void forward(float[] z, float[] a, int len, boolean fma) {
        for (int i = 0; i < len; i++) {
            a[i] = (float) value(z[i]);
        }
    }

    @Override
    default void backward(float[] da, float[] z, float[] a, float[] dz, int len) {
        for (int i = 0; i < len; i++) {
            dz[i] = da[i] * (float) derivative(z[i]);
        }
    }
}
