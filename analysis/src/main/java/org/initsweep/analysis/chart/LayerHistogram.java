package org.initsweep.analysis.chart;

/**
 * Histogram of one layer's activations a^[l] (e.g. over the training set at one epoch) on fixed bin
 * edges; one panel of an {@link ActivationHistogramChart}.
 *
 * <p>Bin i spans [{@code edges[i]}, {@code edges[i+1]}) and holds {@code counts[i]} activations.
 * A histogram without bins ({@code counts} empty, {@code edges} with 0 or 1 entries) is allowed and
 * drawn as an empty panel.
 *
 * @param layer  layer number l (1..L+1, the output layer last); unique within one chart
 * @param edges  bin edges in activation units, finite and strictly ascending,
 *               {@code counts.length + 1} of them. The array is not copied.
 * @param counts activations per bin, each ≥ 0 (all zero is allowed). The array is not copied.
 * @throws IllegalArgumentException if an array is null, the lengths do not match, an edge is not
 *                                  finite or the edges are not strictly ascending, or a count is
 *                                  negative
 */
public record LayerHistogram(int layer, double[] edges, long[] counts) {

    /** Validates the histogram (see the class documentation). */
    public LayerHistogram {
        if (edges == null || counts == null) {
            throw new IllegalArgumentException("layer " + layer + ": edges and counts must not be null");
        }
        boolean noBins = counts.length == 0 && edges.length <= 1;
        if (!noBins && edges.length != counts.length + 1) {
            throw new IllegalArgumentException("layer " + layer + ": " + counts.length + " bins need "
                    + (counts.length + 1) + " edges, got " + edges.length);
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i])) {
                throw new IllegalArgumentException("layer " + layer + ": edge " + i + " is " + edges[i]);
            }
            if (i > 0 && !(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("layer " + layer + ": edges must be strictly ascending, but edge "
                        + i + " = " + edges[i] + " follows " + edges[i - 1]);
            }
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("layer " + layer + ": count of bin " + i + " is negative ("
                        + counts[i] + ")");
            }
        }
    }

    /** Number of bins, {@code counts.length}. */
    public int bins() {
        return counts.length;
    }

    /** Sum of the counts (0 for an empty or all-zero histogram). */
    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }
}
