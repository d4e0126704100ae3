package org.initsweep.core.activation;

import java.io.Serializable;
import java.util.Map;

/**
 * An element-wise activation φ: its scalar forms (what mean-field theory integrates and tests check
 * against) and its float32 kernels (what the training loop runs). One small class per function
 * ({@link Linear}, {@link Tanh}, {@link Relu}, {@link LeakyRelu}, {@link Sigmoid}, …), registered by
 * spec name in {@link Activations}.
 *
 * <p>{@link #gain()} is the factor by which φ scales the second moment of a zero-mean Gaussian
 * pre-activation in the small-signal limit: the forward signal is kept when {@code m · gain = 1}
 * (He et al. 2015, "Delving Deep into Rectifiers", eq. 10: gain 1/2 for ReLU).
 *
 * <p>Implementations are immutable records: two activations are equal when they compute the same
 * function, and {@link #label()} is part of every run's id, so it must never change for a function.
 *
 * <p>The float32 kernels ({@link #forward}, {@link #backward}) work on row-major arrays of
 * {@code len} entries ({@code [batch, n]} flattened); they must be deterministic plain-Java loops (a
 * fixed operation order per entry), so that results are bit-identical on every JVM and machine.
 */
public interface Activation extends Serializable {

    /** φ(z) = z. */
    Activation LINEAR = new Linear();
    /** φ(z) = tanh z. */
    Activation TANH = new Tanh();
    /** φ(z) = max(0, z). */
    Activation RELU = new Relu();
    /** φ(z) = 1 / (1 + e^{−z}). */
    Activation SIGMOID = new Sigmoid();
    /** Default negative slope of {@code leaky_relu} (as in most libraries). */
    double DEFAULT_LEAKY_SLOPE = LeakyRelu.DEFAULT_SLOPE;

    /** A leaky ReLU with the given negative-side slope. */
    static Activation leakyRelu(double slope) {
        return new LeakyRelu(slope);
    }

    /**
     * Parses a {@link #label()} back: {@code tanh}, {@code leaky_relu(0.01)}.
     *
     * @throws IllegalArgumentException if the text is not a label an activation writes
     */
    static Activation fromLabel(String label) {
        return Activations.fromLabel(label);
    }

    /** The spec name, e.g. {@code tanh}, {@code leaky_relu}. */
    String name();

    /**
     * The name with the function's parameters, as result tables and run ids carry it:
     * {@code tanh}, {@code leaky_relu(0.01)}. Stable: part of every run's id.
     */
    default String label() {
        Map<String, Double> p = parameters();
        return p.isEmpty() ? name()
                : name() + "(" + String.join(",", p.values().stream().map(String::valueOf).toList()) + ")";
    }

    /** The function's parameters by spec field name, in a fixed order (empty for most). */
    default Map<String, Double> parameters() {
        return Map.of();
    }

    /** φ(z). */
    double value(double z);

    /** φ'(z); at a kink the right derivative for z &gt; 0 and the left one at 0. */
    double derivative(double z);

    /**
     * φ''(z), used by the depth scale ξ_q (Schoenholz et al. 2017, eq. 6); 0 where φ is piecewise
     * linear (a kink's delta contributes nothing to E[φ φ''] when φ(0) = 0).
     */
    double secondDerivative(double z);

    /**
     * Small-signal gain E[φ(z)²] / E[z²] for z ~ N(0, q) as q → 0: linear and tanh 1, ReLU 1/2,
     * leaky ReLU (1 + slope²)/2. Where φ(0) ≠ 0 (sigmoid) the slope² at 0 is reported, which governs
     * the backward pass.
     */
    double gain();

    /**
     * Whether φ(λz) = λφ(z) for λ &gt; 0 (linear, ReLU, leaky ReLU): the mean-field length map is then
     * affine in q.
     */
    default boolean positivelyHomogeneous() {
        return false;
    }

    /**
     * The range of φ where it is bounded, {lower, upper} (tanh [−1, 1], sigmoid [0, 1]); null where
     * it is not. Sets the fixed edges of activation histograms.
     */
    default double[] bounds() {
        return null;
    }

    // ---------------------------------------------------------------------------------------- float32

    /**
     * The forms the Vector API matrix kernel computes inside its products ({@code nn.Epilogue}), bit
     * for bit as {@link #forward}/{@link #backward} do; {@link #NONE} for functions only the plain
     * loops compute (the product then runs without the fused step, and the loops follow it).
     */
    enum Fused {
        /** Not fused. */
        NONE,
        /** Identity: A is Z, dZ is dA. */
        LINEAR,
        /** tanh by {@code FloatKernels.tanhFma}; backward (1 − a²)·da. */
        TANH,
        /** max(z, 0); backward z &gt; 0 ? da : da·0. */
        RELU,
        /** z &lt; 0 ? slope·z : z; backward z &gt; 0 ? da : da·slope. */
        LEAKY_RELU,
        /** Forward not fused (σ is computed in double); backward (1 − a)·a·da. */
        SIGMOID
    }

    /** What the backward pass reads besides ∂J/∂a. */
    enum Reads {
        /** Nothing: φ' is constant 1 (the identity). */
        NONE,
        /** The pre-activation Z. */
        Z,
        /** The activation A (e.g. tanh' = 1 − a²). */
        A
    }

    /** How the Vector API kernel may fuse this function; {@link Fused#NONE} by default. */
    default Fused fused() {
        return Fused.NONE;
    }

    /**
     * The parameter of the {@link #fused()} form: the negative-side slope of {@link Fused#LEAKY_RELU};
     * 0 for every form without one.
     */
    default double fusedSlope() {
        return 0;
    }

    /** What {@link #backward} reads; {@link Reads#Z} by default. */
    default Reads backwardReads() {
        return Reads.Z;
    }

    /** Whether φ is the identity (A is Z and dZ is dA: one array each, no work). */
    default boolean identity() {
        return false;
    }

    /**
     * {@code a[i] = φ(z[i])} for i &lt; len, in float32.
     *
     * @param fma whether the network's products run in the Vector API kernel, whose fused
     *            epilogue some functions (tanh) evaluate with fused multiply-adds: the loops must
     *            then give the same bits
     */
    void forward(float[] z, float[] a, int len, boolean fma);

    /**
     * {@code dz[i] = da[i]·φ'(·)} for i &lt; len, in float32, reading {@code z} or {@code a} as
     * {@link #backwardReads()} says (the other may be null).
     */
    void backward(float[] da, float[] z, float[] a, float[] dz, int len);
}
