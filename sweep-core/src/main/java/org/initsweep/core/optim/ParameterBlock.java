package org.initsweep.core.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One array of a network's parameters with the array holding its gradient, in the storage the
 * network keeps it in. An {@link Optimizer} updates blocks in place; it may overwrite the gradient.
 */
public sealed interface ParameterBlock {

    /** Entries of the block. */
    long size();

    /**
     * Zeros in the block's storage and shape: an optimizer's per-parameter state (a velocity, a moment
     * estimate), a {@code float[length]} or an ND4J array like {@code values}.
     */
    Object zeros();

    /**
     * Parameters in a Java array (the float32 engine's own kernels).
     *
     * @param values   the parameters, entries {@code [0, length)}
     * @param gradient ∂J/∂values, same layout
     * @param length   entries used
     */
    record FloatArrays(float[] values, float[] gradient, int length) implements ParameterBlock {
        /** @throws IllegalArgumentException if an array is shorter than {@code length} */
        public FloatArrays {
            if (length < 0 || values.length < length || gradient.length < length) {
                throw new IllegalArgumentException("block of " + length + " entries over arrays of " + values.length
                        + " and " + gradient.length);
            }
        }

        @Override
        public long size() {
            return length;
        }

        @Override
        public float[] zeros() {
            return new float[length];
        }
    }

    /**
     * Parameters in ND4J arrays (float64 networks, and float32 layers whose products run in OpenBLAS).
     *
     * @param values   the parameters, any shape, c order, not a view
     * @param gradient ∂J/∂values, same shape and type
     */
    record Nd4jArrays(INDArray values, INDArray gradient) implements ParameterBlock {
        @Override
        public long size() {
            return values.length();
        }

        @Override
        public INDArray zeros() {
            return values.ulike().assign(0);
        }
    }
}
