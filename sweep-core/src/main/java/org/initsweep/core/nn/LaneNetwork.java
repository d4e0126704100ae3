package org.initsweep.core.nn;

import java.util.ArrayList;
import java.util.List;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.optim.ParameterBlock;

/**
 * Up to {@link #lanes()} float32 networks of one {@link Architecture} trained side by side, one per
 * vector lane: every weight, bias and activation entry is stored as {@code lanes} consecutive floats,
 * entry e of run r at {@code e·lanes + r}. W[l] is {@code [fan_in, fan_out]} such entries, b[l]
 * {@code [fan_out]}, and a pass's Z[l], A[l], dZ[l], dA[l] are {@code [batch, n^[l]]}. Each run has its
 * own input rows and labels, so runs of different seeds (different data) share a network.
 *
 * <p>Why: a sweep's small networks (widths 2–16) fill a quarter of a vector or less when trained one at
 * a time; in lanes every instruction does 8 or 16 runs' work. The products run in {@link LaneGemm}; bias,
 * φ and φ' run in {@link VectorGemm}'s epilogues and φ's own loops over the interleaved arrays, which
 * are elementwise, so the lane layout does not change them.
 *
 * <p>Bit-identical to {@link FloatNetwork}: each entry of Z, A, dZ, dA, dW and db is computed by the same
 * float32 operations in the same order as there (the ordered FMA chains of {@link VectorGemm}, bias
 * added after the chain, φ by the same formula, db summed over rows in order), so a run's values never
 * depend on its lane or on the other runs. The output head is applied per run by the caller
 * ({@link Pass#output}, {@link Pass#outputDelta}) with the head's own code. Requires the Vector API
 * ({@link #available()}).
 */
public final class LaneNetwork {

    private final Architecture arch;
    private final int layers;
    private final int depth;
    private final Activation phi;
    private final float[][] w;
    private final float[][] dw;
    private final float[][] b;
    private final float[][] db;
    private final List<ParameterBlock> blocks;

