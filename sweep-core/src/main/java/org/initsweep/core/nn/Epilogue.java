package org.initsweep.core.nn;

import org.initsweep.core.activation.Activation;

/**
 * The elementwise step {@link VectorGemm} applies to each block of a product while the block is
 * still in L1 cache, instead of a separate pass over the whole matrix afterwards. Two kinds, one
 * per product of {@link Mlp} that is followed by elementwise work:
 * <ul>
 *   <li>{@link #forward forward}: {@code C = A[l-1]·W[l]} becomes {@code Z[l] = C + b[l]} (stored in
 *       C) and {@code A[l] = φ(Z[l])} (stored in {@code out});</li>
 *   <li>{@link #backward backward}: {@code C = dZ[l]·W[l]ᵀ} is {@code dA[l-1]} (stored in C), then
 *       {@code dZ[l-1] = dA[l-1] ∘ φ'(·)} (stored in {@code dz}) and {@code db[l-1] = Σ_rows dZ[l-1]}.</li>
 * </ul>
 * Each entry gets exactly the float operations, in the same order, as {@link Mlp}'s separate loops
 * ({@link FloatKernels#addRow}, {@link FloatKernels#tanh(float)}, {@link FloatKernels#colSum}, the
 * derivative loops), so fusing changes no bit of any result.
 *
 * <p>Immutable; holds references to the caller's buffers (all row-major {@code [rows, cols]} of
 * the product's C, vectors of length cols).
 */
final class Epilogue {

    /** Which elementwise function the epilogue applies. */
    enum Fn {
        /** Forward: bias only ({@code out} unused); the caller applies φ (sigmoid) itself. */
        NONE,
        LINEAR,
        TANH,
        RELU,
        LEAKY_RELU,
        /** Backward only: φ' of the logistic sigmoid from its output, (1 − a)·a. */
        SIGMOID
    }

    final boolean forward;
    final Fn fn;
    final float slope;
    /** Forward: b[l], length cols. */
    final float[] bias;
    /** Forward: A[l] (the same array as C for a linear layer). Backward: dZ[l-1] (same as C if linear). */
    final float[] out;
    /** Backward: A[l-1] for tanh and sigmoid, Z[l-1] for (leaky) ReLU; null otherwise. */
    final float[] act;
    /** Backward: db[l-1], length cols, overwritten with the column sums of {@code out}. */
    final float[] db;

    private Epilogue(boolean forward, Fn fn, float slope, float[] bias, float[] out, float[] act, float[] db) {
        this.forward = forward;
        this.fn = fn;
        this.slope = slope;
        this.bias = bias;
        this.out = out;
        this.act = act;
        this.db = db;
    }

    /**
     * {@code Z = C + bias} in C, then {@code out = φ(Z)}.
     *
     * @param phi  hidden activation, or null for bias only (sigmoid hidden layers and the output
     *             layer, whose σ is computed in double by the caller)
     * @param bias b[l], length = columns of C
     * @param out  A[l]; ignored for a null or linear φ
     */
    static Epilogue forward(Activation phi, float[] bias, float[] out) {
        Fn fn = phi == null || phi.kind() == Activation.Kind.SIGMOID ? Fn.NONE : fn(phi.kind());
        return new Epilogue(true, fn, (float) (phi == null ? 0 : phi.slope()), bias, out, null, null);
    }

    /**
     * C is dA[l-1]; {@code dz = C ∘ φ'}, {@code db = Σ_rows dz}.
     *
     * @param phi hidden activation of layer l-1
     * @param a   A[l-1] (read for tanh and sigmoid)
     * @param z   Z[l-1] (read for ReLU and leaky ReLU)
     * @param dz  dZ[l-1] (the same array as C for a linear layer)
     * @param db  db[l-1], length = columns of C
     */
    static Epilogue backward(Activation phi, float[] a, float[] z, float[] dz, float[] db) {
        Fn fn = fn(phi.kind());
        float[] act = switch (fn) {
            case TANH, SIGMOID -> a;
            case RELU, LEAKY_RELU -> z;
            default -> null;
        };
        return new Epilogue(false, fn, (float) phi.slope(), null, dz, act, db);
    }

    private static Fn fn(Activation.Kind kind) {
        return switch (kind) {
            case LINEAR -> Fn.LINEAR;
            case TANH -> Fn.TANH;
            case RELU -> Fn.RELU;
            case LEAKY_RELU -> Fn.LEAKY_RELU;
            case SIGMOID -> Fn.SIGMOID;
        };
    }

    /** Forward φ of one pre-activation, as {@link Mlp}'s loops compute it. */
    float activate(float z) {
        return switch (fn) {
            case TANH -> FloatKernels.tanh(z);
            case RELU -> Math.max(z, 0f);
            case LEAKY_RELU -> z < 0f ? slope * z : z;
            default -> z;
        };
    }

    /** Backward: dz from da and the stored activation or pre-activation {@code s}, as {@link Mlp}'s loops. */
    float derivative(float da, float s) {
        return switch (fn) {
            case TANH -> (1f - s * s) * da;
            case SIGMOID -> (1f - s) * s * da;
            case RELU -> s > 0f ? da : da * 0f;
            case LEAKY_RELU -> s > 0f ? da : da * slope;
            default -> da;
        };
    }
}
