package org.initsweep.core.train;

import org.initsweep.core.nn.Architecture;
import org.initsweep.core.nn.Kernel;
import org.initsweep.core.nn.Network;
import org.initsweep.core.nn.Networks;

/**
 * Hands consecutive runs of one shape on one thread the same {@link Network} and full-batch
 * {@link Network.Pass}, instead of allocating ND4J arrays and MBs of buffers per run (≈ 0.4 ms, a fifth
 * of a width-16 run; ≈ 2 ms, 5%, of a width-64 depth-50 run, which zeroes 16 MB). A sweep's runs come
 * in such streaks: seeds, multipliers, init schemes and learning rates share a shape.
 *
 * <p>Safe because nothing of a run survives into the next: {@link Network#initialize} overwrites every
 * weight and bias, the trainer writes the pass's input and labels, every forward and backward pass
 * overwrites every buffer it later reads, and an optimizer's state belongs to its run's
 * {@link org.initsweep.core.optim.Optimizer.Stepper} ({@code NetCacheTest} trains a run, then a
 * diverging run of the same shape, then the first again, and gets the same bits). Networks above
 * {@link #MAX_BYTES} are not kept, so an executor's pooled threads hold at most that much each
 * between tasks.
 */
final class NetCache {

    /**
     * Largest network (parameters and full-batch buffers, estimated) kept between runs: 64 MiB, so
     * every shape of {@code conf/default.json} (up to depth 50, width 128, batch 256: ≈ 59 MB) is
     * kept; a wider network's training takes long enough for its allocation not to matter.
     */
    static final long MAX_BYTES = 64L << 20;

    /**
     * A network, its pass of {@code batch} rows, and the other passes a run asked for (mini-batches,
     * evaluation chunks), kept with it.
     */
    record Entry(Network net, Network.Pass pass, java.util.Map<String, Network.Pass> others) {
        /**
         * A pass of {@code batch} rows for one purpose ({@code role}), made on first use and kept: the
         * pass of one role is never used for another while a run holds it.
         */
        Network.Pass pass(String role, int batch) {
            return others.computeIfAbsent(role + ":" + batch, k -> net.newPass(batch));
        }
    }

    /** Everything that decides the shape and the kernels of a network and its pass. */
    private record Key(Architecture arch, boolean float64, Kernel kernel, int javaMaxParams, int vectorMaxParams,
            int batch) {
    }

    private record Cached(Key key, Entry entry) {
    }

    private static final ThreadLocal<Cached> LAST = new ThreadLocal<>();

    private NetCache() {
    }

    /**
     * A network of this shape with a pass of {@code batch} rows: this thread's previous one if it has
     * the same shape and kernel settings (its parameters and buffers hold the previous run's values;
     * the caller must initialize every parameter and write the pass's input), else a new one.
     *
     * @throws IllegalArgumentException as {@link Networks#create} and {@link Network#newPass(int)}
     */
    static Entry acquire(Architecture arch, boolean float64, int batch) {
        Key key = new Key(arch, float64, Kernel.fromSystemProperty(), Kernel.javaMaxParams(), Kernel.vectorMaxParams(),
                batch);
        Cached last = LAST.get();
        if (last != null && last.key().equals(key)) {
            return last.entry();
        }
        Network net = Networks.create(arch, float64, key.kernel());
        Entry entry = new Entry(net, net.newPass(batch), new java.util.HashMap<>());
        if (estimatedBytes(arch, float64, batch) <= MAX_BYTES) {
            LAST.set(new Cached(key, entry));
        } else {
            LAST.remove();
        }
        return entry;
    }

    /**
     * Bytes a network and its pass hold, roughly: four copies of the parameters (weights, their
     * transpose, gradients, an optimizer's or sgemm's copy) and seven of the activations (z, a, ∂z, ∂a
     * as floats and, where read, as native arrays).
     */
    static long estimatedBytes(Architecture arch, boolean float64, int batch) {
        long params = arch.weights();
        long units = 0;
        for (int l = 1; l <= arch.layers(); l++) {
            units += arch.units(l);
        }
        return (long) (float64 ? 8 : 4) * (4 * params + 7 * (long) batch * units);
    }
}
