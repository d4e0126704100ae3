package org.initsweep.core.trace;

import java.io.Serializable;

/**
 * The trained network's output probability σ(z^[L+1]) on a {@code steps × steps} grid over the
 * standardized input square [min, max]², for 2-D datasets. Row-major: entry {@code i2·steps + i1}
 * is the point x₁ = min + (i1 + ½)·(max − min)/steps, x₂ = min + (i2 + ½)·(max − min)/steps.
 *
 * @param min         lower edge of both input coordinates
 * @param max         upper edge
 * @param steps       grid points per axis
 * @param probability P(class 1) per grid point; NaN where the network diverged
 */
public record DecisionBoundary(double min, double max, int steps, float[] probability) implements Serializable {

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
}
