package org.initsweep.core.nn;

import java.io.Serializable;
import java.util.Arrays;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.head.OutputHead;

/**
 * The shape of a fully connected network: layer widths n^[0..L+1] (input, L hidden layers of any
 * widths, the head's output units), the hidden activation φ and the output head.
 *
 * @param units      n^[l] for l = 0..L+1, each ≥ 1; {@code units[L+1] = head.units()}
 * @param activation hidden activation φ
 * @param head       output activation and loss
 */
public record Architecture(int[] units, Activation activation, OutputHead head) implements Serializable {

    /**
     * @throws IllegalArgumentException if there is no hidden layer, a width is &lt; 1, or the last
     *                                  width is not the head's
     */
    public Architecture {
        units = units.clone();
        if (units.length < 3) {
            throw new IllegalArgumentException("a network needs an input, ≥ 1 hidden layer and an output, got "
                    + Arrays.toString(units));
        }
        for (int u : units) {
            if (u < 1) {
                throw new IllegalArgumentException("layer widths must be ≥ 1, got " + Arrays.toString(units));
            }
        }
        if (units[units.length - 1] != head.units()) {
            throw new IllegalArgumentException("the output layer has " + units[units.length - 1] + " units, the "
                    + head.name() + " head " + head.units());
        }
    }

    /**
     * A network of {@code hidden.length} hidden layers.
     *
     * @param inputDim n^[0]
     * @param hidden   n^[1..L]
     */
    public static Architecture of(int inputDim, int[] hidden, Activation activation, OutputHead head) {
        int[] u = new int[hidden.length + 2];
        u[0] = inputDim;
        System.arraycopy(hidden, 0, u, 1, hidden.length);
        u[u.length - 1] = head.units();
        return new Architecture(u, activation, head);
    }

    /** {@code depth} hidden layers of {@code width} units. */
    public static Architecture constant(int inputDim, int depth, int width, Activation activation, OutputHead head) {
        int[] hidden = new int[depth];
        Arrays.fill(hidden, width);
        return of(inputDim, hidden, activation, head);
    }

    /** n^[l], l = 0..L+1. */
    public int units(int l) {
        return units[l];
    }

    /** n^[0..L+1] (a copy). */
    @Override
    public int[] units() {
        return units.clone();
    }

    /** Hidden layers L. */
    public int depth() {
        return units.length - 2;
    }

    /** Weight layers L + 1. */
    public int layers() {
        return units.length - 1;
    }

    /** Weights P = Σ_l n^[l-1]·n^[l]. */
    public long weights() {
        long p = 0;
        for (int l = 1; l < units.length; l++) {
            p += (long) units[l - 1] * units[l];
        }
        return p;
    }

    /** Largest hidden width. */
    public int maxHidden() {
        int m = 0;
        for (int l = 1; l < units.length - 1; l++) {
            m = Math.max(m, units[l]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && Arrays.equals(units, a.units) && activation.equals(a.activation)
                && head.equals(a.head);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(units) + activation.hashCode()) + head.hashCode();
    }

    @Override
    public String toString() {
        return "Architecture" + Arrays.toString(units) + " " + activation.label() + " " + head.name();
    }
}
