package org.initsweep.core.nn;

import org.initsweep.core.optim.ParameterBlock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A wide layer whose products run in OpenBLAS's {@code cblas_sgemm} on native buffers: W and dW live
 * in ND4J arrays (an optimizer updates them there, without copies), the layer's inputs and outputs
 * are copied between the pass's Java arrays and its native mirrors around each product.
 */
final class SgemmProduct extends LayerProduct {

    private final INDArray w;
    private final INDArray dw;
    private final float[] fill;
    private final ParameterBlock block;

    SgemmProduct(int fanIn, int fanOut) {
        super(fanIn, fanOut);
        this.w = Nd4j.create(DataType.FLOAT, fanIn, fanOut);
        this.dw = Nd4j.create(DataType.FLOAT, fanIn, fanOut);
        this.fill = new float[fanIn * fanOut];
        this.block = new ParameterBlock.Nd4jArrays(w, dw);
    }

    @Override
    String kernelName() {
        return "sgemm";
    }

    @Override
    float[] weightsToFill() {
        return fill;
    }

    @Override
    void weightsFilled() {
        FloatKernels.push(fill, w, fill.length);
    }

    @Override
    void forward(FloatPass p, int l, float[] aPrev, float[] z, Epilogue e) {
        int batch = p.batch();
        INDArray in = p.gemmIn(l - 1);
        FloatKernels.push(aPrev, in, batch * fanIn);
        INDArray zn = p.nativeArray(Network.Buffer.Z, l);
        FloatKernels.sgemm(false, false, batch, fanOut, fanIn, in, w, zn);
        FloatKernels.pull(zn, z, batch * fanOut);
    }

    @Override
    void gradWeights(FloatPass p, int l, float[] aPrev, float[] dz) {
        int batch = p.batch();
        INDArray dzn = p.nativeArray(Network.Buffer.DZ, l);
        FloatKernels.push(dz, dzn, batch * fanOut);
        FloatKernels.sgemm(true, false, fanIn, fanOut, batch, p.gemmIn(l - 1), dzn, dw);
    }

    /** After {@link #gradWeights} of the same pass, whose native dZ it reuses. */
    @Override
    void gradInput(FloatPass p, int l, float[] dz, float[] da, Epilogue e) {
        int batch = p.batch();
        INDArray dan = p.nativeArray(Network.Buffer.DA, l - 1);
        FloatKernels.sgemm(false, true, batch, fanIn, fanOut, p.nativeArray(Network.Buffer.DZ, l), w, dan);
        FloatKernels.pull(dan, da, batch * fanIn);
    }

    @Override
    ParameterBlock weightBlock() {
        return block;
    }

    @Override
    double[] weightMoments() {
        return FastMoments.of(w);
    }

    @Override
    double[] gradientMoments() {
        return FastMoments.of(dw);
    }

    @Override
    double[] weights() {
        return w.dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }
}
