package org.initsweep.core.nn;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.activation.FloatTanh;

/**
 * The elementwise step {@link VectorGemm} applies to each block of a product while the block is
 * still in L1 cache, instead of a separate pass over the whole matrix afterwards. Two kinds, one
 * per product of a layer that is followed by elementwise work:
 * <ul>
 *   <li>{@link #forward forward}: {@code C = A[l-1]·W[l]} becomes {@code Z[l] = C + b[l]} (stored in
 *       C) and {@code A[l] = φ(Z[l])} (stored in {@code out});</li>
 *   <li>{@link #backward backward}: {@code C = dZ[l]·W[l]ᵀ} is {@code dA[l-1]} (stored in C), then
 *       {@code dZ[l-1] = dA[l-1] ∘ φ'(·)} (stored in {@code out}) and {@code db[l-1] = Σ_rows dZ[l-1]}.</li>
 * </ul>
 * Each entry gets exactly the float operations, in the same order, as the activation's own loops
 * ({@link Activation#forward}, {@link Activation#backward}) after {@link FloatKernels#addRow} and
 * before {@link FloatKernels#colSum}, so fusing changes no bit of any result. Only the forms of
 * {@link Activation.Fused} are fused. Holds references to the caller's buffers (row-major
 * {@code [rows, cols]} like the product's C; bias and db of length cols).
 *
 * @param forward whether this is the forward or the backward step
 * @param op      the fused form; forward, {@code LINEAR} means "bias only, {@code out} not written" (a
 *                linear layer's A is its Z; other layers are finished by the caller's loops)
 * @param slope   negative-side slope of leaky ReLU, 0 otherwise
 * @param bias    forward: b[l]
 * @param out     forward: A[l]; backward: dZ[l-1] (the same array as C for a linear layer)
 * @param act     backward: A[l-1] or Z[l-1], as {@link Activation#backwardReads()} says, else null
 * @param db      backward: db[l-1], overwritten with the column sums of {@code out}
 */
record Epilogue(boolean forward, Activation.Fused op, float slope, float[] bias, float[] out, float[] act,
        float[] db) {

    /**
     * {@code Z = C + bias} in C, then {@code out = φ(Z)} where φ's forward form is fused.
     *
     * @param phi  hidden activation, or null for bias only (an output layer, finished by its head)
     * @param bias b[l], length = columns of C
     * @param out  A[l]; not written when φ is null, linear or not fused forward
     */
    static Epilogue forward(Activation phi, float[] bias, float[] out) {
        Activation.Fused op = phi == null ? Activation.Fused.LINEAR : switch (phi.fused()) {
            case TANH, RELU, LEAKY_RELU -> phi.fused();
            case LINEAR, SIGMOID, NONE -> Activation.Fused.LINEAR;
        };
        return new Epilogue(true, op, phi == null ? 0f : (float) phi.fusedSlope(), bias, out, null, null);
    }

    /** Whether {@link #forward(Activation, float[], float[])} computes φ itself (else the caller's loop does). */
    static boolean appliesForward(Activation phi) {
        return switch (phi.fused()) {
            case TANH, RELU, LEAKY_RELU, LINEAR -> true;
            case SIGMOID, NONE -> false;
        };
    }

    /**
     * C is dA[l-1]; {@code dz = C ∘ φ'}, {@code db = Σ_rows dz}; null where φ's backward form is not
     * fused (the caller then runs the product plain, φ's loop and the column sums).
     *
     * @param phi hidden activation of layer l-1
     * @param a   A[l-1]
     * @param z   Z[l-1]
     * @param dz  dZ[l-1] (the same array as C for a linear layer)
     * @param db  db[l-1], length = columns of C
     */
    static Epilogue backward(Activation phi, float[] a, float[] z, float[] dz, float[] db) {
        if (phi.fused() == Activation.Fused.NONE) {
            return null;
        }
        float[] act = switch (phi.backwardReads()) {
            case A -> a;
            case Z -> z;
            case NONE -> null;
        };
        return new Epilogue(false, phi.fused(), (float) phi.fusedSlope(), null, dz, act, db);
    }

    /** Forward φ of one pre-activation, as the activation's loop computes it. */
    float activate(float z) {
        return switch (op) {
            case TANH -> FloatTanh.fma(z);
            case RELU -> Math.max(z, 0f);
            case LEAKY_RELU -> z < 0f ? slope * z : z;
            case LINEAR, SIGMOID, NONE -> z;
        };
    }

    /** Backward: dz from da and the stored activation or pre-activation {@code s}, as the activation's loop. */
    float derivative(float da, float s) {
        return switch (op) {
            case TANH -> (1f - s * s) * da;
            case SIGMOID -> (1f - s) * s * da;
            case RELU -> s > 0f ? da : da * 0f;
            case LEAKY_RELU -> s > 0f ? da : da * slope;
            case LINEAR, NONE -> da;
        };
    }
}
