package org.initsweep.core.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.optim.ParameterBlock;

/**
 * The float32 engine: a {@link Network} whose values live in Java arrays, with initsweep's own
 * kernels. Each layer's three matrix products run in its {@link LayerProduct}: the register-tiled
 * Vector API kernel {@link VectorGemm} for layers up to {@link Kernel#vectorMaxParams()} weights (bias
 * and φ, or φ' and db, applied inside it, see {@link Epilogue}), OpenBLAS's sgemm called directly
 * for wider ones, and Java loops for tiny layers where the Vector API is unavailable
 * ({@link Kernel#BLAS}). Elementwise work is the activation's and the head's own loops.
 *
 * <p>Deterministic: every kernel has a fixed operation order, so a run gives the same bits on every
 * JVM and machine where its layers use the same kernels (sgemm's order depends on the CPU's OpenBLAS
 * kernel). It agrees with {@link Nd4jNetwork} to float32 rounding, not bit for bit: fused
 * multiply-adds in {@link VectorGemm}, summation order inside sgemm, and tanh's rational
 * approximation ({@link org.initsweep.core.activation.FloatTanh}).
 */
public final class FloatNetwork implements Network {

    private final Architecture arch;
    private final int depth;
    private final Activation phi;
    private final OutputHead head;
    /** Whether products may run in the Vector API kernel (and tanh uses its fused evaluation). */
    private final boolean vector;
    private final LayerProduct[] product;
    private final float[][] bias;
    private final float[][] biasGradient;
    private final List<ParameterBlock> blocks;

    /**
     * @param arch   the shape
     * @param kernel {@link Kernel#AUTO} or {@link Kernel#BLAS} ({@link Kernel#ND4J} is {@link Nd4jNetwork})
     */
    FloatNetwork(Architecture arch, Kernel kernel) {
        this.arch = arch;
        this.depth = arch.depth();
        this.phi = arch.activation();
        this.head = arch.head();
        this.vector = kernel == Kernel.AUTO && FloatKernels.VECTOR_GEMM;
        int layers = arch.layers();
        this.product = new LayerProduct[layers + 1];
        this.bias = new float[layers + 1][];
        this.biasGradient = new float[layers + 1][];
        long loopsMax = Kernel.javaMaxParams();
        long vectorMax = Kernel.vectorMaxParams();
        List<ParameterBlock> b = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            int k = arch.units(l - 1);
            int n = arch.units(l);
            long params = (long) k * n;
            product[l] = vector && params <= vectorMax ? new JavaProduct(k, n, true, l == 1)
                    : params <= loopsMax ? new JavaProduct(k, n, false, l == 1) : new SgemmProduct(k, n);
            bias[l] = new float[n];
            biasGradient[l] = new float[n];
            b.add(product[l].weightBlock());
            b.add(new ParameterBlock.FloatArrays(bias[l], biasGradient[l], n));
        }
        this.blocks = List.copyOf(b);
    }

    @Override
    public Architecture architecture() {
        return arch;
    }

    @Override
    public boolean float64() {
        return false;
    }

    @Override
    public String kernelName() {
        TreeSet<String> used = new TreeSet<>();
        for (int l = 1; l < product.length; l++) {
            used.add(product[l].kernelName());
        }
        return String.join("+", used);
    }

    LayerProduct product(int l) {
        return product[l];
    }

    /** Whether bias and φ after an sgemm product run in the Vector API (with φ's FMA form). */
    boolean vectorElementwise() {
        return vector;
    }

    float[] bias(int l) {
        return bias[l];
    }

    float[] biasGradient(int l) {
        return biasGradient[l];
    }

    @Override
    public void initialize(ParameterFiller filler) {
        for (int l = 1; l < product.length; l++) {
            float[] w = product[l].weightsToFill();
            filler.fill(l, arch.units(l - 1), arch.units(l), w, bias[l]);
            product[l].weightsFilled();
        }
    }

    @Override
    public FloatPass newPass(int batch) {
        return new FloatPass(this, batch);
    }

    @Override
    public List<ParameterBlock> parameters() {
        return blocks;
    }

    @Override
    public double[] weights(int l) {
        return product[l].weights();
    }

    @Override
    public double[] biases(int l) {
        double[] out = new double[bias[l].length];
        for (int i = 0; i < out.length; i++) {
            out[i] = bias[l][i];
        }
        return out;
    }

    @Override
    public double[] weightMoments(int l) {
        return product[l].weightMoments();
    }

    @Override
    public double[] gradientMoments(int l) {
        return product[l].gradientMoments();
    }

    // Per entry the operations of Nd4jNetwork, in its order: Z = A·W then + b, A = φ(Z); dZ_out = (A_out
    // − T)/B; dW = Aᵀ·dZ; db = Σ_rows dZ; dA = dZ·Wᵀ; dZ = dA ∘ φ'(·).

    @Override
    public void forward(Pass pass) {
        FloatPass p = (FloatPass) pass;
        p.zKept = p.keep();
        int batch = p.batch();
        int out = depth + 1;
        for (int l = 1; l <= out; l++) {
            int n = arch.units(l);
            float[] z = p.zTarget(l);
            Epilogue e = p.forwardEpilogue[l];
            product[l].forward(p, l, p.a[l - 1], z, e);
            boolean fused = e != null && product[l].fusesEpilogues();
            Epilogue after = p.elementwiseForward[l];
            if (after != null) {
                VectorGemm.biasAndActivate(z, batch, n, after);
                continue;
            }
            if (!fused) {
                FloatKernels.addRow(z, bias[l], batch, n);
            }
            float[] a = p.a[l];
            if (l == out) {
                head.activate(z, a, batch);
            } else if (!phi.identity() && !(fused && Epilogue.appliesForward(phi))) {
                phi.forward(z, a, batch * n, vector);
            }
        }
    }

    @Override
    public void backward(Pass pass) {
        FloatPass p = (FloatPass) pass;
        int batch = p.batch();
        p.daKept = p.keep();
        int out = depth + 1;
        head.delta(p.a[out], p.labels, p.dz[out], batch);
        boolean dbDone = false; // db[l] already summed by the epilogue of layer l+1's dA product
        for (int l = out; l >= 1; l--) {
            product[l].gradWeights(p, l, p.a[l - 1], p.dz[l]);
            if (!dbDone) {
                FloatKernels.colSum(p.dz[l], biasGradient[l], batch, arch.units(l));
            }
            dbDone = false;
            if (l > 1) {
                float[] da = p.daTarget(l - 1);
                Epilogue e = product[l].fusesEpilogues() ? p.backwardEpilogue[l] : null;
                product[l].gradInput(p, l, p.dz[l], da, e);
                if (e != null) {
                    dbDone = true; // dZ[l-1] = dA[l-1] ∘ φ' and db[l-1] computed per block inside the product
                    continue;
                }
                if (!phi.identity()) {
                    phi.backward(da, p.zTarget(l - 1), p.a[l - 1], p.dz[l - 1], batch * arch.units(l - 1));
                }
            }
        }
    }
}
