package org.initsweep.core.activation;

import java.util.Locale;

/**
 * An element-wise activation φ with its derivative φ', as pure scalar functions.
 *
 * <p>The ND4J kernels that apply the same functions to whole layers live in
 * {@code org.initsweep.core.nn}; the scalar forms here are what the theory (Gauss–Hermite
 * expectations) and the tests use, so both must agree.
 *
 * <p>{@link #gain()} is the factor by which the activation scales the second moment of a
 * zero-mean Gaussian pre-activation in the small-signal limit: the forward signal is stable when
 * {@code m · gain = 1} (He et al. 2015, "Delving Deep into Rectifiers", eq. 10: gain 1/2 for ReLU).
 *
 * @param kind  which function
 * @param slope negative-side slope of {@code leaky_relu}; 0 for every other kind
 */
public record Activation(Kind kind, double slope) implements java.io.Serializable {

    /** The supported functions. */
    public enum Kind {
        /** φ(z) = z. */
        LINEAR,
        /** φ(z) = tanh z. */
        TANH,
        /** φ(z) = max(0, z). */
        RELU,
        /** φ(z) = 1 / (1 + e^{-z}). */
        SIGMOID,
        /** φ(z) = z for z &gt; 0, slope·z otherwise. */
        LEAKY_RELU;

        /** The spec name: {@code linear}, {@code tanh}, {@code relu}, {@code sigmoid}, {@code leaky_relu}. */
        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Default negative slope of {@code leaky_relu} (as in most libraries). */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    public static final Activation LINEAR = new Activation(Kind.LINEAR, 0);
    public static final Activation TANH = new Activation(Kind.TANH, 0);
    public static final Activation RELU = new Activation(Kind.RELU, 0);
    public static final Activation SIGMOID = new Activation(Kind.SIGMOID, 0);

    /**
     * @throws IllegalArgumentException if {@code slope} is not finite, or non-zero for a kind other
     *                                  than {@code LEAKY_RELU}
     */
    public Activation {
        if (kind == null) {
            throw new IllegalArgumentException("activation kind is null");
        }
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("activation slope must be finite, got " + slope);
        }
        if (kind != Kind.LEAKY_RELU && slope != 0) {
            throw new IllegalArgumentException("only leaky_relu takes a slope, got " + kind.specName());
        }
    }

    /** A leaky ReLU with the given negative-side slope. */
    public static Activation leakyRelu(double slope) {
        return new Activation(Kind.LEAKY_RELU, slope);
    }

    /**
     * The name used in result tables and charts: {@code tanh}, or {@code leaky_relu(0.01)} where
     * the function has a parameter. Stable: it is part of every run's id.
     */
    public String label() {
        return kind == Kind.LEAKY_RELU ? kind.specName() + "(" + slope + ")" : kind.specName();
    }

    /**
     * Parses a {@link #label()} back: {@code tanh}, {@code leaky_relu(0.01)}.
     *
     * @throws IllegalArgumentException if the text is not a label this class writes
     */
    public static Activation fromLabel(String label) {
        String name = label;
        double slope = 0;
        int open = label.indexOf('(');
        if (open >= 0 && label.endsWith(")")) {
            name = label.substring(0, open);
            try {
                slope = Double.parseDouble(label.substring(open + 1, label.length() - 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an activation label: " + label, e);
            }
        }
        for (Kind k : Kind.values()) {
            if (k.specName().equals(name)) {
                return new Activation(k, slope);
            }
        }
        throw new IllegalArgumentException("not an activation label: " + label);
    }

    /** φ(z). */
    public double value(double z) {
        return switch (kind) {
            case LINEAR -> z;
            case TANH -> Math.tanh(z);
            case RELU -> z > 0 ? z : 0;
            case SIGMOID -> z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
            case LEAKY_RELU -> z > 0 ? z : slope * z;
        };
    }

    /** φ'(z); at the kink of (leaky) ReLU the right derivative for z &gt; 0 and the left one at 0. */
    public double derivative(double z) {
        return switch (kind) {
            case LINEAR -> 1;
            case TANH -> {
                double t = Math.tanh(z);
                yield 1 - t * t;
            }
            case RELU -> z > 0 ? 1 : 0;
            case SIGMOID -> {
                double s = value(z);
                yield s * (1 - s);
            }
            case LEAKY_RELU -> z > 0 ? 1 : slope;
        };
    }

    /**
     * Small-signal gain: E[φ(z)²] / E[z²] for z ~ N(0, q) as q → 0, which is the factor the
     * forward second moment is multiplied by per layer (besides m). Linear and tanh: 1; ReLU: 1/2;
     * leaky ReLU: (1 + slope²)/2. Sigmoid has no zero-mean small-signal limit (σ(0) = 1/2), so its
     * gain is reported as the slope² at 0, 1/16, which is what governs the backward pass.
     */
    public double gain() {
        return switch (kind) {
            case LINEAR, TANH -> 1;
            case RELU -> 0.5;
            case LEAKY_RELU -> (1 + slope * slope) / 2;
            case SIGMOID -> 1.0 / 16;
        };
    }
}
