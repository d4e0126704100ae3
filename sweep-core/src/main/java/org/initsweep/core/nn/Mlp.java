package org.initsweep.core.nn;

import org.initsweep.core.activation.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A fully connected network: {@code depth} hidden layers of {@code width} units with activation φ,
 * and one sigmoid output unit trained with binary cross-entropy. Forward, backward and the SGD
 * update are written by hand with in-place ND4J ops on buffers allocated once per batch size
 * ({@link Pass}), so an epoch allocates nothing.
 *
 * <p>Layers are numbered l = 1..L+1 (L = depth; layer L+1 is the output). Layer l has weights
 * {@code W[l]} of shape {@code [fan_in, fan_out] = [n^[l-1], n^[l]]} and bias {@code b[l]} of shape
 * {@code [1, n^[l]]}; on a batch {@code A[l-1]} of shape {@code [batch, n^[l-1]]}:
 * <pre>
 *   Z[l] = A[l-1]·W[l] + b[l]       A[l] = φ(Z[l])  (σ for l = L+1)
 *   J    = (1/B) Σ_i BCE(σ(z_i), y_i)
 *   dZ[L+1] = (A[L+1] − Y)/B         dW[l] = A[l-1]ᵀ·dZ[l]     db[l] = Σ_rows dZ[l]
 *   dA[l-1] = dZ[l]·W[l]ᵀ            dZ[l-1] = dA[l-1] ∘ φ'(Z[l-1])
 * </pre>
 * so {@code dA[l]} is ∂J/∂a^[l] and {@code dW[l]} is ∂J/∂W^[l] of the batch-mean cost.
 */
public final class Mlp {

    private final int depth;
    private final Activation phi;
    private final DataType dataType;
    private final int[] units;
    private final INDArray[] w;
    private final INDArray[] b;

    /**
     * Creates a network with all parameters 0; fill them with
     * {@link org.initsweep.core.init.WeightInitializer}.
     *
     * @param inputDim n^[0] ≥ 1
     * @param depth    hidden layers L ≥ 1
     * @param width    hidden units n ≥ 1
     * @param phi      hidden activation
     * @param dataType FLOAT or DOUBLE
     * @throws IllegalArgumentException on a size &lt; 1
     */
    public Mlp(int inputDim, int depth, int width, Activation phi, DataType dataType) {
        if (inputDim < 1 || depth < 1 || width < 1) {
            throw new IllegalArgumentException("inputDim, depth and width must be ≥ 1, got "
                    + inputDim + ", " + depth + ", " + width);
        }
        this.depth = depth;
        this.phi = phi;
        this.dataType = dataType;
        this.units = new int[depth + 2];
        units[0] = inputDim;
        for (int l = 1; l <= depth; l++) {
            units[l] = width;
        }
        units[depth + 1] = 1;
        this.w = new INDArray[depth + 2];
        this.b = new INDArray[depth + 2];
        for (int l = 1; l <= depth + 1; l++) {
            w[l] = Nd4j.create(dataType, units[l - 1], units[l]);
            b[l] = Nd4j.create(dataType, 1, units[l]);
        }
    }

    /** Number of weight layers, L + 1. */
    public int layers() {
        return depth + 1;
    }

    /** Hidden layers L. */
    public int depth() {
        return depth;
    }

    /** n^[l] for l = 0..L+1. */
    public int units(int l) {
        return units[l];
    }

    /** Hidden activation φ. */
    public Activation activation() {
        return phi;
    }

    /** Array data type of parameters and buffers. */
    public DataType dataType() {
        return dataType;
    }

    /** W[l], shape {@code [n^[l-1], n^[l]]}, l = 1..L+1; the live array (mutable). */
    public INDArray weight(int l) {
        return w[l];
    }

    /** b[l], shape {@code [1, n^[l]]}, l = 1..L+1; the live array (mutable). */
    public INDArray bias(int l) {
        return b[l];
    }

    /** Allocates the forward/backward buffers for batches of {@code batch} rows. */
    public Pass newPass(int batch) {
        return new Pass(batch);
    }

    /**
     * Forward pass; fills {@code p.z(l)} and {@code p.a(l)} for l = 1..L+1.
     *
     * @param x inputs {@code [batch, n^[0]]} of this network's data type
     */
    public void forward(Pass p, INDArray x) {
        p.a[0] = x;
        for (int l = 1; l <= depth + 1; l++) {
            Nd4j.gemm(p.a[l - 1], w[l], p.z[l], false, false, 1.0, 0.0);
            p.z[l].addiRowVector(b[l]);
            if (l == depth + 1) {
                Transforms.sigmoid(p.a[l].assign(p.z[l]), false);
            } else {
                applyActivation(p.z[l], p.a[l]);
            }
        }
    }

