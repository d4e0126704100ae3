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
 *       {@code dZ[l-1] = dA[l-1] ∘ φ'(·)} (stored in {@code out}) and {@code db[l-1] = Σ_rows dZ[l-1]}.</li>
 * </ul>
 * Each entry gets exactly the float operations, in the same order, as {@link Mlp}'s separate loops
 * ({@link FloatKernels#addRow}, {@link FloatKernels#tanhFma(float)}, {@link FloatKernels#colSum}, the
 * derivative loops), so fusing changes no bit of any result. Holds references to the caller's
 * buffers (row-major {@code [rows, cols]} like the product's C; bias and db of length cols).
 *
 * @param forward whether this is the forward or the backward step
 * @param kind    φ; forward, {@code LINEAR} means "bias only, {@code out} not written" (a linear
 *                layer's A is its Z; σ layers are finished by the caller, in double)
 * @param slope   negative-side slope of leaky ReLU, 0 otherwise
 * @param bias    forward: b[l]
 * @param out     forward: A[l]; backward: dZ[l-1] (the same array as C for a linear layer)
 * @param act     backward: A[l-1] for tanh and sigmoid, Z[l-1] for (leaky) ReLU, else null
 * @param db      backward: db[l-1], overwritten with the column sums of {@code out}
 */
record Epilogue(boolean forward, Activation.Kind kind, float slope, float[] bias, float[] out, float[] act,
        float[] db) {

    /**
     * {@code Z = C + bias} in C, then {@code out = φ(Z)}.
     *
     * @param phi  hidden activation, or null for bias only (the output layer, whose σ the caller
     *             computes in double, as it does for sigmoid hidden layers)
     * @param bias b[l], length = columns of C
     * @param out  A[l]; not written for a null, linear or sigmoid φ
     */
    static Epilogue forward(Activation phi, float[] bias, float[] out) {
        Activation.Kind kind = phi == null || phi.kind() == Activation.Kind.SIGMOID ? Activation.Kind.LINEAR : phi.kind();
        return new Epilogue(true, kind, (float) (phi == null ? 0 : phi.slope()), bias, out, null, null);
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
        float[] act = switch (phi.kind()) {
            case TANH, SIGMOID -> a;
            case RELU, LEAKY_RELU -> z;
            case LINEAR -> null;
        };
        return new Epilogue(false, phi.kind(), (float) phi.slope(), null, dz, act, db);
    }

    /** Forward φ of one pre-activation, as {@link Mlp}'s loops compute it. */
    float activate(float z) {
        return switch (kind) {
            case TANH -> FloatKernels.tanhFma(z);
            case RELU -> Math.max(z, 0f);
            case LEAKY_RELU -> z < 0f ? slope * z : z;
            case LINEAR, SIGMOID -> z;
        };
    }

    /** Backward: dz from da and the stored activation or pre-activation {@code s}, as {@link Mlp}'s loops. */
    float derivative(float da, float s) {
        return switch (kind) {
            case TANH -> (1f - s * s) * da;
            case SIGMOID -> (1f - s) * s * da;
            case RELU -> s > 0f ? da : da * 0f;
            case LEAKY_RELU -> s > 0f ? da : da * slope;
            case LINEAR -> da;
        };
    }
}
