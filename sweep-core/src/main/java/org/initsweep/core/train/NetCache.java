package org.initsweep.core.train;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.nn.Mlp;
import org.initsweep.core.spec.Preflight;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Hands consecutive runs of one shape on one thread the same {@link Mlp} and full-batch
 * {@link Mlp.Pass}, instead of allocating ND4J arrays and MBs of buffers per run (≈ 0.4 ms, a fifth
 * of a width-16 run; ≈ 2 ms, 5%, of a width-64 depth-50 run, which zeroes 16 MB). A sweep's runs come
 * in such streaks: seeds, multipliers, init schemes and learning rates share a shape.
 *
 * <p>Safe because nothing of a run survives into the next: {@link Mlp#initialize} overwrites every
 * weight and bias, and every forward and backward pass overwrites every buffer it
 * later reads ({@code NetCacheTest} trains a run, then a diverging run of the same shape, then the
 * first again, and gets the same bits). Networks above {@link #MAX_BYTES} are not kept, so an
 * executor's pooled threads hold at most that much each between tasks.
 */
final class NetCache {

    /**
     * Largest network (parameters and full-batch buffers, estimated) kept between runs: 64 MiB, so
     * every shape of {@code conf/default.json} (up to depth 50, width 128, batch 256: ≈ 59 MB) is
     * kept; a wider network's training takes long enough for its allocation not to matter.
     */
    static final long MAX_BYTES = 64L << 20;

    /** A network and its pass of {@code batch} rows. */
    record Entry(Mlp net, Mlp.Pass pass) {
    }

    /** Everything that decides the shape and the kernels of a network and its pass. */
    private record Key(int inputDim, int depth, int width, Activation phi, DataType dataType, Mlp.Kernel kernel,
            int javaMaxParams, int vectorMaxParams, int batch) {
    }

    private record Cached(Key key, Entry entry) {
    }

    private static final ThreadLocal<Cached> LAST = new ThreadLocal<>();

    private NetCache() {
    }

    /**
     * A network of this shape with a pass of {@code batch} rows: this thread's previous one if it
     * has the same shape and kernel settings (its parameters and buffers hold the previous run's
     * values; the caller must initialize every parameter), else a new one.
     *
     * @throws IllegalArgumentException as {@link Mlp#Mlp(int, int, int, Activation, DataType)} and
     *                                  {@link Mlp#newPass(int)}
     */
    static Entry acquire(int inputDim, int depth, int width, Activation phi, DataType dataType, int batch) {
        Key key = new Key(inputDim, depth, width, phi, dataType, Mlp.Kernel.fromSystemProperty(),
                Mlp.javaMaxParams(), Mlp.vectorMaxParams(), batch);
        Cached last = LAST.get();
        if (last != null && last.key().equals(key)) {
            return last.entry();
        }
        Mlp net = new Mlp(inputDim, depth, width, phi, dataType, key.kernel());
        Entry entry = new Entry(net, net.newPass(batch));
        if (estimatedBytes(inputDim, depth, width, dataType, batch) <= MAX_BYTES) {
            LAST.set(new Cached(key, entry));
        } else {
            LAST.remove();
        }
        return entry;
    }

    /**
     * Bytes a network and its pass hold, roughly: four copies of the parameters (weights, their
     * float copy and transpose, gradients) and seven of the activations (z, a, ∂z, ∂a as floats and,
     * where read, as INDArrays).
     */
    static long estimatedBytes(int inputDim, int depth, int width, DataType dataType, int batch) {
        long params = Preflight.parameters(inputDim, depth, width);
        long units = (long) depth * width + 1;
        return (long) dataType.width() * (4 * params + 7 * (long) batch * units);
    }
}