    /**
     * Backward pass after {@link #forward}; fills {@code dZ}, {@code dA} (l = 1..L+1),
     * {@code dW} and {@code db} of the batch-mean binary cross-entropy.
     *
     * @param y labels {@code [batch, 1]} in {0, 1}
     */
    public void backward(Pass p, INDArray y) {
        int out = depth + 1;
        p.dz[out].assign(p.a[out]).subi(y).divi(p.batch);
        for (int l = out; l >= 1; l--) {
            Nd4j.gemm(p.a[l - 1], p.dz[l], p.dw[l], true, false, 1.0, 0.0);
            p.dz[l].sum(p.db[l], 0);
            if (l > 1) {
                Nd4j.gemm(p.dz[l], w[l], p.da[l - 1], false, true, 1.0, 0.0);
                activationBackward(p, l - 1);
            }
        }
    }

    /** Plain SGD: W −= lr·dW, b −= lr·db. Overwrites the gradients. */
    public void sgdStep(Pass p, double learningRate) {
        for (int l = 1; l <= depth + 1; l++) {
            w[l].subi(p.dw[l].muli(learningRate));
            b[l].subi(p.db[l].muli(learningRate));
        }
    }

    private void applyActivation(INDArray z, INDArray a) {
        if (z == a) {
            return;
        }
        a.assign(z);
        switch (phi.kind()) {
            case TANH -> Transforms.tanh(a, false);
            case RELU -> Transforms.relu(a, false);
            case SIGMOID -> Transforms.sigmoid(a, false);
            case LEAKY_RELU -> Transforms.leakyRelu(a, phi.slope(), false);
            case LINEAR -> { }
        }
    }

    private void activationBackward(Pass p, int l) {
        INDArray da = p.da[l];
        INDArray dz = p.dz[l];
        switch (phi.kind()) {
            case LINEAR -> { } // dz is da (same buffer)
            case TANH -> dz.assign(p.a[l]).muli(p.a[l]).rsubi(1.0).muli(da);
            case SIGMOID -> dz.assign(p.a[l]).rsubi(1.0).muli(p.a[l]).muli(da);
            case RELU -> Nd4j.exec(new LeakyReLUBp(p.z[l], da, dz, 0.0));
            case LEAKY_RELU -> Nd4j.exec(new LeakyReLUBp(p.z[l], da, dz, phi.slope()));
        }
    }

    /**
     * Buffers of one batch size. Arrays are indexed by layer l = 1..L+1 ({@code a(0)} is the input
     * of the last forward pass). A linear network's A[l] is Z[l] and its dZ[l] is dA[l] (same arrays).
     */
    public final class Pass {
        private final int batch;
        private final INDArray[] z;
        private final INDArray[] a;
        private final INDArray[] dz;
        private final INDArray[] da;
        private final INDArray[] dw;
        private final INDArray[] db;

        private Pass(int batch) {
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be ≥ 1, got " + batch);
            }
            this.batch = batch;
            int n = depth + 2;
            z = new INDArray[n];
            a = new INDArray[n];
            dz = new INDArray[n];
            da = new INDArray[n];
            dw = new INDArray[n];
            db = new INDArray[n];
            boolean linear = phi.kind() == Activation.Kind.LINEAR;
            for (int l = 1; l <= depth + 1; l++) {
                boolean hidden = l <= depth;
                z[l] = Nd4j.create(dataType, batch, units[l]);
                a[l] = hidden && linear ? z[l] : Nd4j.create(dataType, batch, units[l]);
                da[l] = Nd4j.create(dataType, batch, units[l]);
                dz[l] = hidden && linear ? da[l] : Nd4j.create(dataType, batch, units[l]);
                dw[l] = Nd4j.create(dataType, units[l - 1], units[l]);
                db[l] = Nd4j.create(dataType, 1, units[l]);
            }
        }

        /** Rows per batch. */
        public int batch() {
            return batch;
        }

        /** Z[l] {@code [batch, n^[l]]}. */
        public INDArray z(int l) {
            return z[l];
        }

        /** A[l] {@code [batch, n^[l]]}; A[0] is the last input. */
        public INDArray a(int l) {
            return a[l];
        }

        /** ∂J/∂Z[l] {@code [batch, n^[l]]}. */
        public INDArray dz(int l) {
            return dz[l];
        }

        /**
         * ∂J/∂A[l] {@code [batch, n^[l]]} for hidden layers l = 1..L. The output layer's is not
         * materialized (σ and the cross-entropy are differentiated together); see
         * {@link org.initsweep.core.trace.TraceRecorder}.
         */
        public INDArray da(int l) {
            return da[l];
        }

        /** ∂J/∂W[l] {@code [n^[l-1], n^[l]]}. */
        public INDArray dw(int l) {
            return dw[l];
        }

        /** ∂J/∂b[l] {@code [1, n^[l]]}. */
        public INDArray db(int l) {
            return db[l];
        }
    }
}
