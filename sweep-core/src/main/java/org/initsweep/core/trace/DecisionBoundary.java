package org.initsweep.core.trace;

import java.io.Serializable;

/**
 * The trained network's class probabilities on a {@code steps × steps} grid over the standardized input
 * square [min, max]², for 2-D datasets. Point {@code k = i2·steps + i1} is x₁ = min + (i1 + ½)·(max − min)/steps,
 * x₂ = min + (i2 + ½)·(max − min)/steps; its probabilities are {@code probability[k·classes .. (k+1)·classes)}:
 * (1 − σ(z), σ(z)) of the sigmoid head for two classes, softmax(z) for K ≥ 3.
 *
 * @param min         lower edge of both input coordinates
 * @param max         upper edge
 * @param steps       grid points per axis
 * @param classes     K ≥ 2
 * @param probability P(class k) per grid point, row-major {@code [steps², classes]}; NaN where the network
 *                    diverged
 */
public record DecisionBoundary(double min, double max, int steps, int classes, float[] probability)
        implements Serializable {

    /** The grid every run uses: [−3, 3]² in standardized units, 60 × 60 points. */
    public static final double MIN = -3;
    /** Upper edge of the standard grid. */
    public static final double MAX = 3;
    /** Points per axis of the standard grid. */
    public static final int STEPS = 60;

    /** Coordinate of grid index i along either axis. */
    public double coordinate(int i) {
        return min + (i + 0.5) * (max - min) / steps;
    }

    /** P(class 1) at grid point k: for two classes, the sigmoid output the boundary p = ½ is drawn on. */
    public float p(int k) {
        return probability[k * classes + 1];
    }

    /** The predicted class at grid point k: the first of the largest probabilities; −1 where one is NaN. */
    public int predicted(int k) {
        int best = 0;
        for (int c = 0; c < classes; c++) {
            float v = probability[k * classes + c];
            if (Float.isNaN(v)) {
                return -1;
            }
            if (v > probability[k * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    /** The predicted class's probability at grid point k (the top-1 confidence); NaN where one is NaN. */
    public float confidence(int k) {
        int c = predicted(k);
        return c < 0 ? Float.NaN : probability[k * classes + c];
    }
}
