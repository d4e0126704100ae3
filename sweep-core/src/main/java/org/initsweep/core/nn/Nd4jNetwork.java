package org.initsweep.core.nn;

import java.util.ArrayList;
import java.util.List;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.optim.ParameterBlock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A {@link Network} whose values live in ND4J arrays, every step an in-place ND4J op (≈ 16 ops per
 * layer and epoch, each with 10–40 µs of set-up): the float64 path (theory checks) and, with
 * {@link Kernel#ND4J}, a float32 reference for the float32 engine. Activations ND4J has as transforms
 * (tanh, ReLU, leaky ReLU, sigmoid) use them; others are applied entry by entry from their scalar
 * forms in double.
 */
public final class Nd4jNetwork implements Network {

    private final Architecture arch;
    private final DataType dataType;
    private final INDArray[] w;
    private final INDArray[] b;
    private final INDArray[] dw;
    private final INDArray[] db;
    private final List<ParameterBlock> blocks;

    /** @param dataType FLOAT or DOUBLE */
    Nd4jNetwork(Architecture arch, DataType dataType) {
        this.arch = arch;
        this.dataType = dataType;
        int layers = arch.layers();
        w = new INDArray[layers + 1];
        b = new INDArray[layers + 1];
        dw = new INDArray[layers + 1];
        db = new INDArray[layers + 1];
        List<ParameterBlock> blocks = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            w[l] = Nd4j.create(dataType, arch.units(l - 1), arch.units(l));
            b[l] = Nd4j.create(dataType, 1, arch.units(l));
            dw[l] = Nd4j.create(dataType, arch.units(l - 1), arch.units(l));
            db[l] = Nd4j.create(dataType, 1, arch.units(l));
            blocks.add(new ParameterBlock.Nd4jArrays(w[l], dw[l]));
            blocks.add(new ParameterBlock.Nd4jArrays(b[l], db[l]));
        }
        this.blocks = List.copyOf(blocks);
    }

    @Override
    public Architecture architecture() {
        return arch;
    }

    @Override
    public boolean float64() {
        return dataType == DataType.DOUBLE;
    }

    @Override
    public String kernelName() {
        return "nd4j";
    }

    @Override
    public void initialize(ParameterFiller filler) {
        for (int l = 1; l <= arch.layers(); l++) {
            int k = arch.units(l - 1);
            int n = arch.units(l);
            float[] wv = new float[k * n];
            float[] bv = new float[n];
            filler.fill(l, k, n, wv, bv);
            write(wv, w[l]);
            write(bv, b[l]);
        }
    }

    /** float32 values into an array of the network's type (same shape, c order, not a view). */
    private static void write(float[] v, INDArray x) {
        if (x.dataType() == DataType.FLOAT) {
            FloatKernels.push(v, x, v.length);
        } else {
            x.assign(Nd4j.createFromArray(v).reshape(x.shape()).castTo(x.dataType()));
        }
    }

    @Override
    public Nd4jPass newPass(int batch) {
        return new Nd4jPass(this, batch);
    }

    DataType dataType() {
        return dataType;
    }

    @Override
    public List<ParameterBlock> parameters() {
        return blocks;
    }

    @Override
    public double[] weights(int l) {
        return w[l].dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }

    @Override
    public double[] biases(int l) {
        return b[l].dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }

    @Override
    public double[] weightMoments(int l) {
        return FastMoments.of(w[l]);
    }

    @Override
    public double[] gradientMoments(int l) {
        return FastMoments.of(dw[l]);
    }

    @Override
    public void forward(Pass pass) {
        Nd4jPass p = (Nd4jPass) pass;
        p.syncInput();
        int out = arch.layers();
        for (int l = 1; l <= out; l++) {
            Nd4j.gemm(p.a[l - 1], w[l], p.z[l], false, false, 1.0, 0.0);
            p.z[l].addiRowVector(b[l]);
            if (l == out) {
                arch.head().activate(p.z[l], p.a[l]);
            } else {
                activate(p.z[l], p.a[l]);
            }
        }
    }

    @Override
    public void backward(Pass pass) {
        Nd4jPass p = (Nd4jPass) pass;
        p.syncInput();
        int out = arch.layers();
        p.dz[out].assign(p.a[out]).subi(p.targets).divi(p.batch());
        for (int l = out; l >= 1; l--) {
            Nd4j.gemm(p.a[l - 1], p.dz[l], dw[l], true, false, 1.0, 0.0);
            p.dz[l].sum(db[l], 0);
            if (l > 1) {
                Nd4j.gemm(p.dz[l], w[l], p.da[l - 1], false, true, 1.0, 0.0);
                activationBackward(p, l - 1);
            }
        }
    }

    private void activate(INDArray z, INDArray a) {
        if (z == a) {
            return;
        }
        Activation phi = arch.activation();
        a.assign(z);
        switch (phi.fused()) {
            case TANH -> Transforms.tanh(a, false);
            case RELU -> Transforms.relu(a, false);
            case SIGMOID -> Transforms.sigmoid(a, false);
            case LEAKY_RELU -> Transforms.leakyRelu(a, phi.fusedSlope(), false);
            case LINEAR -> { }
            case NONE -> map(a, phi::value);
        }
    }

    private void activationBackward(Nd4jPass p, int l) {
        Activation phi = arch.activation();
        INDArray da = p.da[l];
        INDArray dz = p.dz[l];
        switch (phi.fused()) {
            case LINEAR -> { } // dz is da (same buffer)
            case TANH -> dz.assign(p.a[l]).muli(p.a[l]).rsubi(1.0).muli(da);
            case SIGMOID -> dz.assign(p.a[l]).rsubi(1.0).muli(p.a[l]).muli(da);
            case RELU, LEAKY_RELU -> {
                // φ'(0) is the left derivative (0, or the slope), as Activation.derivative and the float32
                // engine take it; ND4J's LeakyReLUBp passes the whole gradient at z = 0, where a dead
                // layer's z sits exactly. factor = [z > 0] + (1 − [z > 0])·slope, exact in both cases.
                INDArray pos = p.z[l].gt(0).castTo(dataType);
                INDArray factor = phi.fused() == Activation.Fused.RELU ? pos
                        : pos.rsub(1.0).muli(phi.fusedSlope()).addi(pos);
                dz.assign(da).muli(factor);
            }
            case NONE -> {
                dz.assign(p.z[l]);
                map(dz, phi::derivative);
                dz.muli(da);
            }
        }
    }

    /** x ← f(x) entry by entry, in double. */
    private static void map(INDArray x, java.util.function.DoubleUnaryOperator f) {
        double[] v = x.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(v[i]);
        }
        x.assign(Nd4j.create(v, x.shape(), 'c').castTo(x.dataType()));
    }
}
