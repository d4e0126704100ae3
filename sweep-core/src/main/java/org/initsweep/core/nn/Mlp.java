package org.initsweep.core.nn;

import org.initsweep.core.activation.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A fully connected network: {@code depth} hidden layers of {@code width} units with activation φ,
 * and one sigmoid output unit trained with binary cross-entropy. Forward, backward and the SGD
 * update are written by hand on buffers allocated once per batch size ({@link Pass}), so an epoch
 * allocates nothing.
 *
 * <p>Two paths compute the same equations ({@link Kernel}): in float32 by default the values live in
 * {@code float[]}s, elementwise work and SGD are Java loops, and the three products per layer run
 * in the Vector API kernel {@link VectorGemm} for layers up to {@link #vectorMaxParams()} weights
 * (256 × 256; bias and φ, or φ' and db, applied inside it, see {@link Epilogue}), otherwise in
 * OpenBLAS's sgemm called directly; without the Vector API
 * ({@link Kernel#BLAS}) tiny layers use Java loops and the rest sgemm. In float64, or with
 * {@code -Dinitsweep.kernel=nd4j}, every step is an in-place ND4J op (≈ 16 ops per layer and epoch,
 * each with 10–40 µs of set-up). All are deterministic; they agree to float32 rounding
 * ({@code MlpFastPathTest}), not bit for bit (fused multiply-adds in {@link VectorGemm}, summation
 * order inside sgemm, and the fast path's tanh is a rational approximation within 6 ulp where
 * ND4J's float tanh is off by far more near 0). {@link #kernelName()} names the products' kernel
 * for provenance.
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
    /** Float32 Java kernel ({@link Kernel#AUTO}); false: every op through ND4J as before. */
    private final boolean fast;
    /**
     * Fast path with the Vector API kernel ({@link Kernel#AUTO} where it can run): products of small
     * and medium layers in {@link VectorGemm}, and tanh by {@link FloatKernels#tanhFma} as its
     * epilogue computes it; otherwise ({@link Kernel#BLAS}) {@link FloatKernels#tanh(float)}.
     */
    private final boolean vectorKernel;
    /** Fast path: how each layer's three products are computed. */
    private final Product[] product;
    /**
     * Fast path: the parameters themselves — W[l] (layers not in sgemm) and b[l] (all layers) — and
     * W[l]ᵀ, refreshed by each backward pass. The INDArrays {@link #w} and {@link #b} follow them only
     * for layers whose arrays a caller holds ({@link #shared}).
     */
    private final float[][] wf;
    private final float[][] wtf;
    private final float[][] bf;
    /**
     * Fast path: layers whose W and b arrays were handed out by {@link #weight}/{@link #bias} since the
     * last {@link #initialize}: read back before each forward pass (the caller may have written them)
     * and written after each SGD step. Other layers' arrays are not touched during training (three
     * copies of every weight per epoch otherwise: ≈ 4% of a width-64 run).
     */
    private final boolean[] shared;
    /** Fast path: sgemm layers up to this many weights take their SGD step in Java, larger ones in ND4J. */
    private static final long SGD_COPY_MAX = 64 * 64;
    /** Fast path: scratch for the SGD step of sgemm layers. */
    private final float[] sgdW;
    private final float[] sgdDw;

    /**
     * How {@link Mlp} computes. The fast path exists for float32 only; float64 (theory checks)
     * always runs through ND4J.
     */
    public enum Kernel {
        /**
         * float32: elementwise work and the SGD step in plain Java loops ({@link FloatKernels}); the
         * matrix products of layers up to {@link #vectorMaxParams()} weights in {@link VectorGemm},
         * wider ones in OpenBLAS's sgemm; as {@link #BLAS} where the Vector API is unavailable.
         * float64: as {@link #ND4J}. The default; system property {@code initsweep.kernel}
         * ({@code blas}, {@code nd4j}) selects another.
         */
        AUTO,
        /**
         * float32 as {@link #AUTO} but without the Vector API: products of layers up to
         * {@link #javaMaxParams()} weights in Java loops, wider ones in sgemm. What {@link #AUTO}
         * falls back to where {@code jdk.incubator.vector} is not loaded or vectors are narrower
         * than 256 bits.
         */
        BLAS,
        /** Every operation as an in-place ND4J op, in float32 and float64 alike. */
        ND4J;

        /**
         * The kernel named by the system property {@code initsweep.kernel}: {@code auto} (default),
         * {@code blas} or {@code nd4j}.
         */
        public static Kernel fromSystemProperty() {
            String v = System.getProperty("initsweep.kernel", "auto");
            return switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "nd4j" -> ND4J;
                case "blas" -> BLAS;
                default -> AUTO;
            };
        }
    }

    /**
     * Largest layer (fan_in × fan_out entries of W) whose products the fast path computes in Java
     * loops rather than with ND4J's sgemm: system property {@code initsweep.javaMaxParams}, default
     * 64. Java loops win only where ND4J's per-call overhead (≈ 10 µs) exceeds the arithmetic.
     */
    public static int javaMaxParams() {
        return Integer.getInteger("initsweep.javaMaxParams", 64);
    }

    /**
     * Largest layer (fan_in × fan_out) whose products {@link Kernel#AUTO} computes with
     * {@link VectorGemm}: system property {@code initsweep.vectorMaxParams}, default 65,536
     * (256 × 256). Beyond it OpenBLAS's cache-blocked sgemm is faster (whole training runs on Zen 4,
     * batch 256, depth 9, 512-bit vectors: the kernel is 27% faster than sgemm at width 128, 9% at
     * 256, 13% slower at 512). The same bound for 256-bit vectors (up to ≈ 15% slower than sgemm at
     * width 256 there) keeps layers in the one kernel whose bits do not depend on the machine, so
     * AVX2 and AVX-512 executors of one sweep agree.
     */
    public static int vectorMaxParams() {
        return Integer.getInteger("initsweep.vectorMaxParams", DEFAULT_VECTOR_MAX_PARAMS);
    }

    /** {@link #vectorMaxParams()} without the system property: 256 × 256. */
    public static final int DEFAULT_VECTOR_MAX_PARAMS = 256 * 256;

    /**
     * Whether {@link Kernel#AUTO} can use the Vector API kernel in this JVM (the
     * {@code jdk.incubator.vector} module is loaded and the CPU has ≥ 256-bit vectors).
     */
    public static boolean vectorKernelAvailable() {
        return FloatKernels.VECTOR_GEMM;
    }

    /** How one layer's three matrix products run on the fast path. */
    private enum Product {
        /** Plain Java loops ({@link FloatKernels}), for layers of a few dozen weights. */
        LOOPS,
        /** Register-tiled Vector API kernel ({@link VectorGemm}). */
        VECTOR,
        /** OpenBLAS's {@code cblas_sgemm} on native buffers. */
        SGEMM
    }

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
        this(inputDim, depth, width, phi, dataType, Kernel.fromSystemProperty());
    }

    /**
     * As {@link #Mlp(int, int, int, Activation, DataType)} with an explicit kernel.
     *
     * @param kernel {@link Kernel#AUTO} (fast float32 path) or {@link Kernel#ND4J}
     */
    public Mlp(int inputDim, int depth, int width, Activation phi, DataType dataType, Kernel kernel) {
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
        this.fast = kernel != Kernel.ND4J && dataType == DataType.FLOAT;
        this.vectorKernel = fast && kernel == Kernel.AUTO && FloatKernels.VECTOR_GEMM;
        this.product = new Product[depth + 2];
        this.wf = new float[depth + 2][];
        this.wtf = new float[depth + 2][];
        this.bf = new float[depth + 2][];
        this.shared = new boolean[depth + 2];
        if (fast) {
            long loopsMax = javaMaxParams();
            long vectorMax = vectorMaxParams();
            int largest = 0;
            for (int l = 1; l <= depth + 1; l++) {
                long params = (long) units[l - 1] * units[l];
                product[l] = vectorKernel && params <= vectorMax ? Product.VECTOR
                        : params <= loopsMax ? Product.LOOPS : Product.SGEMM;
                if (product[l] == Product.SGEMM && params <= SGD_COPY_MAX) {
                    largest = Math.max(largest, units[l - 1] * units[l]);
                }
                bf[l] = new float[units[l]];
                if (product[l] != Product.SGEMM) {
                    wf[l] = new float[units[l - 1] * units[l]];
                    wtf[l] = l > 1 ? new float[units[l - 1] * units[l]] : null; // Wᵀ only feeds dA[l-1]
                }
            }
            sgdW = new float[largest];
            sgdDw = new float[largest];
        } else {
            sgdW = null;
            sgdDw = null;
        }
    }

    /** Whether this network runs the float32 fast path (see {@link Kernel}). */
    public boolean fastPath() {
        return fast;
    }

    /**
     * What computes this network's matrix products, for provenance: {@code "nd4j"}, or on the fast
     * path the kernels its layers use, e.g. {@code "vector512"}, {@code "vector512+sgemm"},
     * {@code "loops+sgemm"}.
     */
    public String kernelName() {
        if (!fast) {
            return "nd4j";
        }
        java.util.TreeSet<String> used = new java.util.TreeSet<>();
        for (int l = 1; l <= depth + 1; l++) {
            used.add(switch (product[l]) {
                case LOOPS -> "loops";
                case VECTOR -> "vector" + VectorGemm.vectorBits();
                case SGEMM -> "sgemm";
            });
        }
        return String.join("+", used);
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

    /**
     * W[l], shape {@code [n^[l-1], n^[l]]}, l = 1..L+1: the live array, read by every later forward
     * pass and updated by every SGD step, until the next {@link #initialize} (which leaves arrays
     * handed out before it behind; ask again). Writes to it take effect at the next forward pass.
     * To set all parameters, {@link #initialize} is faster: on the float32 fast path the network
     * then keeps its parameters in Java arrays only, without copying them to these arrays and back.
     */
    public INDArray weight(int l) {
        share(l);
        return w[l];
    }

    /** b[l], shape {@code [1, n^[l]]}, l = 1..L+1; live as {@link #weight}. */
    public INDArray bias(int l) {
        share(l);
        return b[l];
    }

    /**
     * Writes every weight and bias: {@code filler} is called once per layer l = 1..L+1, in order,
     * with arrays to fill — W[l] row-major {@code [n^[l-1], n^[l]]} in {@code w[0 .. n^[l-1]·n^[l])}
     * and b[l] in {@code b[0 .. n^[l])}. Values are float32 on every path (a float64 network holds
     * them widened). Arrays returned earlier by {@link #weight}/{@link #bias} stop following the
     * network.
     *
     * @param filler writes the values, e.g. from {@link org.initsweep.core.init.WeightInitializer}
     */
    public void initialize(ParameterFiller filler) {
        for (int l = 1; l <= depth + 1; l++) {
            int k = units[l - 1];
            int n = units[l];
            boolean weightsInJava = fast && product[l] != Product.SGEMM;
            float[] wv = weightsInJava ? wf[l] : new float[k * n];
            float[] bv = fast ? bf[l] : new float[n];
            filler.fill(l, k, n, wv, bv);
            if (!weightsInJava) {
                write(wv, w[l]);
            }
            if (!fast) {
                write(bv, b[l]);
            }
            shared[l] = false;
        }
    }

    /** Writes one layer's parameters during {@link #initialize}. */
    @FunctionalInterface
    public interface ParameterFiller {
        /**
         * @param l      layer 1..L+1
         * @param fanIn  n^[l-1]
         * @param fanOut n^[l]
         * @param w      receives W[l], row-major {@code [fanIn, fanOut]} (length ≥ fanIn·fanOut)
         * @param b      receives b[l] (length ≥ fanOut)
         */
        void fill(int l, int fanIn, int fanOut, float[] w, float[] b);
    }

    /**
     * {mean, population variance} of the entries of W[l], as {@link FastMoments#of(INDArray)} gives
     * for {@link #weight}(l), without handing the array out.
     */
    public double[] weightMoments(int l) {
        return fast && product[l] != Product.SGEMM ? FastMoments.of(wf[l], units[l - 1] * units[l])
                : FastMoments.of(w[l]);
    }

    /** Fast path: brings a layer's arrays up to date and marks them held by a caller. */
    private void share(int l) {
        if (fast && !shared[l]) {
            pushParameters(l);
            shared[l] = true;
        }
    }

    private void pushParameters(int l) {
        if (product[l] != Product.SGEMM) {
            FloatKernels.push(wf[l], w[l], units[l - 1] * units[l]);
        }
        FloatKernels.push(bf[l], b[l], units[l]);
    }

    private void pullParameters(int l) {
        if (product[l] != Product.SGEMM) {
            FloatKernels.pull(w[l], wf[l], units[l - 1] * units[l]);
        }
        FloatKernels.pull(b[l], bf[l], units[l]);
    }

    /** float32 values into an array of the network's type (same shape, c order, not a view). */
    private static void write(float[] v, INDArray x) {
        if (x.dataType() == DataType.FLOAT) {
            FloatKernels.push(v, x, v.length);
        } else {
            x.assign(Nd4j.createFromArray(v).reshape(x.shape()).castTo(x.dataType()));
        }
    }

    /** The per-layer buffers of a {@link Pass}, as {@link Pass#moments} and {@link Pass#toDoubles} name them. */
    public enum Buffer {
        /** Pre-activations Z[l] {@code [batch, n^[l]]}. */
        Z,
        /** Activations A[l] {@code [batch, n^[l]]}. */
        A,
        /** ∂J/∂Z[l] {@code [batch, n^[l]]}. */
        DZ,
        /** ∂J/∂A[l] {@code [batch, n^[l]]}, hidden layers. */
        DA,
        /** ∂J/∂W[l] {@code [n^[l-1], n^[l]]}. */
        DW,
        /** ∂J/∂b[l] {@code [1, n^[l]]}. */
        DB
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
        if (fast) {
            forwardFast(p, x);
            return;
        }
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
        if (fast) {
            backwardFast(p, y);
            return;
        }
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

    /**
     * Plain SGD: W −= lr·dW, b −= lr·db, applied to the parameters the last forward pass used.
     * Overwrites the gradients.
     */
    public void sgdStep(Pass p, double learningRate) {
        if (fast) {
            sgdFast(p, learningRate);
            return;
        }
        for (int l = 1; l <= depth + 1; l++) {
            w[l].subi(p.dw[l].muli(learningRate));
            b[l].subi(p.db[l].muli(learningRate));
        }
    }

    // ------------------------------------------------------------------ float32 fast path
    //
    // Same equations and operation order per entry as the ND4J path: Z = A·W then + b, A = φ(Z);
    // dZ_out = (A_out − Y)/B; dW = Aᵀ·dZ; db = Σ_rows dZ; dA = dZ·Wᵀ; dZ = dA ∘ φ'(·) written exactly
    // as the ND4J path writes it; W −= (dW ← dW·lr). Values live in the Pass's float[]s; its
    // INDArrays are filled when read through the accessors (or used as sgemm operands).

    private void forwardFast(Pass p, INDArray x) {
        p.a[0] = x;
        p.zKept = p.keep;
        int batch = p.batch;
        FloatKernels.pull(x, p.af[0], batch * units[0]);
        for (int l = 1; l <= depth + 1; l++) {
            int k = units[l - 1];
            int n = units[l];
            if (shared[l]) {
                pullParameters(l);
            }
            float[] z = p.zTarget(l);
            if (product[l] != Product.SGEMM) {
                if (product[l] == Product.VECTOR) {
                    // Bias and φ (but σ, computed in double) applied per block inside the product.
                    VectorGemm.mul(p.af[l - 1], k, 1, wf[l], z, batch, n, k, p.forwardEpilogue[l]);
                } else {
                    FloatKernels.mulNN(p.af[l - 1], wf[l], z, batch, k, n);
                }
            } else {
                FloatKernels.push(p.af[l - 1], p.gemmIn(l - 1), batch * k);
                FloatKernels.sgemm(false, false, batch, n, k, p.gemmIn(l - 1), w[l], p.array(Buffer.Z, l));
                FloatKernels.pull(p.array(Buffer.Z, l), z, batch * n);
            }
            boolean fused = product[l] == Product.VECTOR && p.forwardEpilogue[l] != null;
            if (!fused) {
                FloatKernels.addRow(z, bf[l], batch, n);
            }
            float[] a = p.af[l];
            int len = batch * n;
            if (l == depth + 1) {
                for (int i = 0; i < len; i++) {
                    a[i] = FloatKernels.sigmoid(z[i]);
                }
                continue;
            }
            if (fused && phi.kind() != Activation.Kind.SIGMOID) {
                continue;
            }
            switch (phi.kind()) {
                case TANH -> FloatKernels.tanh(z, a, len, vectorKernel);
                case RELU -> {
                    for (int i = 0; i < len; i++) {
                        a[i] = Math.max(z[i], 0f);
                    }
                }
                case LEAKY_RELU -> {
                    float slope = (float) phi.slope();
                    for (int i = 0; i < len; i++) {
                        float v = z[i];
                        a[i] = v < 0f ? slope * v : v;
                    }
                }
                case SIGMOID -> {
                    for (int i = 0; i < len; i++) {
                        a[i] = FloatKernels.sigmoid(z[i]);
                    }
                }
                case LINEAR -> { } // a is z (same array)
            }
        }
    }

    private void backwardFast(Pass p, INDArray y) {
        int batch = p.batch;
        p.daKept = p.keep;
        int out = depth + 1;
        FloatKernels.pull(y, p.yf, batch);
        float[] aOut = p.af[out];
        float[] dzOut = p.dzf[out];
        float bb = batch;
        for (int i = 0; i < batch; i++) {
            dzOut[i] = (aOut[i] - p.yf[i]) / bb;
        }
        boolean dbDone = false; // db[l] already summed by the epilogue of layer l+1's dA product
        for (int l = out; l >= 1; l--) {
            int k = units[l - 1];
            int n = units[l];
            if (product[l] == Product.VECTOR) {
                VectorGemm.mul(p.af[l - 1], 1, k, p.dzf[l], p.dwf[l], k, n, batch);
            } else if (product[l] == Product.LOOPS) {
                FloatKernels.mulTN(p.af[l - 1], p.dzf[l], p.dwf[l], batch, k, n);
            } else {
                FloatKernels.push(p.dzf[l], p.array(Buffer.DZ, l), batch * n);
                FloatKernels.sgemm(true, false, k, n, batch, p.gemmIn(l - 1), p.array(Buffer.DZ, l), p.array(Buffer.DW, l));
            }
            if (!dbDone) {
                FloatKernels.colSum(p.dzf[l], p.dbf[l], batch, n);
            }
            dbDone = false;
            if (l > 1) {
                if (product[l] != Product.SGEMM) {
                    FloatKernels.transpose(wf[l], wtf[l], k, n);
                }
                float[] da = p.daTarget(l - 1);
                if (product[l] == Product.VECTOR && p.backwardEpilogue[l] != null) {
                    // dZ[l-1] = dA[l-1] ∘ φ' and db[l-1] computed per block inside the product.
                    VectorGemm.mul(p.dzf[l], n, 1, wtf[l], da, batch, k, n, p.backwardEpilogue[l]);
                    dbDone = true;
                    continue;
                } else if (product[l] == Product.VECTOR) {
                    VectorGemm.mul(p.dzf[l], n, 1, wtf[l], da, batch, k, n);
                } else if (product[l] == Product.LOOPS) {
                    FloatKernels.mulNT(p.dzf[l], wtf[l], da, batch, k, n);
                } else {
                    FloatKernels.sgemm(false, true, batch, k, n, p.array(Buffer.DZ, l), w[l], p.array(Buffer.DA, l - 1));
                    FloatKernels.pull(p.array(Buffer.DA, l - 1), da, batch * k);
                }
                activationBackwardFast(p, l - 1);
            }
        }
    }

    private void activationBackwardFast(Pass p, int l) {
        float[] da = p.daTarget(l);
        float[] dz = p.dzf[l];
        float[] a = p.af[l];
        float[] z = p.zTarget(l);
        int len = p.batch * units[l];
        switch (phi.kind()) {
            case LINEAR -> { } // dz is da (same array)
            case TANH -> {
                for (int i = 0; i < len; i++) {
                    dz[i] = (1f - a[i] * a[i]) * da[i];
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < len; i++) {
                    dz[i] = (1f - a[i]) * a[i] * da[i];
                }
            }
            case RELU, LEAKY_RELU -> {
                float slope = phi.kind() == Activation.Kind.RELU ? 0f : (float) phi.slope();
                for (int i = 0; i < len; i++) {
                    dz[i] = z[i] > 0f ? da[i] : da[i] * slope;
                }
            }
        }
    }

    private void sgdFast(Pass p, double learningRate) {
        float lr = (float) learningRate;
        for (int l = 1; l <= depth + 1; l++) {
            int n = units[l];
            if (product[l] != Product.SGEMM) {
                FloatKernels.sgd(wf[l], p.dwf[l], lr, units[l - 1] * n);
            } else if ((long) units[l - 1] * n > SGD_COPY_MAX) {
                // Large layers: two in-place ND4J ops (same float arithmetic) beat four copies.
                w[l].subi(p.array(Buffer.DW, l).muli(learningRate));
            } else {
                int len = units[l - 1] * n;
                FloatKernels.pull(w[l], sgdW, len);
                FloatKernels.pull(p.array(Buffer.DW, l), sgdDw, len);
                FloatKernels.sgd(sgdW, sgdDw, lr, len);
                FloatKernels.push(sgdW, w[l], len);
                FloatKernels.push(sgdDw, p.array(Buffer.DW, l), len);
            }
            FloatKernels.sgd(bf[l], p.dbf[l], lr, n);
            if (shared[l]) {
                pushParameters(l);
            }
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
            case RELU, LEAKY_RELU -> {
                // φ'(0) is the left derivative (0, or the slope), as Activation.derivative and the fast
                // path take it; ND4J's LeakyReLUBp passes the whole gradient at z = 0, where a dead
                // layer's z sits exactly. factor = [z > 0] + (1 − [z > 0])·slope, exact in both cases.
                INDArray pos = p.z[l].gt(0).castTo(dataType);
                INDArray factor = phi.kind() == Activation.Kind.RELU ? pos : pos.rsub(1.0).muli(phi.slope()).addi(pos);
                dz.assign(da).muli(factor);
            }
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
        // Fast path: the values themselves (the INDArrays above are filled from these on read).
        // With keepAll(false), Z and dA of the layers nothing later reads them in go to the scratch
        // arrays instead of zf[l] and daf[l] (see zTarget, daTarget).
        private final float[][] zf;
        private final float[][] af;
        private final float[][] dzf;
        private final float[][] daf;
        private final float[] zScratch;
        private final float[] daScratch;
        private boolean keep = true;
        /** Whether the last forward (backward) pass kept every layer's Z (dA). */
        private boolean zKept = true;
        private boolean daKept = true;
        private final float[][] dwf;
        private final float[][] dbf;
        private final float[] yf;
        // Fast path, VectorGemm layers at least a vector wide: the elementwise work fused into them.
        private final Epilogue[] forwardEpilogue;
        private final Epilogue[] backwardEpilogue;
        // Fast path: a copy of the input for an sgemm first layer (the caller's x may be a view).
        private INDArray in0;

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
            if (fast) {
                // The INDArrays are created on first use (sgemm operands, readers): ≈ 6 native
                // allocations per layer that most runs never touch.
                zf = new float[n][];
                af = new float[n][];
                dzf = new float[n][];
                daf = new float[n][];
                zScratch = zShareable(1) ? new float[batch * units[1]] : null;
                daScratch = daShareable(1) ? new float[batch * units[1]] : null;
                dwf = new float[n][];
                dbf = new float[n][];
                yf = new float[batch];
                af[0] = new float[batch * units[0]];
                for (int l = 1; l <= depth + 1; l++) {
                    boolean hidden = l <= depth;
                    int len = batch * units[l];
                    zf[l] = new float[len];
                    af[l] = hidden && linear ? zf[l] : new float[len];
                    daf[l] = new float[len];
                    dzf[l] = hidden && linear ? daf[l] : new float[len];
                    dwf[l] = new float[units[l - 1] * units[l]];
                    dbf[l] = new float[units[l]];
                }
                forwardEpilogue = new Epilogue[n];
                backwardEpilogue = new Epilogue[n];
                // Fused only where C has at least a vector of columns: narrower layers would run the
                // elementwise work entry by entry in the scalar tail, slower than one vectorized loop.
                for (int l = 1; l <= depth + 1; l++) {
                    if (product[l] == Product.VECTOR) {
                        int lanes = VectorGemm.lanes();
                        if (units[l] >= lanes) {
                            forwardEpilogue[l] = Epilogue.forward(l <= depth ? phi : null, bf[l], af[l]);
                        }
                        if (l > 1 && units[l - 1] >= lanes) {
                            backwardEpilogue[l] = Epilogue.backward(phi, af[l - 1], zf[l - 1], dzf[l - 1], dbf[l - 1]);
                        }
                    }
                }
            } else {
                forwardEpilogue = null;
                backwardEpilogue = null;
                zScratch = null;
                daScratch = null;
                zf = null;
                af = null;
                dzf = null;
                daf = null;
                dwf = null;
                dbf = null;
                yf = null;
                for (int l = 1; l <= depth + 1; l++) {
                    for (Buffer which : Buffer.values()) {
                        array(which, l);
                    }
                }
            }
        }

        /**
         * Whether the next forward and backward passes keep every layer's Z and dA (the default) or,
         * with {@code false}, only what training reads later: the hidden Z of tanh and sigmoid layers
         * (their backward pass reads A) and every hidden dA (turned into dZ at once) then go to one
         * scratch array shared by all layers. A, dZ, ∂W, ∂b and the output layer's Z are the same
         * bits either way; reading a buffer that was not kept ({@link #z}, {@link #da},
         * {@link #moments}, {@link #toDoubles}) throws {@link IllegalStateException}. Deep networks
         * train 5–10% faster without (width 64, depth 50: 3 MB less written and read per epoch). The
         * float64/ND4J path keeps everything regardless.
         *
         * @param keep whether to keep every layer's Z and dA
         */
        public void keepAll(boolean keep) {
            this.keep = keep;
        }

        /** Fast path: where the next pass writes Z[l] — its own array, or the shared scratch. */
        private float[] zTarget(int l) {
            return keep || !zShareable(l) ? zf[l] : zScratch;
        }

        /** Fast path: where the next backward pass writes dA[l] — its own array, or the shared scratch. */
        private float[] daTarget(int l) {
            return keep || !daShareable(l) ? daf[l] : daScratch;
        }

        private boolean zShareable(int l) {
            return l <= depth && (phi.kind() == Activation.Kind.TANH || phi.kind() == Activation.Kind.SIGMOID);
        }

        private boolean daShareable(int l) {
            return l <= depth && phi.kind() != Activation.Kind.LINEAR;
        }

        /**
         * The INDArray of a buffer of layer l ≥ 1, created on first use; a linear network's hidden
         * A[l] is its Z[l] and its dZ[l] its dA[l].
         */
        private INDArray array(Buffer which, int l) {
            INDArray[] arrays = switch (which) {
                case Z -> z;
                case A -> a;
                case DZ -> dz;
                case DA -> da;
                case DW -> dw;
                case DB -> db;
            };
            if (arrays[l] == null) {
                boolean linearHidden = l <= depth && phi.kind() == Activation.Kind.LINEAR;
                arrays[l] = switch (which) {
                    case A -> linearHidden ? array(Buffer.Z, l) : Nd4j.create(dataType, batch, units[l]);
                    case DZ -> linearHidden ? array(Buffer.DA, l) : Nd4j.create(dataType, batch, units[l]);
                    case DW -> Nd4j.create(dataType, units[l - 1], units[l]);
                    case DB -> Nd4j.create(dataType, 1, units[l]);
                    default -> Nd4j.create(dataType, batch, units[l]);
                };
            }
            return arrays[l];
        }

        /** Fast path: the native array holding A[l] as an sgemm operand. */
        private INDArray gemmIn(int l) {
            if (l > 0) {
                return array(Buffer.A, l);
            }
            if (in0 == null) {
                in0 = Nd4j.create(dataType, batch, units[0]);
            }
            return in0;
        }

        /** Whether a buffer's values live in its INDArray (the ND4J path, sgemm layers' ∂W), not a float[]. */
        private boolean inArray(Buffer which, int l) {
            return !fast || (which == Buffer.DW && product[l] == Product.SGEMM);
        }

        /** A buffer's INDArray for a reader; on the fast path first filled from the values. */
        private INDArray read(Buffer which, int l) {
            if (l == 0) {
                return a[0];
            }
            INDArray x = array(which, l);
            if (!inArray(which, l)) {
                FloatKernels.push(values(which, l), x, length(which, l));
            }
            return x;
        }

        /**
         * {mean, population variance} of one buffer of layer l (1..L+1) after the last pass, by
         * {@link FastMoments}: on the fast path straight from the values, without filling the
         * INDArray that {@link #z}, {@link #a}, {@link #da} or {@link #dw} would return.
         *
         * @param which the buffer; DA for hidden layers only, as {@link #da}
         */
        public double[] moments(Buffer which, int l) {
            return inArray(which, l) ? FastMoments.of(read(which, l))
                    : FastMoments.of(values(which, l), length(which, l));
        }

        /**
         * The entries of one buffer of layer l (1..L+1) after the last pass, row-major, as doubles;
         * on the fast path read straight from the values (what {@code z(l).toDoubleVector()} gives,
         * without the INDArray).
         */
        public double[] toDoubles(Buffer which, int l) {
            if (inArray(which, l)) {
                INDArray x = read(which, l);
                return x.reshape(x.length()).toDoubleVector();
            }
            float[] v = values(which, l);
            double[] out = new double[length(which, l)];
            for (int i = 0; i < out.length; i++) {
                out[i] = v[i];
            }
            return out;
        }

        /** Fast path: the value array of a buffer; throws if the last pass did not keep it. */
        private float[] values(Buffer which, int l) {
            if ((which == Buffer.Z && !zKept && zShareable(l)) || (which == Buffer.DA && !daKept && daShareable(l))) {
                throw new IllegalStateException((which == Buffer.Z ? "Z[" : "dA[") + l + "] was not kept by the last "
                        + (which == Buffer.Z ? "forward" : "backward") + " pass (Pass.keepAll(false))");
            }
            return switch (which) {
                case Z -> zf[l];
                case A -> af[l];
                case DZ -> dzf[l];
                case DA -> daf[l];
                case DW -> dwf[l];
                case DB -> dbf[l];
            };
        }

        /** Entries of a buffer of layer l. */
        private int length(Buffer which, int l) {
            return switch (which) {
                case DW -> units[l - 1] * units[l];
                case DB -> units[l];
                default -> batch * units[l];
            };
        }

        /** Rows per batch. */
        public int batch() {
            return batch;
        }

        /** Z[l] {@code [batch, n^[l]]}. */
        public INDArray z(int l) {
            return read(Buffer.Z, l);
        }

        /** A[l] {@code [batch, n^[l]]}; A[0] is the last input. */
        public INDArray a(int l) {
            return read(Buffer.A, l);
        }

        /** ∂J/∂Z[l] {@code [batch, n^[l]]}. */
        public INDArray dz(int l) {
            return read(Buffer.DZ, l);
        }

        /**
         * ∂J/∂A[l] {@code [batch, n^[l]]} for hidden layers l = 1..L. The output layer's is not
         * materialized (σ and the cross-entropy are differentiated together); see
         * {@link org.initsweep.core.trace.TraceRecorder}.
         */
        public INDArray da(int l) {
            return read(Buffer.DA, l);
        }

        /** ∂J/∂W[l] {@code [n^[l-1], n^[l]]}. */
        public INDArray dw(int l) {
            return read(Buffer.DW, l);
        }

        /** ∂J/∂b[l] {@code [1, n^[l]]}. */
        public INDArray db(int l) {
            return read(Buffer.DB, l);
        }
    }
}
