package org.initsweep.analysis.chart;

/**
 * A trained K-class network's predicted class and its probability (the top-1 confidence) on a
 * {@code steps × steps} grid over the (standardized) input square [min, max]²; the input of
 * {@link ClassRegionChart}. Layout as {@link BoundaryGrid}: entry {@code i2·steps + i1} is the cell centred at
 * x₁ = min + (i1 + ½)·(max − min)/steps, x₂ = min + (i2 + ½)·(max − min)/steps.
 *
 * @param min        lower edge of both input coordinates, standardized units; finite
 * @param max        upper edge; finite and &gt; {@code min}
 * @param steps      grid points per axis, ≥ 2
 * @param classes    K ≥ 2
 * @param predicted  argmax class per grid point, 0..K−1, or −1 where the network diverged; {@code steps²}
 *                   values, not copied
 * @param confidence the predicted class's probability per grid point, in [1/K, 1] (NaN where diverged)
 * @throws IllegalArgumentException if an edge is not finite, {@code min ≥ max}, {@code steps < 2}, K &lt; 2, an
 *                                  array is null or not of {@code steps²} values, or a class is out of range
 */
public record ClassRegions(double min, double max, int steps, int classes, int[] predicted, double[] confidence) {

    /** Validates the grid (see the class documentation). */
    public ClassRegions {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min >= max) {
            throw new IllegalArgumentException("grid needs finite edges with min < max, got min = " + min + ", max = "
                    + max);
        }
        if (steps < 2 || classes < 2) {
            throw new IllegalArgumentException("class regions need steps >= 2 and classes >= 2, got steps = " + steps
                    + ", classes = " + classes);
        }
        long points = (long) steps * steps;
        if (predicted == null || confidence == null || predicted.length != points || confidence.length != points) {
            throw new IllegalArgumentException("a grid of " + steps + " × " + steps + " needs " + points
                    + " predicted classes and confidences");
        }
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] < -1 || predicted[i] >= classes) {
                throw new IllegalArgumentException("predicted[" + i + "] = " + predicted[i] + " is not a class of "
                        + classes + " (nor −1, diverged)");
            }
        }
    }

    /** Side of one grid cell, (max − min)/steps. */
    public double cellSize() {
        return (max - min) / steps;
    }

    /** Centre coordinate of grid index i (0..steps−1) along either axis. */
    public double coordinate(int i) {
        return min + (i + 0.5) * cellSize();
    }

    /** The predicted class at grid indices (i1 along x₁, i2 along x₂), −1 where diverged. */
    public int at(int i1, int i2) {
        return predicted[i2 * steps + i1];
    }
}