    /**
     * @throws IllegalStateException if the Vector API kernel is not available
     */
    public LaneNetwork(Architecture arch) {
        if (!available()) {
            throw new IllegalStateException("the lane engine needs the Vector API with 256-bit vectors or wider");
        }
        this.arch = arch;
        this.layers = arch.layers();
        this.depth = arch.depth();
        this.phi = arch.activation();
        int lanes = lanes();
        w = new float[layers + 1][];
        dw = new float[layers + 1][];
        b = new float[layers + 1][];
        db = new float[layers + 1][];
        List<ParameterBlock> list = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            int len = arch.units(l - 1) * arch.units(l) * lanes;
            w[l] = new float[len];
            dw[l] = new float[len];
            b[l] = new float[arch.units(l) * lanes];
            db[l] = new float[arch.units(l) * lanes];
            list.add(new ParameterBlock.FloatArrays(w[l], dw[l], len));
            list.add(new ParameterBlock.FloatArrays(b[l], db[l], b[l].length));
        }
        blocks = List.copyOf(list);
    }

    /** Whether this JVM can run lanes: the Vector API kernel is on ({@link Kernel#AUTO}) and usable. */
    public static boolean available() {
        return Kernel.fromSystemProperty() == Kernel.AUTO && FloatKernels.VECTOR_GEMM;
    }

    /** Runs per network: the vector lanes of 32-bit floats (16 with AVX-512, 8 with AVX2). */
    public static int lanes() {
        return LaneGemm.lanes();
    }

    /** The shape every run shares. */
    public Architecture architecture() {
        return arch;
    }

    /** For provenance, e.g. {@code "lanes512"}. */
    public String kernelName() {
        return "lanes" + VectorGemm.vectorBits();
    }

    /**
     * Every weight and bias of one run: {@code filler} is called once per layer in order, with arrays W[l]
     * row-major {@code [fan_in, fan_out]} and b[l], exactly as {@link Network#initialize} calls it.
     */
    public void initialize(int lane, Network.ParameterFiller filler) {
        checkLane(lane);
        for (int l = 1; l <= layers; l++) {
            int k = arch.units(l - 1);
            int n = arch.units(l);
            float[] wl = new float[k * n];
            float[] bl = new float[n];
            filler.fill(l, k, n, wl, bl);
            scatter(wl, 0, w[l], lane, k * n);
            scatter(bl, 0, b[l], lane, n);
        }
    }

    /**
     * Writes one run's current weights and biases into {@code target} (same architecture), e.g. to trace it.
     *
     * @throws IllegalArgumentException if the lane is out of range or the architectures differ
     */
    public void copyTo(int lane, Network target) {
        checkLane(lane);
        if (!target.architecture().equals(arch)) {
            throw new IllegalArgumentException("architecture " + target.architecture() + " is not " + arch);
        }
        target.initialize((l, k, n, wl, bl) -> {
            gather(w[l], lane, wl, k * n);
            gather(b[l], lane, bl, n);
        });
    }

    /**
     * Makes {@code target} and {@code targetPass} hold run {@code lane}'s state after the last forward and
     * backward passes over {@code from}: its weights, dW and db, and every layer's Z, A, dZ and dA (the
     * output's A and dZ by the head, from {@code targetPass}'s labels, as {@link FloatNetwork} forms them).
     * Since a lane's values are {@link FloatNetwork}'s bits, this is what {@code target} would hold had it
     * run the passes itself, without running them: a trace of the copy is the run's trace.
     *
     * @param from       a pass that kept every buffer ({@link Pass#keepAll(boolean) keepAll(true)}) in its last
     *                   forward and backward
     * @param target     a {@link FloatNetwork} of this architecture whose products keep their weights in Java
     *                   arrays (layers in the Vector API kernel or loops)
     * @param targetPass a pass of {@code target} with {@code from}'s batch size, its input and labels set
     * @throws IllegalArgumentException if the shapes, batch sizes or kinds do not match, or {@code from} did not
     *                                  keep its buffers
     */
    public void copyTo(int lane, Pass from, Network target, Network.Pass targetPass) {
        if (!(target instanceof FloatNetwork) || !(targetPass instanceof FloatPass p) || p.batch() != from.batch
                || from.net != this || !from.keep) {
            throw new IllegalArgumentException("copyTo needs a FloatNetwork pass of " + from.batch
                    + " rows and a lane pass that kept its buffers");
        }
        copyTo(lane, target);
        List<ParameterBlock> blocks = target.parameters();
        for (int l = 1; l <= layers; l++) {
            if (!(blocks.get(2 * l - 2) instanceof ParameterBlock.FloatArrays wb)
                    || !(blocks.get(2 * l - 1) instanceof ParameterBlock.FloatArrays bb)) {
                throw new IllegalArgumentException("layer " + l + " of the target keeps its weights outside Java arrays");
            }
            gather(dw[l], lane, wb.gradient(), wb.length());
            gather(db[l], lane, bb.gradient(), bb.length());
        }
        for (int l = 1; l <= layers; l++) {
            int len = from.batch * arch.units(l);
            gather(from.zTarget(l), lane, p.z[l], len);
            if (l <= depth) {
                if (p.a[l] != p.z[l]) {
                    gather(from.a[l], lane, p.a[l], len);
                }
                gather(from.daTarget(l), lane, p.da[l], len);
                if (p.dz[l] != p.da[l]) {
                    gather(from.dz[l], lane, p.dz[l], len);
                }
            }
        }
        OutputHead head = arch.head();
        head.activate(p.z[layers], p.a[layers], p.batch());
        head.delta(p.a[layers], p.labels, p.dz[layers], p.batch());
        p.zKept = true;
        p.daKept = true;
    }

    private static void gather(float[] interleaved, int lane, float[] out, int len) {
        int lanes = lanes();
        for (int e = 0; e < len; e++) {
            out[e] = interleaved[e * lanes + lane];
        }
    }

    private static void scatter(float[] values, int from, float[] interleaved, int lane, int len) {
        int lanes = lanes();
        for (int e = 0; e < len; e++) {
            interleaved[e * lanes + lane] = values[from + e];
        }
    }

    /** Sets every weight and bias of every lane to 0 (lanes without a run then compute zeros). */
    public void clear() {
        for (int l = 1; l <= layers; l++) {
            java.util.Arrays.fill(w[l], 0f);
            java.util.Arrays.fill(b[l], 0f);
        }
    }

    /**
     * Weights and biases of all lanes with their gradients, per layer (W then b), for an optimizer: its
     * update is elementwise, so each run is stepped as if alone (the runs share its learning rate).
     */
    public List<ParameterBlock> parameters() {
        return blocks;
    }

    /** Buffers for {@code batch} rows per run. */
    public Pass newPass(int batch) {
        return new Pass(this, batch);
    }

    /**
     * Z[l] and A[l] for every layer; Z[L+1] is left for the head ({@link Pass#output}).
     */
    public void forward(Pass p) {
        int lanes = lanes();
        int batch = p.batch;
        for (int l = 1; l <= layers; l++) {
            int k = arch.units(l - 1);
            int n = arch.units(l);
            float[] z = p.zTarget(l);
            LaneGemm.mul(p.a[l - 1], k, 1, w[l], n, 1, z, batch, n, k);
            if (l > depth || phi.identity() || !Epilogue.appliesForward(phi)) {
                FloatKernels.addRow(z, b[l], batch, n * lanes);
                if (l <= depth && !phi.identity()) {
                    phi.forward(z, p.a[l], batch * n * lanes, true);
                }
            } else {
                VectorGemm.biasAndActivate(z, batch, n * lanes, Epilogue.forward(phi, b[l], p.a[l]));
            }
        }
    }

    /**
     * Every dW[l] and db[l] from dZ[L+1] (set per run by {@link Pass#outputDelta}) and the last forward
     * pass's Z and A.
     */
    public void backward(Pass p) {
        int lanes = lanes();
        int batch = p.batch;
        int out = layers;
        FloatKernels.colSum(p.dz[out], db[out], batch, arch.units(out) * lanes);
        for (int l = out; l >= 1; l--) {
            int k = arch.units(l - 1);
            int n = arch.units(l);
            LaneGemm.mul(p.a[l - 1], 1, k, p.dz[l], n, 1, dw[l], k, n, batch);
            if (l == 1) {
                break;
            }
            float[] da = p.daTarget(l - 1);
            LaneGemm.mul(p.dz[l], n, 1, w[l], 1, n, da, batch, k, n);
            int len = k * lanes;
            Epilogue e = Epilogue.backward(phi, p.a[l - 1], p.zTarget(l - 1), p.dz[l - 1], db[l - 1]);
            if (e != null) {
                VectorGemm.derivativeAndBiasGradient(da, batch, len, e);
            } else {
                if (!phi.identity()) {
                    phi.backward(da, p.zTarget(l - 1), p.a[l - 1], p.dz[l - 1], batch * len);
                }
                FloatKernels.colSum(p.dz[l - 1], db[l - 1], batch, len);
            }
        }
    }

    private static void checkLane(int lane) {
        if (lane < 0 || lane >= lanes()) {
            throw new IllegalArgumentException("lane " + lane + " not in [0, " + lanes() + ")");
        }
    }

    /**
     * A batch size's buffers. Hidden Z that φ' does not read and hidden dA (which becomes dZ at once)
     * share one scratch array each: the lane engine trains, and traces are taken from a run copied into a
     * {@link FloatNetwork} ({@link #copyTo}).
     */
    public static final class Pass {
        private final LaneNetwork net;
        private final int batch;
        private final float[][] z;
        private final float[][] a;
        private final float[][] dz;
        private final float[][] da;
        private final float[] zScratch;
        private final float[] daScratch;
        /** Own arrays for the Z and dA that share a scratch array unless kept. */
        private final float[][] zKept;
        private final float[][] daKept;
        private boolean keep;

        Pass(LaneNetwork net, int batch) {
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be ≥ 1, got " + batch);
            }
            this.net = net;
            this.batch = batch;
            Architecture arch = net.arch;
            int lanes = lanes();
            int layers = arch.layers();
            boolean identity = net.phi.identity();
            z = new float[layers + 1][];
            a = new float[layers + 1][];
            dz = new float[layers + 1][];
            da = new float[layers + 1][];
            a[0] = new float[batch * arch.units(0) * lanes];
            int widest = 0;
            for (int l = 1; l <= layers; l++) {
                int len = batch * arch.units(l) * lanes;
                boolean hidden = l <= arch.depth();
                if (hidden) {
                    widest = Math.max(widest, len);
                }
                z[l] = zShared(l) ? null : new float[len];
                a[l] = hidden && identity ? z[l] : hidden ? new float[len] : null;
                da[l] = hidden && identity ? new float[len] : null; // the output's dA is never formed
                dz[l] = hidden && identity ? da[l] : new float[len];
            }
            zScratch = new float[widest];
            daScratch = new float[widest];
            zKept = new float[layers + 1][];
            daKept = new float[layers + 1][];
        }

        /**
         * Whether the next passes keep every layer's Z and dA (for {@link LaneNetwork#copyTo(int, Pass, Network,
         * Network.Pass)}); otherwise those nothing reads later share one scratch array. Set before a forward
         * pass and unchanged until its backward pass.
         */
        public void keepAll(boolean keep) {
            this.keep = keep;
        }

        private boolean zShared(int l) {
            return l <= net.depth && !net.phi.identity() && net.phi.backwardReads() == Activation.Reads.A;
        }

        float[] zTarget(int l) {
            return target(z, zKept, zScratch, l);
        }

        float[] daTarget(int l) {
            return target(da, daKept, daScratch, l);
        }

        /** Layer l's own array, else the scratch array or, when keeping, a kept array made on first use. */
        private float[] target(float[][] own, float[][] kept, float[] scratch, int l) {
            if (own[l] != null) {
                return own[l];
            }
            if (!keep) {
                return scratch;
            }
            if (kept[l] == null) {
                kept[l] = new float[batch * net.arch.units(l) * lanes()];
            }
            return kept[l];
        }

        /** Rows per run. */
        public int batch() {
            return batch;
        }

        /**
         * Sets one run's input rows: {@code x} row-major {@code [rows, n^[0]]}, rows {@code from} to
         * {@code from + batch()} become this pass's rows.
         */
        public void input(int lane, float[] x, int from) {
            checkLane(lane);
            int dim = net.arch.units(0);
            scatter(x, from * dim, a[0], lane, batch * dim);
        }

        /** One run's Z[L+1] into {@code out}, row-major {@code [batch, n^[L+1]]}. */
        public void output(int lane, float[] out) {
            checkLane(lane);
            gather(z[net.layers], lane, out, batch * net.arch.units(net.layers));
        }

        /** Sets one run's dZ[L+1] (the head's delta), row-major {@code [batch, n^[L+1]]}. */
        public void outputDelta(int lane, float[] delta) {
            checkLane(lane);
            scatter(delta, 0, dz[net.layers], lane, batch * net.arch.units(net.layers));
        }
    }
}
