package org.initsweep.core.nn;

import org.initsweep.core.optim.ParameterBlock;

/**
 * How one layer of a {@link FloatNetwork} computes its three matrix products — Z = A[l-1]·W,
 * dW = A[l-1]ᵀ·dZ and dA[l-1] = dZ·Wᵀ — and where it keeps W and dW for them: a per-layer strategy,
 * chosen by the layer's size ({@link FloatNetwork}). Every product overwrites its output and sums in
 * a fixed order, so results are deterministic.
 */
abstract sealed class LayerProduct permits JavaProduct, SgemmProduct {

    /** n^[l-1]. */
    final int fanIn;
    /** n^[l]. */
    final int fanOut;

    LayerProduct(int fanIn, int fanOut) {
        this.fanIn = fanIn;
        this.fanOut = fanOut;
    }

    /** The kernel's name for provenance: {@code loops}, {@code vector512}, {@code sgemm}. */
    abstract String kernelName();

    /** Whether {@link #forward} and {@link #gradInput} apply an {@link Epilogue} (else they ignore it). */
    boolean fusesEpilogues() {
        return false;
    }

    /** An array of ≥ fan_in·fan_out entries for an initializer to write W into (row-major). */
    abstract float[] weightsToFill();

    /** Makes the values written into {@link #weightsToFill()} the layer's weights. */
    abstract void weightsFilled();

    /** {@code z[batch×n] = aPrev[batch×k]·W}, then {@code e} where fused. */
    abstract void forward(FloatPass p, int l, float[] aPrev, float[] z, Epilogue e);

    /** {@code dW = aPrevᵀ·dz} into the layer's gradient, after {@link #forward} of the same pass. */
    abstract void gradWeights(FloatPass p, int l, float[] aPrev, float[] dz);

    /** {@code da[batch×k] = dz[batch×n]·Wᵀ}, then {@code e} where fused. */
    abstract void gradInput(FloatPass p, int l, float[] dz, float[] da, Epilogue e);

    /** W with ∂J/∂W, for an optimizer. */
    abstract ParameterBlock weightBlock();

    /** {mean, population variance} of W. */
    abstract double[] weightMoments();

    /** {mean, population variance} of ∂J/∂W. */
    abstract double[] gradientMoments();

    /** W row-major as doubles. */
    abstract double[] weights();
}
