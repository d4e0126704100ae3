package org.initsweep.core.nn;

import java.util.List;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.optim.ParameterBlock;

/**
 * A fully connected network of an {@link Architecture}, trained by hand-written forward and backward
 * passes on buffers allocated once per batch size ({@link Pass}), so an epoch allocates nothing. One
 * implementation per storage (models: DataSketches' sketch API over heap and direct memory):
 * {@link FloatNetwork} keeps float32 values in Java arrays and runs initsweep's own kernels;
 * {@link Nd4jNetwork} keeps ND4J arrays (float64, or float32 with {@link Kernel#ND4J}). Both compute
 * the same equations; they agree to the rounding of their arithmetic, not bit for bit.
 * {@link Networks#create} picks one.
 *
 * <p>Layers are numbered l = 1..L+1 (layer L+1 is the output). Layer l has weights W[l] of shape
 * {@code [fan_in, fan_out] = [n^[l-1], n^[l]]} and bias b[l] of shape {@code [n^[l]]}; on a batch
 * A[0] = X {@code [batch, n^[0]]}:
 * <pre>
 *   Z[l] = A[l-1]·W[l] + b[l]        A[l] = φ(Z[l]),  A[L+1] = head(Z[L+1])
 *   J    = (1/B) Σ_i loss(A[L+1]_i, y_i)
 *   dZ[L+1] = (A[L+1] − T)/B          dW[l] = A[l-1]ᵀ·dZ[l]      db[l] = Σ_rows dZ[l]
 *   dA[l-1] = dZ[l]·W[l]ᵀ             dZ[l-1] = dA[l-1] ∘ φ'(Z[l-1])
 * </pre>
 * so {@code dA[l]} is ∂J/∂a^[l] and {@code dW[l]} is ∂J/∂W^[l] of the batch-mean loss (T the
 * targets: the labels for the sigmoid head, their one-hot rows for softmax).
 *
 * <p>Gradients live in the network (one set, written by every {@link #backward}); activations in
 * each pass. An optimizer updates {@link #parameters()} from them.
 */
public interface Network {

    /** The shape. */
    Architecture architecture();

    /** Hidden layers L. */
    default int depth() {
        return architecture().depth();
    }

    /** Weight layers L + 1. */
    default int layers() {
        return architecture().layers();
    }

    /** n^[l] for l = 0..L+1. */
    default int units(int l) {
        return architecture().units(l);
    }

    /** Hidden activation φ. */
    default Activation activation() {
        return architecture().activation();
    }

    /** Output head. */
    default OutputHead head() {
        return architecture().head();
    }

    /** Whether values are float64 (else float32). */
    boolean float64();

    /**
     * What computes the matrix products, for provenance: {@code "nd4j"}, or the float32 engine's
     * kernels its layers use, e.g. {@code "vector512"}, {@code "sgemm+vector512"}, {@code "loops"}.
     */
    String kernelName();

    /**
     * Writes every weight and bias: {@code filler} is called once per layer l = 1..L+1, in order, with
     * arrays to fill — W[l] row-major {@code [n^[l-1], n^[l]]} and b[l]. Values are float32 on every
     * path (a float64 network holds them widened).
     */
    void initialize(ParameterFiller filler);

    /** Writes one layer's parameters during {@link #initialize}. */
    @FunctionalInterface
    interface ParameterFiller {
        /**
         * @param l      layer 1..L+1
         * @param fanIn  n^[l-1]
         * @param fanOut n^[l]
         * @param w      receives W[l], row-major {@code [fanIn, fanOut]} (length ≥ fanIn·fanOut)
         * @param b      receives b[l] (length ≥ fanOut)
         */
        void fill(int l, int fanIn, int fanOut, float[] w, float[] b);
    }

    /** Buffers for batches of {@code batch} rows. */
    Pass newPass(int batch);

    /** Forward pass on the pass's input: fills Z[l] and A[l] for l = 1..L+1. */
    void forward(Pass p);

    /**
     * Backward pass after {@link #forward} on the same pass, with its labels: fills dZ[l], dA[l] in the
     * pass and the network's dW[l], db[l] of the batch-mean loss.
     */
    void backward(Pass p);

    /**
     * The parameters with their gradient arrays, for an optimizer: W[1], b[1], …, W[L+1], b[L+1]. The
     * same block objects for the network's lifetime; their values are live.
     */
    List<ParameterBlock> parameters();

    /** W[l] as a row-major {@code [n^[l-1], n^[l]]} copy in double. */
    double[] weights(int l);

    /** b[l] as a copy in double. */
    double[] biases(int l);

    /** {mean, population variance} of the entries of W[l]. */
    double[] weightMoments(int l);

    /** {mean, population variance} of ∂J/∂W[l] after the last backward pass. */
    double[] gradientMoments(int l);

    /** The per-layer buffers of a {@link Pass}. */
    enum Buffer {
        /** Pre-activations Z[l] {@code [batch, n^[l]]}. */
        Z,
        /** Activations A[l] {@code [batch, n^[l]]}. */
        A,
        /** ∂J/∂Z[l] {@code [batch, n^[l]]}. */
        DZ,
        /** ∂J/∂A[l] {@code [batch, n^[l]]}, hidden layers. */
        DA
    }

    /**
     * Buffers of one batch size: the input rows and labels the caller writes, and every layer's values
     * after the last pass.
     */
    interface Pass {
        /** Rows per batch. */
        int batch();

        /**
         * The input X {@code [batch, n^[0]]} row-major, to be written by the caller before
         * {@link Network#forward}; call {@link #inputChanged()} after writing.
         */
        float[] input();

        /** Labels {@code [batch]}, class indices; call {@link #inputChanged()} after writing. */
        int[] labels();

        /** Tells the pass that {@link #input()} or {@link #labels()} was written. */
        void inputChanged();

        /**
         * Whether the next passes keep every layer's Z and dA (the default) or, with {@code false}, only
         * what training reads later (the float32 engine then shares one scratch array between layers for
         * the rest: deep networks train 5–10% faster). Reading a buffer that was not kept throws
         * {@link IllegalStateException}.
         */
        void keepAll(boolean keep);

        /** {mean, population variance} of one buffer of layer l (1..L+1) after the last pass. */
        double[] moments(Buffer which, int l);

        /** The entries of one buffer of layer l (1..L+1) after the last pass, row-major, as doubles. */
        double[] toDoubles(Buffer which, int l);

        /**
         * As {@link #toDoubles(Buffer, int)}, reusing {@code into}: the float32 pass fills its first
         * entries when it is long enough (the rest untouched) and returns it; otherwise, and on the
         * float64 path, a new array is returned. Read the result, not {@code into}: a caller reading
         * every layer keeps what is returned and allocates once per size instead of once per layer.
         */
        default double[] toDoubles(Buffer which, int l, double[] into) {
            return toDoubles(which, l);
        }
    }
}
