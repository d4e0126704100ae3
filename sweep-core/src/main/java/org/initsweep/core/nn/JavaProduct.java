package org.initsweep.core.nn;

import org.initsweep.core.optim.ParameterBlock;

/**
 * A layer whose W, Wᵀ and dW are Java arrays, with its products in {@link VectorGemm} or in
 * {@link FloatKernels}' loops. Wᵀ is refreshed before each dA product from the W of that moment.
 */
final class JavaProduct extends LayerProduct {

    private final boolean vector;
    private final float[] w;
    /** Wᵀ, for the dA product; null for the first layer, whose dA nothing reads. */
    private final float[] wt;
    private final float[] dw;
    private final ParameterBlock block;

    /**
     * @param vector products in {@link VectorGemm} (else {@link FloatKernels} loops)
     * @param first  whether this is layer 1 (no dA product)
     */
    JavaProduct(int fanIn, int fanOut, boolean vector, boolean first) {
        super(fanIn, fanOut);
        this.vector = vector;
        int len = fanIn * fanOut;
        this.w = new float[len];
        this.wt = first ? null : new float[len];
        this.dw = new float[len];
        this.block = new ParameterBlock.FloatArrays(w, dw, len);
    }

    @Override
    String kernelName() {
        return vector ? "vector" + VectorGemm.vectorBits() : "loops";
    }

    @Override
    boolean fusesEpilogues() {
        return vector;
    }

    @Override
    float[] weightsToFill() {
        return w;
    }

    @Override
    void weightsFilled() {
    }

    @Override
    void forward(FloatPass p, int l, float[] aPrev, float[] z, Epilogue e) {
        if (vector) {
            VectorGemm.mul(aPrev, fanIn, 1, w, z, p.batch(), fanOut, fanIn, e);
        } else {
            FloatKernels.mulNN(aPrev, w, z, p.batch(), fanIn, fanOut);
        }
    }

    @Override
    void gradWeights(FloatPass p, int l, float[] aPrev, float[] dz) {
        if (vector) {
            VectorGemm.mul(aPrev, 1, fanIn, dz, dw, fanIn, fanOut, p.batch());
        } else {
            FloatKernels.mulTN(aPrev, dz, dw, p.batch(), fanIn, fanOut);
        }
    }

    @Override
    void gradInput(FloatPass p, int l, float[] dz, float[] da, Epilogue e) {
        FloatKernels.transpose(w, wt, fanIn, fanOut);
        if (vector) {
            VectorGemm.mul(dz, fanOut, 1, wt, da, p.batch(), fanIn, fanOut, e);
        } else {
            FloatKernels.mulNT(dz, wt, da, p.batch(), fanIn, fanOut);
        }
    }

    @Override
    ParameterBlock weightBlock() {
        return block;
    }

    @Override
    double[] weightMoments() {
        return FastMoments.of(w, w.length);
    }

    @Override
    double[] gradientMoments() {
        return FastMoments.of(dw, dw.length);
    }

    @Override
    double[] weights() {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i];
        }
        return out;
    }
}
