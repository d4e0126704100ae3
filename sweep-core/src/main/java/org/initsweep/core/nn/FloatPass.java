package org.initsweep.core.nn;

import org.initsweep.core.activation.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The buffers of one batch size for a {@link FloatNetwork}: float32 Java arrays per layer (Z, A, dZ,
 * dA), the fused epilogues that point into them, and native mirrors created on first use for layers
 * whose products run in sgemm. A linear network's hidden A[l] is its Z[l] and its dZ[l] its dA[l]
 * (the same arrays). With {@link #keepAll(boolean) keepAll(false)}, Z and dA of the layers whose
 * values nothing reads later go to one scratch array shared by all layers.
 */
final class FloatPass implements Network.Pass {

    private final FloatNetwork net;
    private final int batch;
    final float[][] z;
    final float[][] a;
    final float[][] dz;
    final float[][] da;
    private final float[] zScratch;
    private final float[] daScratch;
    final int[] labels;
    final Epilogue[] forwardEpilogue;
    final Epilogue[] backwardEpilogue;
    /** Bias and φ in vectors after an sgemm layer's product; null where the loops apply them. */
    final Epilogue[] elementwiseForward;
    private boolean keep = true;
    /** Whether the last forward (backward) pass kept every layer's Z (dA). */
    boolean zKept = true;
    boolean daKept = true;
    private final INDArray[][] natives;
    private INDArray in0;

    FloatPass(FloatNetwork net, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be ≥ 1, got " + batch);
        }
        this.net = net;
        this.batch = batch;
        int layers = net.layers();
        int depth = net.depth();
        Activation phi = net.activation();
        boolean identity = phi.identity();
        int n = layers + 1;
        z = new float[n][];
        a = new float[n][];
        dz = new float[n][];
        da = new float[n][];
        labels = new int[batch];
        a[0] = new float[batch * net.units(0)];
        int widest = 0;
        for (int l = 1; l <= layers; l++) {
            boolean hidden = l <= depth;
            int len = batch * net.units(l);
            z[l] = new float[len];
            a[l] = hidden && identity ? z[l] : new float[len];
            da[l] = new float[len];
            dz[l] = hidden && identity ? da[l] : new float[len];
            if (hidden) {
                widest = Math.max(widest, len);
            }
        }
        zScratch = zShareable(1) ? new float[widest] : null;
        daScratch = daShareable(1) ? new float[widest] : null;
        forwardEpilogue = new Epilogue[n];
        backwardEpilogue = new Epilogue[n];
        // Fused only where C has at least a vector of columns: narrower layers would run the elementwise
        // work entry by entry in the scalar tail, slower than one vectorized loop.
        elementwiseForward = new Epilogue[n];
        for (int l = 1; l <= layers; l++) {
            if (!net.product(l).fusesEpilogues() && l <= depth && net.vectorElementwise()
                    && !identity && Epilogue.appliesForward(phi) && net.units(l) >= VectorGemm.lanes()) {
                elementwiseForward[l] = Epilogue.forward(phi, net.bias(l), a[l]);
            }
            if (net.product(l).fusesEpilogues()) {
                int lanes = VectorGemm.lanes();
                if (net.units(l) >= lanes) {
                    forwardEpilogue[l] = Epilogue.forward(l <= depth ? phi : null, net.bias(l), a[l]);
                }
                if (l > 1 && net.units(l - 1) >= lanes) {
                    backwardEpilogue[l] = Epilogue.backward(phi, a[l - 1], z[l - 1], dz[l - 1], net.biasGradient(l - 1));
                }
            }
        }
        natives = new INDArray[Network.Buffer.values().length][n];
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public float[] input() {
        return a[0];
    }

    @Override
    public int[] labels() {
        return labels;
    }

    @Override
    public void inputChanged() {
        // The float32 engine reads input() and labels() directly.
    }

    @Override
    public void keepAll(boolean keep) {
        this.keep = keep;
    }

    boolean keep() {
        return keep;
    }

    /** Where the next forward pass writes Z[l]: its own array, or the shared scratch. */
    float[] zTarget(int l) {
        return keep || !zShareable(l) ? z[l] : zScratch;
    }

    /** Where the next backward pass writes dA[l]: its own array, or the shared scratch. */
    float[] daTarget(int l) {
        return keep || !daShareable(l) ? da[l] : daScratch;
    }

    /** Hidden Z that the backward pass does not read (it reads A). */
    private boolean zShareable(int l) {
        return l <= net.depth() && net.activation().backwardReads() == Activation.Reads.A;
    }

    /** Hidden dA that becomes dZ at once. */
    private boolean daShareable(int l) {
        return l <= net.depth() && !net.activation().identity();
    }

    /**
     * The native mirror of a buffer of layer l ≥ 1 for sgemm, created on first use; a linear network's
     * hidden A[l] is its Z[l] and its dZ[l] its dA[l].
     */
    INDArray nativeArray(Network.Buffer which, int l) {
        INDArray[] arrays = natives[which.ordinal()];
        if (arrays[l] == null) {
            boolean identityHidden = l <= net.depth() && net.activation().identity();
            arrays[l] = switch (which) {
                case A -> identityHidden ? nativeArray(Network.Buffer.Z, l) : Nd4j.create(DataType.FLOAT, batch, net.units(l));
                case DZ -> identityHidden ? nativeArray(Network.Buffer.DA, l) : Nd4j.create(DataType.FLOAT, batch, net.units(l));
                default -> Nd4j.create(DataType.FLOAT, batch, net.units(l));
            };
        }
        return arrays[l];
    }

    /** The native array holding A[l] as an sgemm operand (l = 0: a copy of the input). */
    INDArray gemmIn(int l) {
        if (l > 0) {
            return nativeArray(Network.Buffer.A, l);
        }
        if (in0 == null) {
            in0 = Nd4j.create(DataType.FLOAT, batch, net.units(0));
        }
        return in0;
    }

    @Override
    public double[] moments(Network.Buffer which, int l) {
        return FastMoments.of(values(which, l), length(l));
    }

    @Override
    public double[] toDoubles(Network.Buffer which, int l) {
        return toDoubles(which, l, null);
    }

    @Override
    public double[] toDoubles(Network.Buffer which, int l, double[] into) {
        float[] v = values(which, l);
        int n = length(l);
        double[] out = into != null && into.length >= n ? into : new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** The value array of a buffer; throws if the last pass did not keep it. */
    private float[] values(Network.Buffer which, int l) {
        if (l < 1 || l > net.layers()) {
            throw new IllegalArgumentException("layer " + l + " not in [1, " + net.layers() + "]");
        }
        if ((which == Network.Buffer.Z && !zKept && zShareable(l)) || (which == Network.Buffer.DA && !daKept && daShareable(l))) {
            throw new IllegalStateException((which == Network.Buffer.Z ? "Z[" : "dA[") + l + "] was not kept by the last "
                    + (which == Network.Buffer.Z ? "forward" : "backward") + " pass (Pass.keepAll(false))");
        }
        return switch (which) {
            case Z -> z[l];
            case A -> a[l];
            case DZ -> dz[l];
            case DA -> da[l];
        };
    }

    private int length(int l) {
        return batch * net.units(l);
    }
}
