package org.initsweep.analysis.chart;

/**
 * A trained network's output probability p = σ(z^[L+1]) = P(class 1) sampled on a
 * {@code steps × steps} grid over the (standardized) input square [min, max]²; the input of
 * {@link DecisionBoundaryChart}.
 *
 * <p>Layout, row-major with x₁ varying fastest: entry {@code probability[i2·steps + i1]} belongs to
 * the cell centred at
 * <pre>
 *   x₁ = min + (i1 + ½)·(max − min)/steps,   x₂ = min + (i2 + ½)·(max − min)/steps
 * </pre>
 * for i1, i2 = 0..steps−1; each cell covers a square of side (max − min)/steps around that point, so
 * the cells tile [min, max]² exactly. (The same layout as
 * {@code org.initsweep.core.trace.DecisionBoundary}.)
 *
 * @param min         lower edge of both input coordinates, standardized units; finite
 * @param max         upper edge; finite and &gt; {@code min}
 * @param steps       grid points per axis, ≥ 1
 * @param probability P(class 1) per grid point, {@code steps²} values in [0, 1]; NaN where the
 *                    network diverged (drawn light grey). The array is not copied.
 * @throws IllegalArgumentException if {@code min} or {@code max} is not finite, {@code min ≥ max},
 *                                  {@code steps < 1}, or {@code probability} is null or does not
 *                                  hold exactly {@code steps²} values
 */
public record BoundaryGrid(double min, double max, int steps, double[] probability) {

    /** Validates the grid (see the class documentation). */
    public BoundaryGrid {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("grid edges must be finite: min = " + min + ", max = " + max);
        }
        if (min >= max) {
            throw new IllegalArgumentException("grid needs min < max, got min = " + min + ", max = " + max);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("grid needs steps >= 1, got " + steps);
        }
        if (probability == null) {
            throw new IllegalArgumentException("grid probability array is null");
        }
        if (probability.length != (long) steps * steps) {
            throw new IllegalArgumentException("grid of " + steps + " × " + steps + " needs " + (long) steps * steps
                    + " probabilities, got " + probability.length);
        }
    }

    /** Side of one grid cell, (max − min)/steps. */
    public double cellSize() {
        return (max - min) / steps;
    }

    /** Centre coordinate of grid index i (0..steps−1) along either axis: min + (i + ½)·cellSize. */
    public double coordinate(int i) {
        return min + (i + 0.5) * (max - min) / steps;
    }

    /** P(class 1) at grid indices (i1 along x₁, i2 along x₂): {@code probability[i2·steps + i1]}. */
    public double at(int i1, int i2) {
        return probability[i2 * steps + i1];
    }
}
